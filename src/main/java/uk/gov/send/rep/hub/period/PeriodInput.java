package uk.gov.send.rep.hub.period;

import uk.gov.send.rep.hub.query.InvalidArgumentException;

/**
 * A period as a client names it (the GraphQL input {@code PeriodInput}): an EES
 * {@code time_period} and {@code time_identifier}, not yet checked.
 *
 * @param timePeriod the EES {@code time_period}, e.g. 202324
 * @param timeIdentifier the EES {@code time_identifier}, e.g. "Academic year" (any case)
 */
public record PeriodInput(Integer timePeriod, String timeIdentifier) {

    /**
     * The period it names.
     * @throws InvalidArgumentException naming {@code argument} and saying what is wrong
     */
    public Period period(String argument) {
        try {
            return Period.parse(String.valueOf(timePeriod), timeIdentifier);
        }
        catch (InvalidPeriodException invalid) {
            throw new InvalidArgumentException(argument, invalid.getMessage());
        }
    }
}
