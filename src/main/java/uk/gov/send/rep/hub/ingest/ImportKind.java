package uk.gov.send.rep.hub.ingest;

import java.util.List;

/**
 * What one kind of file holds and how it is written. A kind is a Spring bean; the core
 * ({@link Importer}) reads, validates, resolves references, checks natural keys for duplicates and
 * writes in resumable batches. A new kind declares: its name, its columns (checked in
 * {@link #open}), its row validation and references ({@link KindFile#parse}), its natural key
 * (the {@code key} parameter set by {@link KindFile#complete}) and its parameterised statement
 * ({@link #statement}), which MERGEs on that key so that writing a row twice changes nothing.
 */
public interface ImportKind {

    /** The name given to {@code --kind}. */
    String name();

    /** One line for the usage text: what a file of this kind holds. */
    String description();

    /**
     * This kind applied to one file: checks its header (and the options) and returns what parses
     * its rows.
     * @throws ImportException when the file cannot be of this kind (a missing column, an unknown measure)
     */
    KindFile open(String file, List<String> header, ImportOptions options);

    /** The statement that writes a batch: {@code UNWIND $rows AS row ...}, MERGE on {@code row.key}. */
    String statement();

    /**
     * A faster statement for the rows whose natural key validation found not yet in the database:
     * {@code UNWIND $rows AS row ... CREATE}, the same graph as {@link #statement} writes for a new
     * key. Null (the default) when every row goes through {@link #statement}. A kind that gives
     * one gives {@link #existingKeys} too. The key's uniqueness constraint still guards a race with
     * another writer: the core then writes that batch again with {@link #statement}.
     */
    default String createStatement() {
        return null;
    }

    /** With {@link #createStatement}: {@code UNWIND $values AS value MATCH ... RETURN value} for the keys that exist. */
    default String existingKeys() {
        return null;
    }
}
