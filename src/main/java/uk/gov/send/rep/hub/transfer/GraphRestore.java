package uk.gov.send.rep.hub.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.gov.send.rep.hub.database.DatabaseReady;
import uk.gov.send.rep.hub.outcome.ObservationSummaries;
import uk.gov.send.rep.hub.database.Progress;
import uk.gov.send.rep.hub.transfer.ExportReader.NodeRow;
import uk.gov.send.rep.hub.transfer.ExportReader.RelationshipRow;
import uk.gov.send.rep.hub.transfer.GraphContract.NodeLabel;
import uk.gov.send.rep.hub.transfer.GraphContract.Pattern;

/**
 * Loads an export into an empty database (docs/export-format.md, "Restoring"):
 *
 * <ol>
 * <li>reads the manifest and every file, checking each line, the line counts and the SHA-256 of
 * each file, before writing anything: a damaged export is refused with the file and line, and
 * the database is left as it was;</li>
 * <li>refuses a database holding anything but the hub's migration history (the hub has applied
 * its migrations, constraints and indexes included, before this runs);</li>
 * <li>creates the nodes, label by label, then the relationships, matched by natural key, in
 * batched transactions ({@code UNWIND} and {@code CREATE});</li>
 * <li>checks the counts per label and type against the manifest, and recomputes the derived
 * {@code ObservationSummary} nodes.</li>
 * </ol>
 *
 * Not resumable: a failure while loading (step 3 or 4) leaves part of the export in the database,
 * and the message says to delete it and restore again.
 */
@Component
class GraphRestore {

    private static final Logger log = LoggerFactory.getLogger(GraphRestore.class);

    private static final QueryConfig WRITE = QueryConfig.builder().withRouting(RoutingControl.WRITE).build();

    static final int BATCH = 5_000;

    static final String PARTIAL = "The database now holds part of the export: delete it (stop the hub and remove"
        + " hub.neo4j.embedded.data-dir; on an external server delete every node) and restore again.";

    private final Driver driver;
    private final DatabaseReady database;
    private final ObservationSummaries summaries;

    GraphRestore(Driver driver, DatabaseReady database, ObservationSummaries summaries) {
        this.driver = driver;
        this.database = database;
        this.summaries = summaries;
    }

    /**
     * Restores the export at {@code in} (a directory or a {@code .zip}).
     * @throws TransferException naming what went wrong and where
     */
    Manifest restore(Path in) {
        try (ExportFiles.Input input = ExportFiles.open(in)) {
            ExportReader reader = new ExportReader(input);
            Manifest manifest = reader.manifest();
            checkManifest(manifest);
            log.info("Checking the export in {} ({}, written {} by hub {})", in, manifest.scope().describe(),
                manifest.createdAt(), manifest.hubVersion());
            for (Manifest.FileEntry file : manifest.nodes()) {
                ExportReader.check(reader.nodes(file, label(file), row -> { }), file);
            }
            for (Manifest.FileEntry file : manifest.relationships()) {
                ExportReader.check(reader.relationships(file, row -> { }), file);
            }
            refuseNonEmpty();
            load(reader, manifest);
            return manifest;
        }
        catch (java.io.IOException e) {
            throw TransferException.failed("Cannot read " + in + ": " + e, e);
        }
    }

    private void checkManifest(Manifest manifest) {
        if (manifest.schemaVersion() > database.schemaVersion()) {
            throw TransferException.badInput(Manifest.FILE_NAME + ": written by a hub at schema version "
                + manifest.schemaVersion() + ", newer than this hub's " + database.schemaVersion()
                + "; restore it with that hub or a later one");
        }
        for (Manifest.FileEntry file : manifest.nodes()) {
            label(file);
            expectPath(file, "nodes/");
        }
        for (Manifest.FileEntry file : manifest.relationships()) {
            if (!GraphContract.types().containsKey(file.name())) {
                throw TransferException.badInput(Manifest.FILE_NAME + ": relationship type " + file.name()
                    + " is not in docs/model.md");
            }
            expectPath(file, "relationships/");
        }
    }

    private static NodeLabel label(Manifest.FileEntry file) {
        NodeLabel label = GraphContract.label(file.name()).orElseThrow(() -> TransferException.badInput(
            Manifest.FILE_NAME + ": label " + file.name() + " is not one the export format holds"));
        if (file.key() != null && !file.key().equals(label.key())) {
            throw TransferException.badInput(Manifest.FILE_NAME + ": the key of " + file.name() + " is " + label.key()
                + ", not " + file.key());
        }
        return label;
    }

    private static void expectPath(Manifest.FileEntry file, String folder) {
        String expected = folder + file.name() + ".jsonl";
        if (!expected.equals(file.path())) {
            throw TransferException.badInput(Manifest.FILE_NAME + ": the file of " + file.name() + " must be "
                + expected + ", not " + file.path());
        }
    }

