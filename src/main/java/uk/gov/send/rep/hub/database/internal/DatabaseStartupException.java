package uk.gov.send.rep.hub.database.internal;

/**
 * A start-up failure of the database feature that a person can fix by configuration. Its message
 * says what is wrong and names the property, path or port; {@link #action()} says what to do.
 * {@link DatabaseFailureAnalyzer} prints both instead of a stack trace.
 */
public abstract class DatabaseStartupException extends RuntimeException {

    private final String action;

    protected DatabaseStartupException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
