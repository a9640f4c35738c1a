package uk.gov.send.rep.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The model's code lists that the {@code settings} and {@code children} kinds validate against,
 * read from the seed inputs that ship in the jar ({@code classpath:seed/}), so that the import and
 * the seed share one table: GIAS establishment type codes and their setting kind
 * ({@code setting-types.csv}), need codes ({@code need-shares.csv}) and year groups
 * ({@code year-groups.csv}).
 */
final class ModelCodes {

    /** GIAS type code (2 digits) to the model's setting kind, in file order. */
    static final Map<String, String> SETTING_KIND_BY_GIAS_TYPE = read("seed/setting-types.csv", rows -> {
        Map<String, String> kinds = new LinkedHashMap<>();
        rows.stream().filter(r -> !r.get("giasTypeCode").isBlank())
            .forEach(r -> kinds.put(r.get("giasTypeCode").strip(), r.get("kind").strip()));
        return kinds;
    });

    /** Need codes (docs/model.md, {@code Need} in the GraphQL schema), in file order. */
    static final List<String> NEEDS = read("seed/need-shares.csv",
        rows -> rows.stream().map(r -> r.get("need").strip()).toList());

    /** Year groups N1, N2, R, 1 to 14 (the empty row of the file, out of school, left out). */
    static final List<String> YEAR_GROUPS = read("seed/year-groups.csv",
        rows -> rows.stream().map(r -> r.get("yearGroup").strip()).filter(y -> !y.isEmpty()).toList());

    private ModelCodes() {
    }

    private static <T> T read(String resource, Function<List<CSVRecord>, T> mapper) {
        try (InputStream in = ModelCodes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                    CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                return mapper.apply(new ArrayList<>(parser.getRecords()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
