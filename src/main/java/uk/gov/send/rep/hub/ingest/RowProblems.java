package uk.gov.send.rep.hub.ingest;

/** Where a kind reports what it finds wrong with, or skips in, the row at hand. */
public interface RowProblems {

    /** The row is bad: {@code column} (or null for the whole row) and why, naming the value. */
    void bad(String column, String reason);

    /** The row is not for this import (another geographic level, say): counted under {@code reason}. */
    void skip(String reason);
}
