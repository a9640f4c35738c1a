package uk.gov.send.rep.hub.ingest;

/**
 * A file or an argument the import cannot use at all (a missing column, an unknown kind or
 * measure, an unreadable file): exit code 2, nothing written. The message says what and where.
 */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }
}
