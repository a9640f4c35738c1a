package uk.gov.send.rep.hub.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cells of person-level records (SEN2 plans and placements, cohort lists): ISO dates, flags,
 * enumerations and required text, each problem reported with its column and value. Shared by the
 * {@code plans}, {@code placements} and {@code cohorts} kinds.
 */
final class RecordCells {

    /** What a date cell must look like, for the report. */
    static final String DATE_FORMAT = "yyyy-MM-dd, e.g. 2024-09-01";

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0");

    private RecordCells() {
    }

    /** The kind's columns are in the header and no measure is mapped, or the file is unusable. */
    static void checkHeader(String file, String kind, List<String> header, List<String> required, List<String> optional,
            ImportOptions options) {
        List<String> missing = required.stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new ImportException(file + ": line 1: no column " + String.join(", ", missing) + " (a " + kind
                + " file has " + String.join(", ", required) + (optional.isEmpty() ? "" : " and may have "
                + String.join(", ", optional)) + ")");
        }
        if (!options.mappings().isEmpty()) {
            throw new ImportException("--map and --mapping are for EES files, not " + kind);
        }
    }

    /** A required text cell; null when (reported) empty. */
    static String required(CsvRow row, String column, RowProblems problems) {
        String cell = row.get(column);
        if (cell.isEmpty()) {
            problems.bad(column, "empty");
            return null;
        }
        return cell;
    }

    /** A date cell, null when empty (reported when {@code required}) or (reported) not an ISO date. */
    static LocalDate date(CsvRow row, String column, boolean required, RowProblems problems) {
        String cell = row.get(column);
        if (cell.isEmpty()) {
            if (required) {
                problems.bad(column, "empty (expected a date, " + DATE_FORMAT + ")");
            }
            return null;
        }
        try {
            return LocalDate.parse(cell);
        }
        catch (DateTimeParseException notADate) {
            problems.bad(column, "'" + cell + "' is not a date (expected " + DATE_FORMAT + ")");
            return null;
        }
    }

    /** A flag: true, false, yes, no, y, n, 1 or 0 (any case); empty is false; null when (reported) none of these. */
    static Boolean flag(CsvRow row, String column, RowProblems problems) {
        String cell = row.get(column).toLowerCase(Locale.ROOT);
        if (cell.isEmpty() || FALSE.contains(cell)) {
            return false;
        }
        if (TRUE.contains(cell)) {
            return true;
        }
        problems.bad(column, "'" + row.get(column) + "' is not true or false (nor yes/no, Y/N, 1/0)");
        return null;
    }

    /**
     * A cell holding one of {@code values} (any case; returned upper case); null when empty
     * (reported when {@code required}) or (reported) another value.
     */
    static String oneOf(CsvRow row, String column, List<String> values, boolean required, RowProblems problems) {
        String cell = row.get(column);
        if (cell.isEmpty()) {
            if (required) {
                problems.bad(column, "empty (expected " + String.join(", ", values) + ")");
            }
            return null;
        }
        String value = cell.toUpperCase(Locale.ROOT);
        if (!values.contains(value)) {
            problems.bad(column, "'" + cell + "' is not one of " + String.join(", ", values));
            return null;
        }
        return value;
    }

    /** A row's problems passed on to the core's, noting whether there was any. */
    static final class Noted implements RowProblems {

        private final RowProblems problems;
        private boolean bad;

        Noted(RowProblems problems) {
            this.problems = problems;
        }

        @Override
        public void bad(String column, String reason) {
            bad = true;
            problems.bad(column, reason);
        }

        @Override
        public void skip(String reason) {
            problems.skip(reason);
        }

        /** Whether a problem was reported through this. */
        boolean any() {
            return bad;
        }
    }

    /** The ONS codes of the areas a row touches, without the empty code of a child living nowhere, each once. */
    static List<String> scopeAreas(String... codes) {
        List<String> areas = new ArrayList<>();
        for (String code : codes) {
            if (code != null && !code.isEmpty() && !areas.contains(code)) {
                areas.add(code);
            }
        }
        return areas;
    }
}
