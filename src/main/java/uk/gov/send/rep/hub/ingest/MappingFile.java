package uk.gov.send.rep.hub.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A mapping file ({@code --mapping FILE}): CSV with the header
 * {@code column,measure,name,unit,polarity,valueKind,level,periodType}; {@code column} and
 * {@code measure} on every line, the rest only to declare a measure not yet in the catalogue
 * ({@link MeasureMapping}).
 */
final class MappingFile {

    static final List<String> COLUMNS = List.of("column", "measure", "name", "unit", "polarity", "valueKind", "level",
        "periodType");

    private MappingFile() {
    }

    static List<MeasureMapping> read(Path path) {
        return read(path, path.toString());
    }

    /** The mapping file stored at {@code file}, named {@code path} in messages (an upload's file name). */
    static List<MeasureMapping> read(Path file, String path) {
        CsvFile csv = new CsvFile(file);
        List<String> header = csv.header();
        if (!header.contains("column") || !header.contains("measure")) {
            throw new ImportException(path + ": line 1: a mapping file's header is " + String.join(",", COLUMNS)
                + " (column and measure required)");
        }
        List<MeasureMapping> mappings = new ArrayList<>();
        csv.forEach(row -> {
            if (row.get("column").isEmpty() || row.get("measure").isEmpty()) {
                throw new ImportException(path + ": line " + row.line() + ": column and measure are required");
            }
            MeasureMapping mapping = new MeasureMapping(row.get("column"), row.get("measure"), blank(row.get("name")),
                blank(row.get("unit")), blank(row.get("polarity")), blank(row.get("valueKind")), blank(row.get("level")),
                blank(row.get("periodType")));
            if (mapping.declares() && (mapping.unit() == null || mapping.polarity() == null)) {
                throw new ImportException(path + ": line " + row.line() + ": declaring measure " + mapping.measure()
                    + " needs its unit and polarity too");
            }
            mappings.add(mapping);
        });
        return mappings;
    }

    private static String blank(String cell) {
        return cell.isEmpty() ? null : cell;
    }
}
