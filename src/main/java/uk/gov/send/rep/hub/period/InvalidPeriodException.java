package uk.gov.send.rep.hub.period;

/** A {@code time_period}/{@code time_identifier} pair, or a range of them, that names no period: the message says why. */
public class InvalidPeriodException extends IllegalArgumentException {

    public InvalidPeriodException(String message) {
        super(message);
    }
}
