package uk.gov.send.rep.hub.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import uk.gov.send.rep.hub.HubApplication;
import uk.gov.send.rep.hub.database.DatabaseReady;
import uk.gov.send.rep.hub.database.Progress;
import uk.gov.send.rep.hub.transfer.GraphContract.NodeLabel;
import uk.gov.send.rep.hub.transfer.GraphContract.Pattern;

/**
 * Writes the graph, or one partnership's part, to an export (docs/export-format.md). Streams:
 * each label is read in natural key order a page at a time (a seek on the key's unique index, each
 * page its own short read transaction) and written line by line, so memory holds one page
 * whatever the graph's size. Relationships are read the same way, by pages of their start nodes.
 *
 * <p>Pages are separate transactions: export a database no one is writing to (stop the hub, or
 * run it on a copy). A whole-graph export checks its counts against the database's at the end and
 * fails if they differ.
 */
@Component
class GraphExport {

    private static final Logger log = LoggerFactory.getLogger(GraphExport.class);

    private static final QueryConfig READ = QueryConfig.builder().withRouting(RoutingControl.READ).build();

    static final int NODE_PAGE = 10_000;
    static final int START_NODE_PAGE = 5_000;

    private final Driver driver;
    private final DatabaseReady database;

    GraphExport(Driver driver, DatabaseReady database) {
        this.driver = driver;
        this.database = database;
    }

