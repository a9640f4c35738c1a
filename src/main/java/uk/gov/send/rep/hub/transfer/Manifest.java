package uk.gov.send.rep.hub.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code manifest.json}: what an export holds and how to check it (docs/export-format.md).
 *
 * @param formatVersion the version of the format ({@link #FORMAT_VERSION})
 * @param hubVersion the version of the hub that wrote it
 * @param schemaVersion the hub's schema migration version when it was written
 * @param createdAt when the export started (ISO-8601, UTC)
 * @param partnership the partnership whose part this is, or null for the whole graph
 * @param nodes one file per label
 * @param relationships one file per relationship type
 */
record Manifest(int formatVersion, String hubVersion, int schemaVersion, String createdAt, String partnership,
        List<FileEntry> nodes, List<FileEntry> relationships) {

    static final String FILE_NAME = "manifest.json";
    static final String FORMAT = "rep-data-hub-export";
    static final int FORMAT_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * One data file.
     *
     * @param name the label or relationship type
     * @param path the file's path inside the export, such as {@code nodes/Child.jsonl}
     * @param key the natural key property of a label (null for a relationship type)
     * @param count lines in the file: nodes or relationships
     * @param sha256 SHA-256 of the file's bytes, lower-case hex
     */
    record FileEntry(String name, String path, String key, long count, String sha256) {
    }

    ExportScope scope() {
        return new ExportScope(partnership);
    }

    String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT).put("formatVersion", formatVersion).put("hubVersion", hubVersion)
            .put("schemaVersion", schemaVersion).put("createdAt", createdAt);
        ObjectNode scope = root.putObject("scope");
        scope.put("kind", partnership == null ? "FULL" : "PARTNERSHIP");
        if (partnership != null) {
            scope.put("partnership", partnership);
        }
        root.put("derivedNotExported", "ObservationSummary: recomputed on restore");
        write(root.putObject("nodes"), nodes, true);
        write(root.putObject("relationships"), relationships, false);
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static void write(ObjectNode parent, List<FileEntry> files, boolean nodes) {
        for (FileEntry file : files) {
            ObjectNode entry = parent.putObject(file.name());
            entry.put("file", file.path());
            if (nodes) {
                entry.put("key", file.key());
            }
            entry.put("count", file.count()).put("sha256", file.sha256());
        }
    }

    /**
     * Reads a manifest.
     * @throws TransferException (bad input) naming what is wrong with it
     */
    static Manifest parse(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (!FORMAT.equals(text(root, "format"))) {
                throw bad("format is not \"" + FORMAT + "\"");
            }
            int version = root.path("formatVersion").asInt(-1);
            if (version != FORMAT_VERSION) {
                throw bad("formatVersion " + root.path("formatVersion") + " is not one this hub reads ("
                    + FORMAT_VERSION + ")");
            }
            JsonNode scope = root.path("scope");
            String partnership = "PARTNERSHIP".equals(text(scope, "kind")) ? text(scope, "partnership") : null;
            return new Manifest(version, text(root, "hubVersion"), root.path("schemaVersion").asInt(0),
                text(root, "createdAt"), partnership, entries(root.path("nodes"), true),
                entries(root.path("relationships"), false));
        }
        catch (JacksonException e) {
            throw bad("not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static List<FileEntry> entries(JsonNode parent, boolean nodes) {
        Map<String, FileEntry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : parent.properties()) {
            JsonNode file = entry.getValue();
            if (text(file, "file") == null || text(file, "sha256") == null || !file.path("count").canConvertToLong()) {
                throw bad(entry.getKey() + " needs file, count and sha256");
            }
            entries.put(entry.getKey(), new FileEntry(entry.getKey(), text(file, "file"), nodes ? text(file, "key") : null,
                file.path("count").longValue(), text(file, "sha256")));
        }
        return List.copyOf(entries.values());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    private static TransferException bad(String problem) {
        return TransferException.badInput(FILE_NAME + ": " + problem);
    }
}