    private void refuseNonEmpty() {
        Map<String, Long> held = new LinkedHashMap<>();
        for (Record row : query(TransferCypher.LABELS, Map.of())) {
            String label = row.get("label").asString();
            long count = query(TransferCypher.countLabel(label), Map.of()).getFirst().get("count").asLong();
            if (count > 0 && !"Migration".equals(label)) {
                held.put(label, count);
            }
        }
        if (!held.isEmpty()) {
            throw TransferException.badInput("The target database is not empty: it holds "
                + held.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()
                + ". Restore loads only into an empty database: use a new hub.neo4j.embedded.data-dir (or an empty"
                + " external database); nothing was changed");
        }
    }

    private void load(ExportReader reader, Manifest manifest) {
        long expected = manifest.nodes().stream().mapToLong(Manifest.FileEntry::count).sum()
            + manifest.relationships().stream().mapToLong(Manifest.FileEntry::count).sum();
        Progress progress = new Progress("Restoring " + manifest.scope().describe(), expected);
        try {
            for (Manifest.FileEntry file : manifest.nodes()) {
                NodeLabel label = label(file);
                String cypher = TransferCypher.createNodes(label);
                List<NodeRow> batch = new ArrayList<>(BATCH);
                reader.nodes(file, label, row -> {
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        createNodes(file, cypher, batch, progress);
                    }
                });
                createNodes(file, cypher, batch, progress);
            }
            for (Manifest.FileEntry file : manifest.relationships()) {
                List<RelationshipRow> batch = new ArrayList<>(BATCH);
                reader.relationships(file, row -> {
                    if (!batch.isEmpty() && (batch.size() == BATCH || !batch.getFirst().pattern().equals(row.pattern()))) {
                        createRelationships(file, batch, progress);
                    }
                    batch.add(row);
                });
                createRelationships(file, batch, progress);
            }
            verifyCounts(manifest);
        }
        catch (TransferException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw TransferException.failed("Restore failed: " + e.getMessage() + ". " + PARTIAL, e);
        }
        log.info(progress.summary());
        long started = System.nanoTime();
        summaries.refresh();
        log.info("Observation summaries recomputed in {} ms; restore of {} complete", (System.nanoTime() - started) / 1_000_000,
            manifest.scope().describe());
    }

    private void createNodes(Manifest.FileEntry file, String cypher, List<NodeRow> batch, Progress progress) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            write(cypher, Map.of("rows", batch.stream().map(NodeRow::properties).toList()));
        }
        catch (Neo4jException e) {
            // A key twice in the export, say: the batch's transaction is rolled back, earlier ones stay.
            throw TransferException.failed(file.path() + " lines " + batch.getFirst().line() + " to "
                + batch.getLast().line() + ": " + e.getMessage() + ". " + PARTIAL, e);
        }
        progress.add(batch.size());
        batch.clear();
    }

    private void createRelationships(Manifest.FileEntry file, List<RelationshipRow> batch, Progress progress) {
        if (batch.isEmpty()) {
            return;
        }
        Pattern pattern = batch.getFirst().pattern();
        List<Map<String, Object>> rows = batch.stream().map(RelationshipRow::parameters).toList();
        long created = write(TransferCypher.createRelationships(pattern), Map.of("rows", rows))
            .getFirst().get("created").asLong();
        if (created != rows.size()) {
            Record missing = query(TransferCypher.missingEnd(pattern), Map.of("rows", rows)).getFirst();
            RelationshipRow row = batch.get((int) (missing.get("line").asLong() - batch.getFirst().line()));
            NodeLabel end = missing.get("startFound").asBoolean() ? pattern.end() : pattern.start();
            Object key = end == pattern.start() ? row.start() : row.end();
            throw TransferException.failed(file.path() + " line " + row.line() + ": no " + end.label() + " with "
                + end.key() + " " + key + " in the export. " + PARTIAL);
        }
        progress.add(rows.size());
        batch.clear();
    }

    private void verifyCounts(Manifest manifest) {
        for (Manifest.FileEntry file : manifest.nodes()) {
            check(file, TransferCypher.countLabel(file.name()));
        }
        for (Manifest.FileEntry file : manifest.relationships()) {
            check(file, TransferCypher.countType(file.name()));
        }
    }

    private void check(Manifest.FileEntry file, String count) {
        long held = query(count, Map.of()).getFirst().get("count").asLong();
        if (held != file.count()) {
            throw TransferException.failed("After loading, the database holds " + held + " " + file.name()
                + ", the manifest says " + file.count() + ". " + PARTIAL);
        }
    }

    private List<Record> write(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).withConfig(WRITE).execute().records();
    }

    private List<Record> query(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).execute().records();
    }
}