    /**
     * Exports {@code scope} to {@code out} (a new or empty directory, or a new {@code .zip}).
     * @throws TransferException naming what went wrong
     */
    Manifest export(Path out, ExportScope scope) {
        if (!scope.isFull()) {
            List<String> codes = read(TransferCypher.PARTNERSHIP_CODES, Map.of()).stream()
                .map(r -> r.get("code").asString()).toList();
            if (!codes.contains(scope.partnership())) {
                throw TransferException.badInput("--partnership " + scope.partnership()
                    + ": no such partnership; the partnerships are " + String.join(", ", codes));
            }
        }
        Map<String, Long> labels = counts(TransferCypher.LABELS, "label", TransferCypher::countLabel);
        Map<String, Long> types = counts(TransferCypher.TYPES, "type", TransferCypher::countType);
        if (scope.isFull()) {
            checkContract(labels, types);
        }
        long expected = !scope.isFull() ? 0 : GraphContract.LABELS.stream()
            .mapToLong(l -> labels.getOrDefault(l.label(), 0L)).sum()
            + types.values().stream().mapToLong(Long::longValue).sum();
        String createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        Progress progress = new Progress("Exporting " + scope.describe(), expected);
        log.info("Exporting {} to {}", scope.describe(), out);
        List<Manifest.FileEntry> nodes = new ArrayList<>();
        List<Manifest.FileEntry> relationships = new ArrayList<>();
        try (ExportFiles.Output output = ExportFiles.create(out)) {
            for (NodeLabel label : GraphContract.LABELS) {
                nodes.add(writeNodes(output, label, scope, progress));
            }
            for (Map.Entry<String, List<Pattern>> type : GraphContract.types().entrySet()) {
                relationships.add(writeRelationships(output, type.getKey(), type.getValue(), scope, progress));
            }
            if (scope.isFull()) {
                checkCounts(nodes, labels, "nodes of label");
                checkCounts(relationships, types, "relationships of type");
            }
            Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, hubVersion(), database.schemaVersion(), createdAt,
                scope.partnership(), nodes, relationships);
            try (OutputStream file = output.create(Manifest.FILE_NAME)) {
                file.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
            }
            log.info("{}; written to {}", progress.summary(), out);
            return manifest;
        }
        catch (IOException e) {
            throw TransferException.failed("Cannot write the export to " + out + ": " + e, e);
        }
    }

    private Manifest.FileEntry writeNodes(ExportFiles.Output output, NodeLabel label, ExportScope scope,
            Progress progress) throws IOException {
        String cypher = TransferCypher.nodePage(label, scope);
        JsonLines lines = new JsonLines(output, label.label(), "nodes/" + label.label() + ".jsonl", label.key());
        try (lines) {
            String after = "";
            while (true) {
                List<Record> page = read(cypher, parameters(scope, after, NODE_PAGE));
                for (Record row : page) {
                    lines.write(TypedJson.encode(row.get("properties").asMap()));
                }
                progress.add(page.size());
                if (page.size() < NODE_PAGE) {
                    break;
                }
                after = page.getLast().get("key").asString();
            }
        }
        return lines.entry();
    }

    private Manifest.FileEntry writeRelationships(ExportFiles.Output output, String type, List<Pattern> patterns,
            ExportScope scope, Progress progress) throws IOException {
        JsonLines lines = new JsonLines(output, type, "relationships/" + type + ".jsonl", null);
        try (lines) {
            for (Pattern pattern : patterns) {
                String cypher = TransferCypher.relationshipPage(pattern, scope);
                String after = "";
                while (true) {
                    List<Record> page = read(cypher, parameters(scope, after, START_NODE_PAGE));
                    long written = 0;
                    for (Record row : page) {
                        // A start node with none in scope is a row with no end: it only moves the page on.
                        if (!row.get("end").isNull()) {
                            lines.write(relationship(pattern, row));
                            written++;
                        }
                    }
                    progress.add(written);
                    if (startNodes(page) < START_NODE_PAGE) {
                        break;
                    }
                    after = page.getLast().get("start").asString();
                }
            }
        }
        return lines.entry();
    }

    private static long startNodes(List<Record> page) {
        return page.stream().map(r -> r.get("start").asString()).distinct().count();
    }

    private static ObjectNode relationship(Pattern pattern, Record row) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.putObject("start").put("label", pattern.start().label()).put(pattern.start().key(), row.get("start").asString());
        line.putObject("end").put("label", pattern.end().label()).put(pattern.end().key(), row.get("end").asString());
        line.set("properties", TypedJson.encode(row.get("properties").asMap()));
        return line;
    }

    private static Map<String, Object> parameters(ExportScope scope, String after, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("after", after);
        parameters.put("limit", limit);
        parameters.put("partnership", scope.partnership());
        return parameters;
    }

    /** Every label (or type) in the database with its count, from the count store. */
    private Map<String, Long> counts(String names, String column, java.util.function.Function<String, String> count) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Record row : read(names, Map.of())) {
            String name = row.get(column).asString();
            counts.put(name, read(count.apply(name), Map.of()).getFirst().get("count").asLong());
        }
        return counts;
    }

    /** The whole graph must be what docs/model.md describes, or the export would lose something. */
    private void checkContract(Map<String, Long> labels, Map<String, Long> types) {
        List<String> unknown = new ArrayList<>();
        labels.forEach((label, count) -> {
            if (count > 0 && GraphContract.label(label).isEmpty() && !GraphContract.NOT_EXPORTED.contains(label)) {
                unknown.add("label " + label + " (" + count + " nodes)");
            }
        });
        types.forEach((type, count) -> {
            if (count > 0 && !GraphContract.types().containsKey(type)) {
                unknown.add("relationship type " + type + " (" + count + ")");
            }
        });
        if (!unknown.isEmpty()) {
            throw TransferException.failed("The database holds " + String.join(", ", unknown)
                + ", which docs/model.md does not describe: the export would lose them, so nothing was exported");
        }
        long labelled = labels.values().stream().mapToLong(Long::longValue).sum();
        long all = read(TransferCypher.NODE_COUNT, Map.of()).getFirst().get("count").asLong();
        if (labelled != all) {
            throw TransferException.failed("The database holds " + all + " nodes but " + labelled
                + " labels on them: some node has no label or more than one, which docs/model.md does not describe;"
                + " nothing was exported");
        }
    }

    private static void checkCounts(List<Manifest.FileEntry> written, Map<String, Long> inDatabase, String what) {
        for (Manifest.FileEntry file : written) {
            long expected = inDatabase.getOrDefault(file.name(), 0L);
            if (file.count() != expected) {
                throw TransferException.failed("Exported " + file.count() + " " + what + " " + file.name()
                    + " but the database holds " + expected + ": the graph changed during the export (export a"
                    + " database nothing writes to), or some have no natural key or connect labels docs/model.md"
                    + " does not list; the export is incomplete: delete it");
            }
        }
    }

    private List<Record> read(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).withConfig(READ).execute().records();
    }

    static String hubVersion() {
        String version = HubApplication.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
