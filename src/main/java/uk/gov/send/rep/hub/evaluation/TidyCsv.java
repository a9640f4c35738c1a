package uk.gov.send.rep.hub.evaluation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import uk.gov.send.rep.hub.period.Period;
import uk.gov.send.rep.hub.query.Suppression;

/**
 * A table in the tidy-data layout of DfE's explore education statistics (EES) open data
 * standards, written as CSV: one row per observation unit; the time columns, then the geography
 * columns, then filters, then indicators (the order the columns are declared in); snake_case
 * names; no blank cell: a suppressed figure is the GSS symbol {@code c}, a figure that does not
 * apply to the row {@code z} (also every cell a row leaves unset), one the hub does not have
 * {@code x}. Numbers in plain decimal ({@code .} point, no exponent, every digit a
 * {@code double} needs to read back exactly). UTF-8, a header row, CRLF line ends and quoting as
 * RFC 4180 (commons-csv).
 *
 * <p>A table is declared by its columns and filled row by row with typed cells
 * ({@link Row#time}, {@link Row#national}, {@link Row#figure}, ...), so an export is its column
 * list and one mapping from the service's records: e.g. a benchmark of areas is
 * {@code new TidyCsv(columns)} with {@code geographic_level} "Local authority" and EES's
 * {@code region_code, region_name, old_la_code, new_la_code, la_name} set through {@link Row#text}.
 */
final class TidyCsv {

    /** A figure withheld by disclosure control (GSS symbol). */
    static final String SUPPRESSED = Suppression.SYMBOL;

    /** A figure that does not apply to the row (GSS symbol). */
    static final String NOT_APPLICABLE = "z";

    /** A figure the hub does not have, e.g. no estimate (GSS symbol). */
    static final String UNAVAILABLE = "x";

    /** EES's time columns. */
    static final List<String> TIME = List.of("time_period", "time_identifier");

    /** EES's geography columns at national level. */
    static final List<String> NATIONAL = List.of("geographic_level", "country_code", "country_name");

    /** The media type of every download. */
    static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private final List<String> columns;
    private final List<Row> rows = new ArrayList<>();

    /** A table of these columns, in this order (snake_case, each once). */
    TidyCsv(List<String> columns) {
        if (new LinkedHashSet<>(columns).size() != columns.size()
                || !columns.stream().allMatch(column -> column.matches("[a-z][a-z0-9_]*"))) {
            throw new IllegalArgumentException("columns must be distinct and in snake_case: " + columns);
        }
        this.columns = List.copyOf(columns);
    }

    /** The columns, in order. */
    List<String> columns() {
        return columns;
    }

    /** A new row at the end of the table; every cell left unset reads {@value #NOT_APPLICABLE}. */
    Row row() {
        Row row = new Row();
        rows.add(row);
        return row;
    }

    /** The table as CSV: the header, then a line per row. */
    byte[] bytes() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(columns);
            for (Row row : rows) {
                printer.printRecord(columns.stream().map(column -> row.cells.getOrDefault(column, NOT_APPLICABLE)).toList());
            }
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A number in plain decimal: an integer as it is; a {@code double} with the fewest digits that
     * read back as the same {@code double} (as {@code Double.toString}), never with an exponent
     * and without trailing zeros; null, NaN or infinite: {@value #UNAVAILABLE}.
     */
    static String number(Number value) {
        if (value == null) {
            return UNAVAILABLE;
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        double d = value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return UNAVAILABLE;
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** One row: cells by column name. */
    final class Row {

        private final Map<String, String> cells = new LinkedHashMap<>();

        /** {@code time_period} and {@code time_identifier} of {@code period}; {@value #UNAVAILABLE} for null. */
        Row time(Period period) {
            set("time_period", period == null ? UNAVAILABLE : String.valueOf(period.timePeriod()));
            return set("time_identifier", period == null ? UNAVAILABLE : period.timeIdentifier());
        }

        /** England at national level: EES's {@code National}, {@code E92000001}, {@code England}. */
        Row national() {
            set("geographic_level", "National");
            set("country_code", "E92000001");
            return set("country_name", "England");
        }

        /** A text cell (a filter, a code, a note); null: {@value #UNAVAILABLE}. */
        Row text(String column, String value) {
            return set(column, value == null ? UNAVAILABLE : value);
        }

        /** A figure: {@value #SUPPRESSED} when suppressed, else the number ({@link #number}). */
        Row figure(String column, Number value, boolean suppressed) {
            return set(column, suppressed ? SUPPRESSED : number(value));
        }

        /** A count as the service gives it: a number, or {@code "c"} when suppressed. */
        Row count(String column, Object count) {
            return set(column, count instanceof Number n ? number(n) : SUPPRESSED.equals(count) ? SUPPRESSED : UNAVAILABLE);
        }

        /** {@code TRUE} or {@code FALSE}; null: {@value #UNAVAILABLE}. */
        Row flag(String column, Boolean value) {
            return set(column, value == null ? UNAVAILABLE : value ? "TRUE" : "FALSE");
        }

        /** An ISO date; null: {@value #NOT_APPLICABLE} (an open end). */
        Row date(String column, LocalDate value) {
            return set(column, value == null ? NOT_APPLICABLE : value.toString());
        }

        private Row set(String column, String value) {
            if (!columns.contains(column)) {
                throw new IllegalArgumentException("no column " + column + " in " + columns);
            }
            if (cells.putIfAbsent(column, value.isEmpty() ? UNAVAILABLE : value) != null) {
                throw new IllegalStateException("column " + column + " set twice");
            }
            return this;
        }
    }
}
