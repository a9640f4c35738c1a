package uk.gov.send.rep.hub.child;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import uk.gov.send.rep.hub.mutation.Writes;

/**
 * The child feature's write Cypher, in one place (ADR 0017): the look-up of what a placement's
 * input names, in one statement, and the write of the placement.
 */
final class ChildWrites {

    /** The child and its area, the setting, and the child's placement at that setting from that date. */
    private static final String PLACEMENT_LOOKUP = """
        OPTIONAL MATCH (child:Child {ref: $child})
        OPTIONAL MATCH (child)-[:RESIDENT_IN]->(home:LocalArea)
        OPTIONAL MATCH (setting:Setting {ref: $setting})
        RETURN child IS NOT NULL AS childExists, home.code AS area, setting IS NOT NULL AS settingExists,
            COLLECT { MATCH (child)-[p:PLACED_AT]->(setting) WHERE p.from = $from RETURN p.from } AS same""";

    /**
     * A new placement; a current one (no end) that started before it, at another setting, ends
     * on its start date when the new one is current too (the child moved).
     */
    private static final String PLACE = """
        MATCH (child:Child {ref: $child}), (setting:Setting {ref: $setting})
        CALL (child, setting) {
          WITH * WHERE $to IS NULL
          MATCH (child)-[current:PLACED_AT]->(other:Setting)
          WHERE current.to IS NULL AND current.from < $from AND other <> setting
          SET current.to = $from
        }
        CREATE (child)-[:PLACED_AT {from: $from, to: $to}]->(setting)""";

    /** A placement, for the payload. */
    private static final String PLACEMENT = """
        MATCH (child:Child {ref: $child})-[p:PLACED_AT]->(setting:Setting {ref: $setting})
        WHERE p.from = $from
        RETURN p.to AS to""";

    private ChildWrites() {
    }

    /** What the graph holds of a placement's child and setting, and whether the same placement exists. */
    record PlacementLookup(boolean childExists, String area, boolean settingExists, boolean duplicate) {
    }

    static PlacementLookup placementLookup(Writes.Transaction tx, String child, String setting, LocalDate from) {
        Record row = tx.run(PLACEMENT_LOOKUP, Writes.parameters("child", child, "setting", setting, "from", from))
            .getFirst();
        return new PlacementLookup(row.get("childExists").asBoolean(),
            row.get("area").isNull() ? null : row.get("area").asString(), row.get("settingExists").asBoolean(),
            !row.get("same").asList().isEmpty());
    }

    static void place(Writes.Transaction tx, String child, String setting, LocalDate from, LocalDate to) {
        tx.run(PLACE, Writes.parameters("child", child, "setting", setting, "from", from, "to", to));
    }

    /** The key a placement's idempotency record keeps: child, setting and start. */
    static String placementKey(String child, String setting, LocalDate from) {
        return String.join("|", child, setting, from.toString());
    }

    /** Reads the placement a {@link #placementKey} names, after its write. */
    static Placement placement(Writes writes, DataFetchingEnvironment env, String key) {
        List<String> parts = List.of(key.split("\\|", 3));
        LocalDate from = LocalDate.parse(parts.get(2));
        return writes.read(env, PLACEMENT, Map.of("child", parts.get(0), "setting", parts.get(1), "from", from)).stream()
            .map(row -> new Placement(parts.get(0), parts.get(1), from, date(row.get("to"))))
            .findFirst().orElse(null);
    }

    private static LocalDate date(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }
}
