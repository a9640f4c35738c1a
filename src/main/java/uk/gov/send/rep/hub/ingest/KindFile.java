package uk.gov.send.rep.hub.ingest;

import java.util.List;

/** A kind applied to one file (its header known): parses rows and finishes them. */
public interface KindFile {

    /** Whether {@link #survey} must see every row before the first {@link #parse} (EES filter columns). */
    default boolean surveys() {
        return false;
    }

    /** Looks at a row before any is parsed (only when {@link #surveys()}). */
    default void survey(CsvRow row) {
    }

    /**
     * The rows to write for a file row, with the references to check; none when the row is bad or
     * skipped, which it reports to {@code problems}. Deterministic: the core parses a file more than once.
     */
    List<Candidate> parse(CsvRow row, RowProblems problems);

    /**
     * A candidate's statement parameters once its references are known, including its natural
     * {@code key} and {@value ImportOptions#SCOPE_AREAS}: a {@code List<String>} of the ONS codes of
     * every local area the row touches ({@code ""} for a row of no known area), which the core checks
     * against an upload's scope ({@link ImportOptions#scopeArea()}); null when a check across
     * columns fails (reported to {@code problems}).
     */
    java.util.Map<String, Object> complete(Candidate candidate, Resolved resolved, RowProblems problems);

    /** Before the first batch of a file that will be written (declaring measures, say). */
    default void beforeLoad() {
    }

    /** After every row of the file is in (refreshing derived data, say). */
    default void afterLoad() {
    }
}
