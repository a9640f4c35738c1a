package uk.gov.send.rep.hub.outcome;

import uk.gov.send.rep.hub.query.GlobalId;

/** An outcome measure: what is counted, in which unit, which way is better, at which level. */
public record Measure(String code, String name, String unit, String polarity, String level, String periodType,
        String definition, String source) {

    public String id() {
        return GlobalId.encode("Measure", code);
    }
}
