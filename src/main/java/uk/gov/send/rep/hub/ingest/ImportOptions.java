package uk.gov.send.rep.hub.ingest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How to import: write the good rows of a file with bad ones ({@code --good-rows-only}), and the
 * indicator columns mapped to measures (EES).
 */
public record ImportOptions(boolean goodRowsOnly, List<MeasureMapping> mappings) {

    public ImportOptions {
        mappings = List.copyOf(mappings);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(false, List.of());
    }

    /** What, besides the kind and the file's bytes, decides what an import writes: the mappings. */
    String fingerprint() {
        return mappings.stream().map(MeasureMapping::fingerprint).sorted().collect(Collectors.joining(";"));
    }
}
