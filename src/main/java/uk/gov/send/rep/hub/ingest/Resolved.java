package uk.gov.send.rep.hub.ingest;

/** The keys the database gave a candidate's references ({@link Lookup}). */
public interface Resolved {

    /** What {@code reference} resolved to; the core has already rejected a row with an unknown one. */
    String key(Reference reference);
}
