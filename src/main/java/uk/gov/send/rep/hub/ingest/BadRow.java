package uk.gov.send.rep.hub.ingest;

/**
 * One problem with one row of a file: the row is not imported.
 * @param line the line of the file the row starts on (the header is line 1)
 * @param column the column at fault, or null when the row as a whole is (a duplicate, say)
 * @param reason what is wrong, with the offending value
 */
public record BadRow(long line, String column, String reason) {

    String text() {
        return "line " + line + (column == null ? "" : ", " + column) + ": " + reason;
    }
}
