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
 * {@code orderBy: {field: <relationship>Count}}: settings by the number of children placed, the
 * question "settings involved in the pilots, busiest first" asks. Pages walked by keyset cursors
 * that carry the count, compared with hand-written Cypher.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class CountSortIntegrationTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-K", 2, 5, 2);
        // Extra children placed at some settings, so that counts differ and some tie.
        TestGraph.run("""
            MATCH (s:Setting) WHERE s.ref STARTS WITH 'TST-K-'
            WITH s, toInteger(right(s.ref, 1)) % 4 AS extra
            UNWIND range(1, extra) AS i
            CREATE (:Child {ref: s.ref + '-X' + i, birthYear: 2014})-[:PLACED_AT {from: date('2024-01-01')}]->(s)""");
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    private static List<String> truth(String where) {
        return TestGraph.run("MATCH (s:Setting) WHERE " + where + " RETURN s.ref AS ref "
                + "ORDER BY COUNT { (s)<-[:PLACED_AT]-(:Child) } DESC, s.ref DESC").stream()
            .map(r -> r.get("ref").asString()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWalkSettingsBusiestFirstPageByPageAsCypherDoes() {
        List<String> walked = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 20; pages++) {
            Map<String, Object> page = graphQl.document("""
                    query($after: String) { settings(first: 3, after: $after, where: {ref: {startsWith: "TST-K-"}},
                        orderBy: [{field: placementsCount, direction: DESC}]) {
                      edges { node { ref placements(first: 0) { totalCount } } } pageInfo { hasNextPage endCursor } } }""")
                .variable("after", after).execute().errors().verify().path("settings").entity(Map.class).get();
            for (Object edge : (List<Object>) page.get("edges")) {
                Map<String, Object> node = (Map<String, Object>) ((Map<String, Object>) edge).get("node");
                walked.add((String) node.get("ref"));
                counts.add((Integer) ((Map<String, Object>) node.get("placements")).get("totalCount"));
            }
            Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
            if (!(Boolean) info.get("hasNextPage")) {
                break;
            }
            after = (String) info.get("endCursor");
        }
        assertThat(walked).hasSize(10).containsExactlyElementsOf(truth("s.ref STARTS WITH 'TST-K-'"));
        assertThat(counts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(counts.getFirst()).isGreaterThan(counts.getLast());
    }

    @Test
    void shouldSortNestedConnectionsByCountPerParent() {
        List<String> refs = graphQl.document("""
                { localArea(code: "TST-K-A2") { settings(first: 10, orderBy: [{field: placementsCount, direction: DESC}]) {
                    edges { node { ref } } } } }""")
            .execute().errors().verify().path("localArea.settings.edges[*].node.ref").entityList(String.class).get();
        assertThat(refs).containsExactlyElementsOf(truth("s.ref STARTS WITH 'TST-K-S2-'"));
    }

    @Test
    void shouldCountByDegreeInTheSeekAndOrder() {
        Relation<?, ?, ?> placements = Relation.plain("Thing.parts", new NodeType<>("Thing", "Thing", "ref", p -> p,
            List.of(Field.string("ref"))), "HAS_PART", true, new NodeType<>("Part", "Part", "ref", p -> p, List.of()));
        PageRequest page = new PageRequest(5, false, List.of(4L, "x"), null, false, null,
            List.of(Sort.count(placements, true)));
        CypherQuery query = ConnectionQueries.rootPage(placements.parent(), page);
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) WHERE (COUNT { (n)-[:`HAS_PART`]->() } < $after0 "
            + "OR (COUNT { (n)-[:`HAS_PART`]->() } = $after0 AND n.ref < $after)) "
            + "RETURN n{.*, partsCount: COUNT { (n)-[:`HAS_PART`]->() }} AS node "
            + "ORDER BY COUNT { (n)-[:`HAS_PART`]->() } DESC, n.ref DESC LIMIT $limit");
        assertThat(query.parameters()).containsEntry("after0", 4L).containsEntry("after", "x");
    }

    @Test
    void shouldRejectACountOfAnUnknownRelationship() {
        graphQl.document("{ settings(first: 1, orderBy: [{field: shoesCount}]) { totalCount } }").execute().errors()
            .expect(e -> e.getErrorType() == graphql.ErrorType.ValidationError && e.getMessage().contains("shoesCount"))
            .verify();
    }
}
