package uk.gov.send.rep.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import uk.gov.send.rep.hub.database.DatabaseReady;
import uk.gov.send.rep.hub.database.Progress;
import uk.gov.send.rep.hub.ingest.ImportReport.Outcome;

/**
 * The import core (ADR 0015). For one file of one kind:
 * <ol>
 * <li>the run's id is the SHA-256 of the kind, the mappings and the file's bytes; a COMPLETE
 *     {@code ImportRun} with that id means the file is already in: nothing is read or written;
 * <li>validation, before anything is written: every row is parsed (bad cells reported with line
 *     and column), the distinct values every row refers to are checked against the database in
 *     batches, and natural keys are checked for duplicates within the file. A file with bad rows
 *     is rejected and changes nothing, unless {@code goodRowsOnly};
 * <li>loading, in batches of {@code hub.ingest.batch-size} rows, each in one transaction with the
 *     run's {@code batchesDone} and {@code linesDone}: a rerun after a crash skips the lines
 *     already committed, and the kind's statement MERGEs on natural keys, so every row ends up in
 *     exactly once.
 * </ol>
 * A file is read once per pass (survey if the kind needs it, parse, complete, write) rather than
 * held in memory, so its size is bounded by the disk; memory holds the distinct references and
 * the natural keys.
 */
