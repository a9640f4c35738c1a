package uk.gov.send.rep.hub.outcome;

import java.time.LocalDate;

import uk.gov.send.rep.hub.period.InvalidPeriodException;
import uk.gov.send.rep.hub.period.Period;
import uk.gov.send.rep.hub.query.GlobalId;

/** A measure's value for one subject (child, setting or area) in one period. */
public record Observation(String key, String measureCode, Integer timePeriod, String timeIdentifier,
        LocalDate periodStart, Double value, Double numerator, Double denominator, String status) {

    public String id() {
        return GlobalId.encode("Observation", key);
    }

    /** The period observed; null when the stored pair names none the hub knows (GraphQL {@code period}). */
    public Period period() {
        try {
            return Period.parse(String.valueOf(timePeriod), timeIdentifier);
        }
        catch (InvalidPeriodException unknown) {
            return null;
        }
    }
}
