package uk.gov.send.rep.hub.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import uk.gov.send.rep.hub.period.InvalidPeriodException;
import uk.gov.send.rep.hub.period.Period;

/** Cells of observations as EES publishes them: numbers, symbols and periods. */
final class ObservationValues {

    /**
     * EES symbols: {@code c} suppressed, {@code x} not available, {@code z} not applicable,
     * {@code low} rounds to zero, {@code u} low reliability. Each is a status with no value (never 0).
     */
    static final Set<String> SYMBOLS = Set.of("c", "x", "z", "low", "u");

    private ObservationValues() {
    }

    /** A value cell: a number (value, no status) or a symbol (status, no value); empty is neither. */
    record Value(Double value, String status) {
        static final Value EMPTY = new Value(null, null);
    }

    /**
     * @return the cell's value or symbol, or null (reported to {@code problems}) when it is neither
     */
    static Value value(String cell, String column, RowProblems problems) {
        if (cell.isEmpty()) {
            return Value.EMPTY;
        }
        String symbol = cell.toLowerCase(Locale.ROOT);
        if (SYMBOLS.contains(symbol)) {
            return new Value(null, symbol);
        }
        Double number = number(cell, column, problems);
        return number == null ? null : new Value(number, null);
    }

    /** A number cell; null when empty or (reported) not a finite number. */
    static Double number(String cell, String column, RowProblems problems) {
        if (cell.isEmpty()) {
            return null;
        }
        try {
            double number = Double.parseDouble(cell);
            if (Double.isFinite(number) && !cell.endsWith("d") && !cell.endsWith("f") && !cell.endsWith("D") && !cell.endsWith("F")) {
                return number;
            }
        }
        catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.bad(column, "'" + cell + "' is neither a number nor an EES symbol (c, x, z, low, u)");
        return null;
    }

    /**
     * An observation's statement parameters ({@code ImportCypher.observations}) but its subject and
     * key, which {@link #keyed} adds once the subject is resolved.
     */
    static Map<String, Object> observation(String measure, Period period, Double value, Double numerator,
            Double denominator, String status) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("measure", measure);
        parameters.put("timePeriod", (long) period.timePeriod());
        parameters.put("timeIdentifier", period.timeIdentifier());
        parameters.put("periodStart", period.start());
        parameters.put("value", value);
        parameters.put("numerator", numerator);
        parameters.put("denominator", denominator);
        parameters.put("status", status);
        return parameters;
    }

    /** The parameters with the subject and the natural key of docs/model.md: {@code <measure>|<label>|<subject>|<tp>|<ti>}. */
    static Map<String, Object> keyed(Map<String, Object> observation, String label, String subject) {
        Map<String, Object> parameters = new HashMap<>(observation);
        parameters.put("subject", subject);
        parameters.put("key", String.join("|", (String) observation.get("measure"), label, subject,
            String.valueOf(observation.get("timePeriod")), (String) observation.get("timeIdentifier")));
        return parameters;
    }

    /** The period of {@code time_period} and {@code time_identifier}; null when (reported) not one the hub knows. */
    static Period period(CsvRow row, RowProblems problems) {
        try {
            return Period.parse(row.get("time_period"), row.get("time_identifier"));
        }
        catch (InvalidPeriodException e) {
            problems.bad(e.getMessage().startsWith("time_identifier") ? "time_identifier" : "time_period", e.getMessage());
            return null;
        }
    }
}
