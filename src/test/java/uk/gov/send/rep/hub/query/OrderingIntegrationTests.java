package uk.gov.send.rep.hub.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code orderBy} with keyset cursors: the order matches hand-written Cypher, ties and missing
 * values included, and walking every page returns each row exactly once, also when rows are
 * added between pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class OrderingIntegrationTests {

    private static final String MINE = "{ref: {startsWith: \"TST-O-\"}}";

    @Autowired
    HttpGraphQlTester http;

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-O", 2, 3, 7);
        TestGraph.run("""
            MATCH (c:Child) WHERE c.ref STARTS WITH 'TST-O-'
            WITH c, toInteger(split(c.ref, '-')[-1]) AS i
            SET c.secondaryNeed = CASE i % 3 WHEN 0 THEN null WHEN 1 THEN 'SPLD' ELSE 'HI' END""");
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    private GraphQlTester graphQl() {
        return http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    private static List<String> truth(String orderBy) {
        return TestGraph.run("MATCH (n:Child) WHERE n.ref STARTS WITH 'TST-O-' RETURN n.ref AS ref ORDER BY " + orderBy)
            .stream().map(r -> r.get("ref").asString()).toList();
    }

    /** Walks every page of size {@code size}; {@code between} runs after the first page. */
    private List<String> walk(String orderBy, int size, Runnable between) {
        List<String> walked = new ArrayList<>();
        String after = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            GraphQlTester.Traversable page = graphQl().document("query($after: String) { children(first: " + size
                    + ", after: $after, where: " + MINE + ", orderBy: " + orderBy + ") "
                    + "{ totalCount edges { node { ref } } pageInfo { hasNextPage endCursor } } }")
                .variable("after", after).execute().errors().verify();
            walked.addAll(page.path("children.edges[*].node.ref").entityList(String.class).get());
            more = page.path("children.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("children.pageInfo.endCursor").entity(String.class).get();
            if (++pages == 1 && between != null) {
                between.run();
            }
        }
        return walked;
    }

    @Test
    void shouldOrderBySeveralKeysInBothDirectionsAsCypherDoes() {
        List<String> answer = graphQl().document("{ children(first: 100, where: " + MINE
                + ", orderBy: [{field: birthYear, direction: DESC}, {field: primaryNeed}]) { edges { node { ref } } } }")
            .execute().errors().verify().path("children.edges[*].node.ref").entityList(String.class).get();
        assertThat(answer).hasSize(42).isEqualTo(truth("n.birthYear DESC, n.primaryNeed ASC, n.ref ASC"));
    }

    @Test
    void shouldWalkEveryPageOnceWithTiesAndMissingValuesInBothDirections() {
        assertThat(walk("[{field: secondaryNeed}, {field: birthYear, direction: DESC}]", 5, null))
            .isEqualTo(truth("n.secondaryNeed ASC, n.birthYear DESC, n.ref DESC")).hasSize(42);
        assertThat(walk("[{field: secondaryNeed, direction: DESC}]", 4, null))
            .isEqualTo(truth("n.secondaryNeed DESC, n.ref DESC")).hasSize(42);
    }

    @Test
    void shouldStayCorrectWhenRowsAreAddedMidWalk() {
        List<String> before = truth("n.birthYear ASC, n.ref ASC");
        List<String> walked = walk("[{field: birthYear}]", 6, () -> TestGraph.run("""
            MATCH (a:LocalArea {code: 'TST-O-A1'})
            UNWIND [2000, 2030] AS year
            CREATE (:Child {ref: 'TST-O-NEW-' + year, birthYear: year, sex: 'F', senProvision: 'K'})-[:RESIDENT_IN]->(a)"""));
        // Nothing repeated, nothing of the original rows missed; the row added after the cursor's
        // position is seen, the one added before it is not (it belongs to a page already read).
        assertThat(walked).doesNotHaveDuplicates().containsAll(before)
            .contains("TST-O-NEW-2030").doesNotContain("TST-O-NEW-2000");
        assertThat(walked).hasSize(before.size() + 1);
        TestGraph.run("MATCH (c:Child) WHERE c.ref STARTS WITH 'TST-O-NEW-' DETACH DELETE c");
    }

    @Test
    void shouldSortNestedConnectionsPerParent() {
        List<String> answer = graphQl().document("""
                { localArea(code: "TST-O-A2") { children(first: 100, orderBy: [{field: birthYear, direction: DESC}]) {
                    edges { node { ref } } } } }""")
            .execute().errors().verify().path("localArea.children.edges[*].node.ref").entityList(String.class).get();
        List<String> truth = TestGraph.run("""
                MATCH (:LocalArea {code: 'TST-O-A2'})<-[:RESIDENT_IN]-(n:Child) RETURN n.ref AS ref
                ORDER BY n.birthYear DESC, n.ref DESC""").stream().map(r -> r.get("ref").asString()).toList();
        assertThat(answer).hasSize(21).isEqualTo(truth);
    }

    @Test
    void shouldRejectACursorFromAnotherOrder() {
        String cursor = graphQl().document("{ children(first: 2, where: " + MINE + ", orderBy: [{field: birthYear}]) "
                + "{ pageInfo { endCursor } } }")
            .execute().errors().verify().path("children.pageInfo.endCursor").entity(String.class).get();
        graphQl().document("query($after: String) { children(first: 2, after: $after, orderBy: [{field: sex}]) { totalCount } }")
            .variable("after", cursor).execute().errors()
            .expect(e -> e.getMessage().contains("'after'") && e.getMessage().contains("another orderBy")).verify();
        graphQl().document("{ children(first: 2, orderBy: [{field: sex}, {field: ref}, {field: birthYear}, {field: yearGroup}]) { totalCount } }")
            .execute().errors().expect(e -> e.getMessage().contains("at most 3 sort keys")).verify();
    }

    @Test
    void shouldGiveTheSameCursorsWhetherOrNotEdgesAskForThem() {
        // Edge cursors are made only when selected; pageInfo's are always the first and last edges'.
        String arguments = "(first: 5, where: " + MINE + ", orderBy: [{field: secondaryNeed, direction: DESC}])";
        GraphQlTester.Traversable with = graphQl().document("{ children" + arguments
            + " { edges { cursor node { ref } } pageInfo { startCursor endCursor } } }").execute().errors().verify();
        GraphQlTester.Traversable without = graphQl().document("{ children" + arguments
            + " { edges { node { ref } } pageInfo { startCursor endCursor } } }").execute().errors().verify();
        List<String> cursors = with.path("children.edges[*].cursor").entityList(String.class).get();
        assertThat(cursors).hasSize(5).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(without.path("children.pageInfo.startCursor").entity(String.class).get())
            .isEqualTo(with.path("children.pageInfo.startCursor").entity(String.class).get())
            .isEqualTo(cursors.getFirst());
        assertThat(without.path("children.pageInfo.endCursor").entity(String.class).get())
            .isEqualTo(with.path("children.pageInfo.endCursor").entity(String.class).get())
            .isEqualTo(cursors.getLast());
        // A middle edge's cursor pages on from that edge.
        List<String> rest = graphQl().document("query($after: String) { children(first: 2, after: $after, where: " + MINE
                + ", orderBy: [{field: secondaryNeed, direction: DESC}]) { edges { node { ref } } } }")
            .variable("after", cursors.get(1)).execute().errors().verify()
            .path("children.edges[*].node.ref").entityList(String.class).get();
        assertThat(rest).isEqualTo(with.path("children.edges[*].node.ref").entityList(String.class).get().subList(2, 4));
    }
}
