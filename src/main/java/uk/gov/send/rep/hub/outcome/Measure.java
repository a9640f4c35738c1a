package uk.gov.send.rep.hub.outcome;

import uk.gov.send.rep.hub.query.GlobalId;

/**
 * An outcome measure: what is counted, in which unit, which way is better, at which level, and
 * whether its observations are rates ({@code RATE}: a numerator over a denominator) or values to
 * average ({@code MEAN}); {@code valueKind} is null where the catalogue does not say.
 */
public record Measure(String code, String name, String unit, String polarity, String level, String periodType,
        String definition, String source, String valueKind) {

    public String id() {
        return GlobalId.encode("Measure", code);
    }
}
