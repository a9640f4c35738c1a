package uk.gov.send.rep.hub.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import file (CSV: UTF-8 with or without a byte order mark, header row, RFC 4180
 * quoting, LF or CRLF) row by row, with the line each row starts on. Blank lines are skipped;
 * cells are trimmed. Each pass reads the file again, so a file of any size streams.
 */
final class CsvFile {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
        .setIgnoreEmptyLines(false)
        .setTrim(true)
        .get();

    private final Path path;

    CsvFile(Path path) {
        this.path = path;
    }

    /** The header's column names, in order. */
    List<String> header() {
        try (Reader reader = open(); CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new ImportException(path + ": the file is empty (a header row is needed)");
            }
            return records.next().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Calls {@code action} with every data row, in file order. */
    void forEach(Consumer<CsvRow> action) {
        try (Reader reader = open(); CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> columns = null;
            long line = 1;
            while (true) {
                // The lines consumed so far: the next record starts on the one after.
                line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    return;
                }
                CSVRecord record = records.next();
                if (columns == null) {
                    columns = columns(record.toList());
                    continue;
                }
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                action.accept(new CsvRow(line, columns, record.toList()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
        catch (UncheckedIOException | IllegalStateException e) {
            throw new ImportException(path + ": not a readable CSV file: " + e.getMessage());
        }
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
        return Collections.unmodifiableMap(columns);
    }

    private Reader open() throws IOException {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ImportException(path + ": no such readable file");
        }
        return new InputStreamReader(skipByteOrderMark(Files.newInputStream(path)), StandardCharsets.UTF_8);
    }

    private static InputStream skipByteOrderMark(InputStream in) throws IOException {
        var buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }

    static List<String> duplicates(List<String> header) {
        List<String> seen = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (String column : header) {
            if (seen.contains(column)) {
                duplicates.add(column);
            }
            seen.add(column);
        }
        return duplicates;
    }
}
