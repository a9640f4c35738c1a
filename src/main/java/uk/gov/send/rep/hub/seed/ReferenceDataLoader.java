package uk.gov.send.rep.hub.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.summary.SummaryCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads the reference data every scale needs, {@code none} included: 9 regions, 153 local areas
 * (ONS code, DfE code, name, {@code IN_REGION}), 9 partnerships ({@code IN_REGION}) with their 32
 * member areas ({@code MEMBER_OF {role}}), the reforms and the measures. Idempotent: MERGE on
 * natural keys, SET from the CSV files.
 */
@Component
class ReferenceDataLoader {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    private final SeedDatabase database;

    ReferenceDataLoader(SeedDatabase database) {
        this.database = database;
    }

    /** Writes the reference data; returns how many nodes and relationships were new. */
    long[] load(SeedInputs inputs) {
        long[] created = new long[2];
        write(created, SeedCypher.REGIONS, inputs.regions(), r -> row("code", r.code(), "name", r.name()));
        write(created, SeedCypher.LOCAL_AREAS, inputs.areas(),
            a -> row("code", a.code(), "dfeCode", a.dfeCode(), "name", a.name(), "region", a.regionCode()));
        write(created, SeedCypher.PARTNERSHIPS, inputs.partnerships(),
            p -> row("code", p.code(), "name", p.name(), "region", p.regionCode()));
        write(created, SeedCypher.MEMBERSHIPS, inputs.areas().stream().filter(SeedInputs.Area::isMember).toList(),
            a -> row("area", a.code(), "partnership", a.partnership(), "role", a.role()));
        write(created, SeedCypher.REFORMS, inputs.reforms(),
            r -> row("code", r.code(), "name", r.name(), "strand", r.strand(), "description", r.description()));
        write(created, SeedCypher.MEASURES, inputs.measures(), m -> row("code", m.code(), "name", m.name(),
            "unit", m.unit(), "polarity", m.polarity(), "level", m.level(), "periodType", m.periodType(),
            "definition", m.definition(), "source", m.source(), "valueKind", m.valueKind()));
        log.info("Reference data: {} regions, {} local areas, {} partnerships, {} reforms, {} measures"
            + " ({} nodes and {} relationships new)", inputs.regions().size(), inputs.areas().size(),
            inputs.partnerships().size(), inputs.reforms().size(), inputs.measures().size(), created[0], created[1]);
        return created;
    }

    private <T> void write(long[] created, String cypher, List<T> items, Function<T, Map<String, Object>> toRow) {
        SummaryCounters counters = database.writeRows(cypher, items.stream().map(toRow).toList());
        created[0] += counters.nodesCreated();
        created[1] += counters.relationshipsCreated();
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
