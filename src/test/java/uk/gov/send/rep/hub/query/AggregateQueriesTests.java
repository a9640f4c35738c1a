package uk.gov.send.rep.hub.query;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.gov.send.rep.hub.query.ConnectionQueries.CypherQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the shape of the aggregate Cypher: aggregation functions in the database (never a row
 * list returned to the hub), one statement for all parents of a nested connection, group keys
 * across relationships as pattern comprehensions, every value a parameter.
 */
class AggregateQueriesTests {

    private static final NodeType<Map<String, Object>> THING = new NodeType<>("Thing", "Thing", "ref", p -> p,
        List.of(Field.string("ref"), Field.number("size"), Field.date("made"), Field.enumeration("kind")));

    private static final NodeType<Map<String, Object>> OWNER = new NodeType<>("Owner", "Owner", "code", p -> p,
        List.of(Field.string("code"), Field.string("name")));

    private static final Relation<Map<String, Object>, Map<String, Object>, Edge<Map<String, Object>>> OWNED_BY =
        Relation.plain("Thing.owner", THING, "OWNED_BY", true, OWNER).atMostOne();

    private static final Relation<Map<String, Object>, Map<String, Object>, Edge<Map<String, Object>>> THINGS =
        Relation.plain("Owner.things", OWNER, "OWNED_BY", false, THING);

    private static final Field SIZE = THING.field("size").orElseThrow();

    private static final Field MADE = THING.field("made").orElseThrow();

    @Test
    void shouldAggregateInTheDatabaseOnlyWhatWasSelected() {
        AggregateSpec spec = new AggregateSpec(List.of(), List.of(MADE), List.of(SIZE), List.of(SIZE), List.of(), 0);
        CypherQuery query = ConnectionQueries.aggregate(THING, Map.of("kind", Map.of("eq", "BIG")), spec, RelationIndex.none());
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) WHERE n.kind = $w0 RETURN count(n) AS count, "
            + "min(n.made) AS min_made, max(n.size) AS max_size, avg(n.size) AS avg_size");
        assertThat(query.parameters()).containsExactlyEntriesOf(Map.of("w0", "BIG"));
    }

    @Test
    void shouldGroupByOwnFieldsAndKeysAcrossRelationshipsInKeyOrder() {
        AggregateSpec spec = new AggregateSpec(List.of(GroupKey.own(THING.field("kind").orElseThrow()),
            GroupKey.via("ownerName", OWNED_BY, "name")), List.of(), List.of(), List.of(), List.of(SIZE), 101);
        CypherQuery query = ConnectionQueries.aggregate(THING, null, spec, RelationIndex.none());
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) RETURN n.kind AS k0, "
            + "head([(n)-[:`OWNED_BY`]->(g1:`Owner`) | g1.name]) AS k1, count(n) AS count, sum(n.size) AS sum_size "
            + "ORDER BY k0 ASC, k1 ASC LIMIT $limit");
        assertThat(query.parameters()).containsExactlyEntriesOf(Map.of("limit", 101));
    }

    @Test
    void shouldAggregateEveryParentsRowsInOneStatement() {
        AggregateSpec spec = new AggregateSpec(List.of(GroupKey.own(THING.field("kind").orElseThrow())), List.of(),
            List.of(), List.of(SIZE), List.of(), 1001);
        CypherQuery query = ConnectionQueries.relatedAggregates(THINGS, List.of("a", "b"),
            Map.of("size", Map.of("gt", 3)), spec, RelationIndex.none());
        assertThat(query.cypher()).isEqualTo("CYPHER 5 UNWIND $keys AS key MATCH (p:`Owner`) WHERE p.code = key "
            + "CALL (p) {MATCH (p)<-[r:`OWNED_BY`]-(n:`Thing`) WHERE n.size > $w0 "
            + "RETURN n.kind AS k0, count(n) AS count, avg(n.size) AS avg_size ORDER BY k0 ASC LIMIT $limit} "
            + "RETURN key, collect({k0: k0, count: count, avg_size: avg_size}) AS groups");
        assertThat(query.parameters()).containsEntry("keys", List.of("a", "b")).containsEntry("w0", 3)
            .containsEntry("limit", 1001).hasSize(3);
    }

    @Test
    void shouldAggregateWithoutGroupsAsOneRowPerParent() {
        AggregateSpec spec = new AggregateSpec(List.of(), List.of(), List.of(), List.of(), List.of(), 0);
        CypherQuery query = ConnectionQueries.relatedAggregates(THINGS, List.of("a"), null, spec, RelationIndex.none());
        assertThat(query.cypher()).isEqualTo("CYPHER 5 UNWIND $keys AS key MATCH (p:`Owner`) WHERE p.code = key "
            + "CALL (p) {MATCH (p)<-[r:`OWNED_BY`]-(n:`Thing`) RETURN count(n) AS count} "
            + "RETURN key, collect({count: count}) AS groups");
        assertThat(query.parameters()).doesNotContainKey("limit");
    }
}
