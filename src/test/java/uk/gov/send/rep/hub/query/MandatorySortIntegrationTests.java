package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import uk.gov.send.rep.hub.query.ConnectionQueries.CypherQuery;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sorting by a field every node has ({@link Field#mandatory()}, e.g. a plan's {@code requested}):
 * the Cypher lets the index give the order and seek from the cursor, and walking pages forward
 * and backward, with ties, still gives exactly the rows of hand-written Cypher.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class MandatorySortIntegrationTests {

    private static final NodeType<Map<String, Object>> THING = new NodeType<>("Thing", "Thing", "ref", p -> p,
        List.of(Field.string("ref"), Field.date("made").mandatory()));

    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeAll
    static void fixture() {
        TestGraph.run("""
            UNWIND range(1, 23) AS i
            CREATE (:Plan {ref: 'TST-MS-P' + right('0' + i, 2), kind: 'EHC_PLAN', status: 'REQUESTED',
                requested: date('2024-01-01') + duration({days: i % 5}), template: 'LOCAL', digital: false,
                exceptionsApply: false})""");
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    @Test
    void shouldSeekTheIndexOfAMandatoryFirstKey() {
        PageRequest first = new PageRequest(5, false, null, null, false, null,
            List.of(new Sort(THING.field("made").orElseThrow(), false)));
        assertThat(ConnectionQueries.rootPage(THING, first).cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) "
            + "WHERE (n.made IS NOT NULL AND n.ref IS NOT NULL) RETURN n{.*} AS node ORDER BY n.made ASC, n.ref ASC LIMIT $limit");
        PageRequest later = new PageRequest(5, false, List.of("2024-01-02", "x"), null, false, null,
            List.of(new Sort(THING.field("made").orElseThrow(), true)));
        CypherQuery query = ConnectionQueries.rootPage(THING, later);
        // Past a cursor: one seek per sort key, in the page's order (the rows of its date beyond its
        // key, then the rows beyond its date), each read in index order and stopped at LIMIT, the
        // second only while the page is not full; each hands on the values the index gave.
        assertThat(query.cypher()).isEqualTo("CYPHER 5 CALL () {"
            + "MATCH (n:`Thing`) WHERE (n.made = $after0 AND n.ref < $after) WITH n ORDER BY n.made DESC, n.ref DESC "
            + "LIMIT $limit RETURN collect({n: n, s0: n.made, k: n.ref}) AS found1} WITH found1 AS rows "
            + "CALL (rows) {UNWIND CASE WHEN size(rows) < $limit THEN [true] ELSE [] END AS open "
            + "CALL (*) {MATCH (n:`Thing`) WHERE (n.made < $after0 AND n.ref IS NOT NULL) WITH n ORDER BY n.made DESC, n.ref DESC "
            + "LIMIT $limit RETURN collect({n: n, s0: n.made, k: n.ref}) AS seek} "
            + "RETURN coalesce(head(collect(seek)), []) AS found0} WITH (rows + found0) AS rows "
            + "UNWIND rows AS row WITH row.n AS n, row.s0 AS s0, row.k AS k ORDER BY s0 DESC, k DESC LIMIT $limit "
            + "RETURN n{.*} AS node");
        assertThat(query.parameters()).containsEntry("after0", "2024-01-02").containsEntry("after", "x");
        // The same shape again, past another cursor: the text known from the first (nothing built), this cursor's values.
        CypherQuery again = ConnectionQueries.rootPage(THING, new PageRequest(5, false, List.of("2024-03-04", "y"), null,
            false, null, List.of(new Sort(THING.field("made").orElseThrow(), true))));
        assertThat(again.cypher()).isSameAs(query.cypher());
        assertThat(again.parameters()).containsExactlyInAnyOrderEntriesOf(
            Map.of("after0", "2024-03-04", "after", "y", "limit", 6));
        // Selected columns come from the handed-on values where they are the sort key or the key.
        assertThat(ConnectionQueries.rootPage(THING, later.withColumns(List.of("ref", "made", "name"))).cypher())
            .endsWith("WITH row.n AS n, row.s0 AS s0, row.k AS k ORDER BY s0 DESC, k DESC LIMIT $limit RETURN k AS ref, s0 AS made, n.name AS name");
    }

    @SuppressWarnings("unchecked")
    private List<String> walk(String direction, boolean backward) {
        List<String> refs = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 20; pages++) {
            Map<String, Object> page = graphQl.document("query($c: String) { plans(" + (backward ? "last: 4, before: $c" : "first: 4, after: $c")
                    + ", where: {ref: {startsWith: \"TST-MS-\"}}, orderBy: [{field: requested, direction: " + direction + "}]) "
                    + "{ edges { node { ref } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }")
                .variable("c", cursor).execute().errors().verify().path("plans").entity(Map.class).get();
            List<String> these = new ArrayList<>();
            for (Object edge : (List<Object>) page.get("edges")) {
                these.add((String) ((Map<String, Object>) ((Map<String, Object>) edge).get("node")).get("ref"));
            }
            Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
            if (backward) {
                refs.addAll(0, these);
                if (!(Boolean) info.get("hasPreviousPage")) {
                    break;
                }
                cursor = (String) info.get("startCursor");
            }
            else {
                refs.addAll(these);
                if (!(Boolean) info.get("hasNextPage")) {
                    break;
                }
                cursor = (String) info.get("endCursor");
            }
        }
        return refs;
    }

    @Test
    void shouldWalkEveryPageOnceInBothDirectionsAsCypherDoes() {
        for (String direction : List.of("ASC", "DESC")) {
            List<String> truth = TestGraph.run("MATCH (p:Plan) WHERE p.ref STARTS WITH 'TST-MS-' RETURN p.ref AS ref "
                    + "ORDER BY p.requested " + direction + ", p.ref " + direction).stream().map(r -> r.get("ref").asString()).toList();
            assertThat(truth).hasSize(23);
            assertThat(walk(direction, false)).as(direction + " forward").containsExactlyElementsOf(truth);
            assertThat(walk(direction, true)).as(direction + " backward").containsExactlyElementsOf(truth);
        }
    }
}
