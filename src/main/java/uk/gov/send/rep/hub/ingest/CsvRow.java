package uk.gov.send.rep.hub.ingest;

import java.util.List;
import java.util.Map;

/** A data row of a file: its starting line and its cells by column name (trimmed; missing cells empty). */
public record CsvRow(long line, Map<String, Integer> columns, List<String> cells) {

    /** The cell of {@code column}, "" when the file has no such column or the row no such cell. */
    public String get(String column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.size() ? "" : cells.get(index);
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }
}
