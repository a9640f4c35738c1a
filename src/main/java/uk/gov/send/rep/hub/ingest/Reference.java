package uk.gov.send.rep.hub.ingest;

/** A value in a row's {@code column} that must name something in the database ({@link Lookup}). */
public record Reference(String column, Lookup lookup, String value) {
}
