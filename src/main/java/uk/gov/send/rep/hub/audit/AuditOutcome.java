package uk.gov.send.rep.hub.audit;

/** How an audited request ended, as its response says. */
public enum AuditOutcome {
    /** Answered without errors. */
    OK,
    /** Answered with data and errors (some fields failed). */
    PARTIAL,
    /** Answered with errors and no data. */
    ERROR
}
