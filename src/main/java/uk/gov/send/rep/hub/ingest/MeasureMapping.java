package uk.gov.send.rep.hub.ingest;

/**
 * An indicator column mapped to a measure ({@code --map COLUMN=MEASURE} or a line of a
 * {@code --mapping} file). With a {@code name} it declares the measure too: one not yet in the
 * catalogue is created with these fields; one already there is left as it is.
 */
public record MeasureMapping(String column, String measure, String name, String unit, String polarity,
        String valueKind, String level, String periodType) {

    public static MeasureMapping of(String column, String measure) {
        return new MeasureMapping(column, measure, null, null, null, null, null, null);
    }

    public boolean declares() {
        return name != null && !name.isBlank();
    }

    /** Every field, for the run's fingerprint. */
    String fingerprint() {
        return String.join(",", column, measure, String.valueOf(name), String.valueOf(unit), String.valueOf(polarity),
            String.valueOf(valueKind), String.valueOf(level), String.valueOf(periodType));
    }
}
