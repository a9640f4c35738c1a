package uk.gov.send.rep.hub.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes one JSON Lines file of an export: a line per value, counted and hashed as it goes. */
final class JsonLines implements AutoCloseable {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String name;
    private final String path;
    private final String key;
    private final MessageDigest digest = sha256();
    private final Writer writer;
    private long count;

    JsonLines(ExportFiles.Output output, String name, String path, String key) throws IOException {
        this.name = name;
        this.path = path;
        this.key = key;
        OutputStream file = output.create(path);
        this.writer = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(file, digest),
            StandardCharsets.UTF_8), 1 << 16);
    }

    void write(JsonNode line) throws IOException {
        writer.write(MAPPER.writeValueAsString(line));
        writer.write('\n');
        count++;
    }

    long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** The manifest's entry: call after {@link #close()}. */
    Manifest.FileEntry entry() {
        return new Manifest.FileEntry(name, path, key, count, HexFormat.of().formatHex(digest.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }
}
