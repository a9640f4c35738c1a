package uk.gov.send.rep.hub.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The import command's arguments: {@code --kind KIND FILE... [--map COLUMN=MEASURE ...]
 * [--mapping FILE]}, repeatable, then or anywhere {@code [--good-rows-only]}. Each {@code --kind}
 * starts a group: the files and mappings after it (up to the next {@code --kind}) are of that kind,
 * so one command can load a whole return in order ({@code --kind settings gias.csv --kind children
 * census.csv --kind plans sen2.csv}); anything before the first {@code --kind} belongs to the first
 * group. {@code --good-rows-only} applies to every file. Dotted options
 * ({@code --spring.neo4j.uri=...}, {@code --hub.ingest.batch-size=...}) are Spring properties and
 * ignored here.
 */
record ImportArguments(List<Group> groups) {

    static final String USAGE = "import --kind KIND FILE... [--map COLUMN=MEASURE ...] [--mapping FILE] "
        + "[--kind KIND FILE... ...] [--good-rows-only]";

    /** Files of one kind, in the order given, with the group's mappings. */
    record Group(String kind, List<Path> files, ImportOptions options) {
    }

    ImportArguments {
        groups = List.copyOf(groups);
    }

    static ImportArguments parse(String[] args) {
        List<Draft> drafts = new ArrayList<>();
        Draft current = null;
        boolean goodRowsOnly = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (current == null) {
                current = new Draft();
                drafts.add(current);
            }
            if (!arg.startsWith("--")) {
                current.files.add(Path.of(arg));
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
                case "kind" -> {
                    if (current.kind != null) {
                        current = new Draft();
                        drafts.add(current);
                    }
                    current.kind = value;
                }
                case "map" -> {
                    String[] pair = value.split("=", 2);
                    if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                        throw new ImportException("--map " + value + ": expected COLUMN=MEASURE_CODE");
                    }
                    current.mappings.add(MeasureMapping.of(pair[0].strip(), pair[1].strip()));
                }
                case "mapping" -> current.mappings.addAll(MappingFile.read(Path.of(value)));
                default -> throw new ImportException("Unknown argument '" + arg + "'. Usage: " + USAGE);
            }
        }
        if (drafts.isEmpty() || drafts.getFirst().kind == null) {
            throw new ImportException("--kind is required. Usage: " + USAGE);
        }
        List<Group> groups = new ArrayList<>();
        for (Draft draft : drafts) {
            if (draft.files.isEmpty()) {
                throw new ImportException((drafts.size() == 1 ? "no file to import" : "no file after --kind " + draft.kind)
                    + ". Usage: " + USAGE);
            }
            groups.add(new Group(draft.kind, List.copyOf(draft.files), new ImportOptions(goodRowsOnly, draft.mappings)));
        }
        return new ImportArguments(groups);
    }

    /** A group as it is read. */
    private static final class Draft {
        String kind;
        final List<Path> files = new ArrayList<>();
        final List<MeasureMapping> mappings = new ArrayList<>();
    }
}
