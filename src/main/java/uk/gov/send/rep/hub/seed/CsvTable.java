package uk.gov.send.rep.hub.seed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads one seed input CSV (header row, RFC 4180 quoting, LF or CRLF) from the classpath. */
final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .setTrim(true)
        .get();

    private CsvTable() {
    }

    /** Every data row of {@code classpath:<location>} as a column-name to value map, in file order. */
    static List<Map<String, String>> read(String location) {
        InputStream in = CsvTable.class.getClassLoader().getResourceAsStream(location);
        if (in == null) {
            throw new IllegalStateException("Seed input not found on the classpath: " + location);
        }
        try (Reader reader = new InputStreamReader(skipByteOrderMark(in), StandardCharsets.UTF_8);
                CSVParser parser = FORMAT.parse(reader)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
            return rows;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed input " + location, e);
        }
    }

    private static InputStream skipByteOrderMark(InputStream in) throws IOException {
        var buffered = new BufferedInputStream(in);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }
}