@Service
public class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    /** Batches queued or being written while the next ones are prepared. */
    private static final int IN_FLIGHT = 2;

    private final Map<String, ImportKind> kinds = new TreeMap<>();
    private final ImportDatabase database;
    private final IngestProperties properties;

    // DatabaseReady: the migrations (the ImportRun constraint among them) are applied first.
    Importer(List<ImportKind> kinds, ImportDatabase database, IngestProperties properties, DatabaseReady ready) {
        kinds.forEach(kind -> this.kinds.put(kind.name(), kind));
        this.database = database;
        this.properties = properties;
    }

    /** The kinds this hub imports, by name. */
    public Map<String, ImportKind> kinds() {
        return Map.copyOf(kinds);
    }

    /**
     * Imports one file (see the class comment).
     * @throws ImportException when the kind, the file's columns or the options are unusable (nothing written)
     */
    public ImportReport importFile(String kindName, Path file, ImportOptions options) {
        return importFile(kindName, file, file.toString(), options);
    }

    /**
     * Imports one file under the name {@code name} (an upload's file name: reports, messages and
     * the {@code ImportRun} name it, not the temporary file it was stored to).
     * @throws ImportException when the kind, the file's columns or the options are unusable (nothing written)
     */
    public ImportReport importFile(String kindName, Path file, String name, ImportOptions options) {
        ImportKind kind = kinds.get(kindName);
        if (kind == null) {
            throw new ImportException("Unknown kind '" + kindName + "'; kinds: " + String.join(", ", kinds.keySet()));
        }
        long started = System.nanoTime();
        String runId = runId(kind, file, options);
        List<Record> existing = database.read(ImportCypher.RUN, Map.of("id", runId));
        if (!existing.isEmpty() && "COMPLETE".equals(existing.getFirst().get("status").asString())) {
            log.info("{}: already imported (run {})", name, runId);
            return new ImportReport(name, kind.name(), runId, Outcome.ALREADY_IMPORTED, 0, 0, 0, Map.of(), List.of(),
                seconds(started));
        }
        CsvFile csv = new CsvFile(file);
        List<String> header = csv.header();
        List<String> duplicated = CsvFile.duplicates(header);
        if (!duplicated.isEmpty()) {
            throw new ImportException(name + ": line 1: the header repeats " + String.join(", ", duplicated));
        }
        KindFile kindFile = kind.open(name, header, options);
        if (kindFile.surveys()) {
            csv.forEach(kindFile::survey);
        }
        Validation validation = validate(csv, kindFile, options.scopeArea());
        long goodRows = validation.rowsRead - validation.badLines.cardinality() - validation.skippedRows();
        if (!validation.badRows.isEmpty() && !options.goodRowsOnly()) {
            log.info("{}: rejected, {} bad rows", name, validation.badLines.cardinality());
            return new ImportReport(name, kind.name(), runId, Outcome.REJECTED, validation.rowsRead, 0, 0,
                validation.skipped, validation.badRows, seconds(started));
        }
        if (kind.createStatement() != null) {
            validation.existing = existing(kind.existingKeys(), validation.keys);
        }
        log.info("{}: {} rows validated in {} s, {} of their keys already in the graph", name, validation.rowsRead,
            String.format(Locale.ROOT, "%.1f", seconds(started)),
            validation.existing == null ? "(not looked up)" : validation.existing.size());
        kindFile.beforeLoad();
        Record run = database.write(ImportCypher.START_RUN, Map.of("id", runId, "kind", kind.name(), "file", name))
            .getFirst();
        long linesDone = run.get("linesDone").asLong();
        if (linesDone > 0) {
            log.info("{}: resuming run {} after line {} ({} batches committed)", name, runId, linesDone,
                run.get("batchesDone").asLong());
        }
        load(name, csv, kind, kindFile, validation, runId, run.get("batchesDone").asLong(), linesDone);
        kindFile.afterLoad();
        database.write(ImportCypher.COMPLETE_RUN, Map.of("id", runId, "rowsRead", validation.rowsRead,
            "rowsImported", goodRows, "badRows", validation.badLines.cardinality()));
        return new ImportReport(name, kind.name(), runId, Outcome.IMPORTED, validation.rowsRead, goodRows,
            validation.written, validation.skipped, validation.badRows, seconds(started));
    }

    /** Parses every row, checks references and natural keys: what is bad, nothing written. */
    private Validation validate(CsvFile csv, KindFile kindFile, String scopeArea) {
        Validation validation = new Validation();
        validation.scopeArea = scopeArea;
        Map<Lookup, Set<String>> referenced = new HashMap<>();
        csv.forEach(row -> {
            validation.rowsRead++;
            Problems problems = validation.problems(row.line());
            for (Candidate candidate : kindFile.parse(row, problems)) {
                for (Reference reference : candidate.references()) {
                    referenced.computeIfAbsent(reference.lookup(), l -> new java.util.HashSet<>()).add(reference.value());
                }
            }
        });
        validation.resolved = resolve(referenced);
        Map<String, Long> keys = new HashMap<>();
        csv.forEach(row -> {
            if (validation.badLines.get(Math.toIntExact(row.line()))) {
                return;
            }
            Problems problems = validation.problems(row.line());
            List<Map<String, Object>> rows = complete(kindFile, row, validation.resolved, scopeArea, problems);
            if (problems.bad) {
                return;
            }
            Map<String, Long> rowKeys = new HashMap<>();
            for (Map<String, Object> parameters : rows) {
                String key = (String) parameters.get("key");
                Long first = keys.get(key);
                if (first == null) {
                    first = rowKeys.putIfAbsent(key, row.line());
                }
                if (first != null) {
                    problems.bad(null, "the same " + key + " as line " + first);
                }
            }
            if (!problems.bad) {
                keys.putAll(rowKeys);
                validation.written += rows.size();
            }
        });
        validation.badRows.sort(java.util.Comparator.comparingLong(BadRow::line));
        validation.keys = keys.keySet();
        return validation;
    }

    /** The {@code keys} that {@code cypher} finds in the database: one query per batch of keys. */
    private Set<String> existing(String cypher, Set<String> keys) {
        Set<String> existing = new java.util.HashSet<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += properties.lookupBatchSize()) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + properties.lookupBatchSize()));
            for (Record record : database.read(cypher, Map.of("values", batch))) {
                existing.add(record.get("value").asString());
            }
        }
        return existing;
    }

    /** The candidates of a row completed, or an empty list with the row reported bad. */
    private static List<Map<String, Object>> complete(KindFile kindFile, CsvRow row, Map<Lookup, Map<String, String>> resolved,
            String scopeArea, Problems problems) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Candidate candidate : kindFile.parse(row, problems.quiet())) {
            boolean known = true;
            for (Reference reference : candidate.references()) {
                if (!resolved.get(reference.lookup()).containsKey(reference.value())) {
                    problems.bad(reference.column(), "no " + reference.lookup().what() + " '" + reference.value() + "'");
                    known = false;
                }
            }
            if (known) {
                Map<String, Object> parameters = kindFile.complete(candidate,
                    reference -> resolved.get(reference.lookup()).get(reference.value()), problems);
                if (parameters != null && inScope(parameters, scopeArea, candidate, problems)) {
                    rows.add(parameters);
                }
            }
        }
        return problems.bad ? List.of() : rows;
    }

    /**
     * Whether a completed row touches only the scope's area (always, with no scope); else reported
     * bad at the column of its first reference. A kind whose rows do not say which areas they touch
     * cannot be imported under a scope: fails loudly rather than write what no one checked.
     */
    private static boolean inScope(Map<String, Object> parameters, String scopeArea, Candidate candidate,
            Problems problems) {
        if (scopeArea == null) {
            return true;
        }
        if (!(parameters.get(ImportOptions.SCOPE_AREAS) instanceof List<?> areas)) {
            // Not IllegalStateException: CsvFile reports that as an unreadable file (a 400, not a bug).
            throw new UnsupportedOperationException("A completed row has no '" + ImportOptions.SCOPE_AREAS + "' list (the local "
                + "areas it touches), so it cannot be checked against the scope " + scopeArea + ": every kind's "
                + "KindFile.complete must set it");
        }
        String column = candidate.references().isEmpty() ? null : candidate.references().getFirst().column();
        if (areas.isEmpty() || areas.stream().anyMatch(area -> area == null || area.toString().isEmpty())) {
            problems.bad(column, "the row belongs to no local area, so it is outside your scope (" + scopeArea + ")");
            return false;
        }
        for (Object area : areas) {
            if (!scopeArea.equals(area)) {
                problems.bad(column, "local area " + area + " is outside your scope (" + scopeArea + ")");
                return false;
            }
        }
        return true;
    }

    /** Each lookup's values that exist, with their keys: one query per lookup and batch of values. */
    private Map<Lookup, Map<String, String>> resolve(Map<Lookup, Set<String>> referenced) {
        Map<Lookup, Map<String, String>> resolved = new HashMap<>();
        referenced.forEach((lookup, values) -> {
            Map<String, String> keys = new HashMap<>();
            List<String> all = new ArrayList<>(values);
            for (int from = 0; from < all.size(); from += properties.lookupBatchSize()) {
                List<String> batch = all.subList(from, Math.min(all.size(), from + properties.lookupBatchSize()));
                for (Record record : database.read(lookup.cypher(), Map.of("values", batch))) {
                    keys.put(record.get("value").asString(), record.get("key").asString());
                }
            }
            resolved.put(lookup, keys);
        });
        return resolved;
    }

    /** Writes the good rows after {@code linesDone} in batches, each with the run's progress. */
    private void load(String name, CsvFile csv, ImportKind kind, KindFile kindFile, Validation validation, String runId,
            long batchesDone, long linesDone) {
        Progress progress = new Progress("import " + kind.name(), validation.written);
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("import-writer").unstarted(r));
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long[] batches = {batchesDone};
        List<Map<String, Object>> batch = new ArrayList<>(properties.batchSize());
        long[] lastLine = {0};
        Runnable flush = () -> {
            if (batch.isEmpty()) {
                return;
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            List<Map<String, Object>> rows = List.copyOf(batch);
            batch.clear();
            Map<String, Object> done = Map.of("id", runId, "batchesDone", ++batches[0], "linesDone", lastLine[0],
                "rows", (long) rows.size());
            slots.acquireUninterruptibly();
            writer.execute(() -> {
                try {
                    if (failure.get() == null) {
                        write(kind, rows, validation.existing, done);
                        progress.add(rows.size());
                        log.debug("{}: batch {} committed (through line {})", name, done.get("batchesDone"), done.get("linesDone"));
                    }
                }
                catch (RuntimeException e) {
                    failure.compareAndSet(null, new IllegalStateException("Writing batch " + done.get("batchesDone")
                        + " (lines up to " + done.get("linesDone") + ") failed: " + e.getMessage(), e));
                }
                finally {
                    slots.release();
                }
            });
        };
        try {
            csv.forEach(row -> {
                if (validation.badLines.get(Math.toIntExact(row.line()))) {
                    return;
                }
                List<Map<String, Object>> rows = complete(kindFile, row, validation.resolved, validation.scopeArea,
                    validation.quiet(row.line()));
                if (row.line() <= linesDone) {
                    progress.add(rows.size());
                    return;
                }
                batch.addAll(rows);
                lastLine[0] = row.line();
                if (batch.size() >= properties.batchSize()) {
                    flush.run();
                }
            });
            flush.run();
        }
        finally {
            writer.shutdown();
            try {
                if (!writer.awaitTermination(1, TimeUnit.DAYS)) {
                    throw new IllegalStateException("The import writer did not finish");
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while importing", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        log.info("{}", progress.summary());
    }

    /**
     * One batch: with a kind's {@link ImportKind#createStatement}, rows whose keys validation found
     * new are CREATEd and the rest MERGEd; if another writer created one of those keys since (the
     * uniqueness constraint refuses the CREATE, and the transaction rolls back), the whole batch is
     * written again by MERGE. Package-private for the test of that race.
     */
    void write(ImportKind kind, List<Map<String, Object>> rows, Set<String> existing, Map<String, Object> done) {
        if (existing == null) {
            database.writeBatch(Map.of(kind.statement(), rows), done);
            return;
        }
        List<Map<String, Object>> fresh = new ArrayList<>(rows.size());
        List<Map<String, Object>> known = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            (existing.contains((String) row.get("key")) ? known : fresh).add(row);
        }
        Map<String, List<Map<String, Object>>> statements = new java.util.LinkedHashMap<>();
        statements.put(kind.createStatement(), fresh);
        statements.put(kind.statement(), known);
        try {
            database.writeBatch(statements, done);
        }
        catch (org.neo4j.driver.exceptions.ClientException e) {
            if (!"Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code())) {
                throw e;
            }
            log.info("batch {}: a key validation found new has been written since; writing the batch by MERGE",
                done.get("batchesDone"));
            database.writeBatch(Map.of(kind.statement(), rows), done);
        }
    }

    private static String runId(ImportKind kind, Path file, ImportOptions options) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((kind.name() + "\n" + options.fingerprint() + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        catch (IOException e) {
            if (!Files.isRegularFile(file)) {
                throw new ImportException(file + ": no such file");
            }
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    /** What validation found: bad rows, skips, the resolved references and how many rows will be written. */
    private static final class Validation {
        long rowsRead;
        long written;
        final BitSet badLines = new BitSet();
        final List<BadRow> badRows = new ArrayList<>();
        final Map<String, Long> skipped = new TreeMap<>();
        Map<Lookup, Map<String, String>> resolved;
        /** The natural keys of the rows to write. */
        Set<String> keys;
        /** Those already in the database, for a kind with a create statement; otherwise null. */
        Set<String> existing;
        /** The upload's scope ({@link ImportOptions#scopeArea()}), checked again as rows are loaded. */
        String scopeArea;

        Problems problems(long line) {
            return new Problems(this, line);
        }

        Problems quiet(long line) {
            return new Problems(this, line).quiet();
        }

        long skippedRows() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A row's problems, recorded in the validation (or, {@link #quiet()}, only noted). */
    private static final class Problems implements RowProblems {
        private final Validation validation;
        private final long line;
        private final boolean record;
        /** This row's problems so far: one a column and reason, however many of the row's candidates share it. */
        private final Set<BadRow> found = new java.util.HashSet<>();
        boolean bad;

        Problems(Validation validation, long line) {
            this(validation, line, true);
        }

        private Problems(Validation validation, long line, boolean record) {
            this.validation = validation;
            this.line = line;
            this.record = record;
        }

        /** The same row, for a second parse whose problems the first one recorded. */
        Problems quiet() {
            return new Problems(validation, line, false);
        }

        @Override
        public void bad(String column, String reason) {
            bad = true;
            BadRow problem = new BadRow(line, column, reason);
            if (record && found.add(problem)) {
                validation.badLines.set(Math.toIntExact(line));
                validation.badRows.add(problem);
            }
        }

        @Override
        public void skip(String reason) {
            if (record) {
                validation.skipped.merge(reason, 1L, Long::sum);
            }
        }
    }
}
