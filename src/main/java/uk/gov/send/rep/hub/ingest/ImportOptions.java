package uk.gov.send.rep.hub.ingest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How to import: write the good rows of a file with bad ones ({@code --good-rows-only}), the
 * indicator columns mapped to measures (EES), and the local area an upload is restricted to.
 *
 * @param scopeArea ONS code of the only local area whose rows may be written (an upload by a
 *     {@code LOCAL_AREA} token); null: unrestricted (the command line, {@code NATIONAL}). Every row
 *     a kind completes names the areas it touches in {@link #SCOPE_AREAS}; a row touching another
 *     area is a bad row.
 */
public record ImportOptions(boolean goodRowsOnly, List<MeasureMapping> mappings, String scopeArea) {

    /**
     * The parameter every kind's {@link KindFile#complete} sets: a {@code List<String>} of the ONS
     * codes of every local area the row touches ({@code ""} for none known). With a scope set, the
     * core refuses a completed row without it.
     */
    public static final String SCOPE_AREAS = "scopeAreas";

    public ImportOptions {
        mappings = List.copyOf(mappings);
        if (scopeArea != null && scopeArea.isBlank()) {
            throw new IllegalArgumentException("a scope area is an ONS code, or null for none");
        }
    }

    /** Unrestricted (the command line). */
    public ImportOptions(boolean goodRowsOnly, List<MeasureMapping> mappings) {
        this(goodRowsOnly, mappings, null);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(false, List.of());
    }

    /**
     * What, besides the kind and the file's bytes, decides what an import writes: the mappings and
     * the scope (a local area's good rows of a file are not the whole file's).
     */
    String fingerprint() {
        String mapped = mappings.stream().map(MeasureMapping::fingerprint).sorted().collect(Collectors.joining(";"));
        return scopeArea == null ? mapped : mapped + "\nscope=" + scopeArea;
    }
}
