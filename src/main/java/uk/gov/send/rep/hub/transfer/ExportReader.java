package uk.gov.send.rep.hub.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import uk.gov.send.rep.hub.transfer.GraphContract.NodeLabel;
import uk.gov.send.rep.hub.transfer.GraphContract.Pattern;

/**
 * Reads the files of an export line by line, checking each line as it goes: every problem is a
 * bad-input {@link TransferException} naming the file and the line.
 */
final class ExportReader {

    /** A node line: its properties, as the driver sends them. */
    record NodeRow(long line, Map<String, Object> properties) {
    }

    /** A relationship line: its pattern, the natural keys of its ends and its properties. */
    record RelationshipRow(long line, Pattern pattern, Object start, Object end, Map<String, Object> properties) {

        Map<String, Object> parameters() {
            return Map.of("line", line, "start", start, "end", end, "properties", properties);
        }
    }

    /** Receives the lines of one file. */
    interface Lines<T> {
        void accept(T row) throws IOException;
    }

    private final ExportFiles.Input input;

    ExportReader(ExportFiles.Input input) {
        this.input = input;
    }

    /** Reads the manifest. */
    Manifest manifest() {
        try (var stream = input.open(Manifest.FILE_NAME)) {
            return Manifest.parse(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (NoSuchFileException e) {
            throw TransferException.badInput("The export has no " + Manifest.FILE_NAME + ": is it an export?");
        }
        catch (IOException e) {
            throw TransferException.badInput("Cannot read " + Manifest.FILE_NAME + ": " + e);
        }
    }

    /**
     * Reads a node file, each line to {@code rows}.
     * @return the file's SHA-256 and line count, for the manifest's
     */
    Manifest.FileEntry nodes(Manifest.FileEntry file, NodeLabel label, Lines<NodeRow> rows) {
        return read(file, (line, json) -> {
            Map<String, Object> properties = TypedJson.decode(json);
            if (!(properties.get(label.key()) instanceof String)) {
                throw new IllegalArgumentException("no " + label.key() + " (the natural key of " + label.label()
                    + ", a string)");
            }
            rows.accept(new NodeRow(line, properties));
        });
    }

    /** Reads a relationship file, each line to {@code rows}. */
    Manifest.FileEntry relationships(Manifest.FileEntry file, Lines<RelationshipRow> rows) {
        return read(file, (line, json) -> {
            JsonNode start = json.path("start");
            JsonNode end = json.path("end");
            String startLabel = start.path("label").isString() ? start.path("label").stringValue() : null;
            String endLabel = end.path("label").isString() ? end.path("label").stringValue() : null;
            Pattern pattern = GraphContract.pattern(startLabel, file.name(), endLabel).orElseThrow(() ->
                new IllegalArgumentException("(" + startLabel + ")-[:" + file.name() + "]->(" + endLabel
                    + ") is not a relationship of docs/model.md (start.label and end.label)"));
            JsonNode startKey = start.path(pattern.start().key());
            JsonNode endKey = end.path(pattern.end().key());
            if (!startKey.isString() || !endKey.isString()) {
                throw new IllegalArgumentException("start." + pattern.start().key() + " and end." + pattern.end().key()
                    + " must be strings");
            }
            JsonNode properties = json.path("properties");
            rows.accept(new RelationshipRow(line, pattern, startKey.stringValue(), endKey.stringValue(),
                properties.isMissingNode() ? Map.of() : TypedJson.decode(properties)));
        });
    }

    private interface LineHandler {
        void handle(long line, JsonNode json) throws IOException;
    }

    private Manifest.FileEntry read(Manifest.FileEntry file, LineHandler handler) {
        MessageDigest digest = JsonLines.sha256();
        long line = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new DigestInputStream(input.open(file.path()), digest), StandardCharsets.UTF_8), 1 << 16)) {
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                JsonNode json;
                try {
                    json = JsonLines.MAPPER.readTree(text);
                }
                catch (JacksonException e) {
                    throw problem(file, line, "not JSON (" + e.getOriginalMessage() + ")");
                }
                try {
                    handler.handle(line, json);
                }
                catch (IllegalArgumentException e) {
                    throw problem(file, line, e.getMessage());
                }
            }
        }
        catch (NoSuchFileException e) {
            throw TransferException.badInput(file.path() + ": missing (the manifest lists it)");
        }
        catch (IOException e) {
            throw TransferException.badInput(file.path() + ": cannot be read at line " + (line + 1) + " (" + e + ")");
        }
        return new Manifest.FileEntry(file.name(), file.path(), file.key(), line, HexFormat.of().formatHex(digest.digest()));
    }

    private static TransferException problem(Manifest.FileEntry file, long line, String what) {
        return TransferException.badInput(file.path() + " line " + line + ": " + what);
    }

    /** Checks a file read against the manifest's entry for it. */
    static void check(Manifest.FileEntry read, Manifest.FileEntry expected) {
        if (read.count() != expected.count()) {
            throw TransferException.badInput(expected.path() + ": " + read.count() + " lines, the manifest says "
                + expected.count() + (read.count() < expected.count() ? " (truncated?)" : ""));
        }
        if (!read.sha256().equalsIgnoreCase(expected.sha256())) {
            throw TransferException.badInput(expected.path() + ": SHA-256 " + read.sha256() + " is not the manifest's "
                + expected.sha256() + " (the file was changed or damaged after the export)");
        }
    }
}
