package uk.gov.send.rep.hub.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The import command's arguments: {@code --kind KIND FILE... [--good-rows-only]
 * [--map COLUMN=MEASURE ...] [--mapping FILE]}. Dotted options ({@code --spring.neo4j.uri=...},
 * {@code --hub.ingest.batch-size=...}) are Spring properties and ignored here.
 */
record ImportArguments(String kind, List<Path> files, ImportOptions options) {

    static final String USAGE = "import --kind KIND FILE... [--good-rows-only] [--map COLUMN=MEASURE ...] [--mapping FILE]";

    static ImportArguments parse(String[] args) {
        String kind = null;
        List<Path> files = new ArrayList<>();
        List<MeasureMapping> mappings = new ArrayList<>();
        boolean goodRowsOnly = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                files.add(Path.of(arg));
                continue;
            }
            String name = arg.substring(2).split("=", 2)[0];
            if (name.contains(".")) {
                continue;
            }
            if (name.equals("good-rows-only")) {
                goodRowsOnly = true;
                continue;
            }
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.length ? args[++i] : null;
            if (value == null || value.isBlank()) {
                throw new ImportException("--" + name + " needs a value. Usage: " + USAGE);
            }
            switch (name) {
                case "kind" -> kind = value;
                case "map" -> {
                    String[] pair = value.split("=", 2);
                    if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                        throw new ImportException("--map " + value + ": expected COLUMN=MEASURE_CODE");
                    }
                    mappings.add(MeasureMapping.of(pair[0].strip(), pair[1].strip()));
                }
                case "mapping" -> mappings.addAll(MappingFile.read(Path.of(value)));
                default -> throw new ImportException("Unknown argument '" + arg + "'. Usage: " + USAGE);
            }
        }
        if (kind == null) {
            throw new ImportException("--kind is required. Usage: " + USAGE);
        }
        if (files.isEmpty()) {
            throw new ImportException("no file to import. Usage: " + USAGE);
        }
        return new ImportArguments(kind, files, new ImportOptions(goodRowsOnly, mappings));
    }
}
