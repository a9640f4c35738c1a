package uk.gov.send.rep.hub.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code last}/{@code before} over root and nested connections against hand-written Cypher:
 * walking backwards from the end gives exactly the forward walk's rows, page by page in the
 * connection's order, with 0, 1 and 2 sort keys and missing values in both directions; rows added
 * mid-walk are handled as in a forward walk; cursors serve in either direction; and every bad
 * combination of paging arguments is a BAD_REQUEST naming the argument, before any Cypher runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class BackwardPagingIntegrationTests {

    private static final String MINE = "{ref: {startsWith: \"TST-KS-\"}}";

    /** The root {@code children} connection over this fixture's 42 children. */
    private static final Target ROOT = new Target("children(where: " + MINE + ", ", 0, "children",
        "MATCH (n:Child) WHERE n.ref STARTS WITH 'TST-KS-'");

    /** A nested connection: the 21 children of one area. */
    private static final Target NESTED = new Target("localArea(code: \"TST-KS-A2\") { children(", 1, "localArea.children",
        "MATCH (:LocalArea {code: 'TST-KS-A2'})<-[:RESIDENT_IN]-(n:Child)");

    @Autowired
    HttpGraphQlTester http;

    @Autowired
    CypherStatementCounter statements;

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-KS", 2, 3, 7);
        // A nullable sort field (a third of the children have none) and a placement end date per
        // child, so that a reversed page can be checked edge property by edge property.
        TestGraph.run("""
            MATCH (c:Child)-[p:PLACED_AT]->(:Setting) WHERE c.ref STARTS WITH 'TST-KS-'
            WITH c, p, toInteger(split(c.ref, '-')[-1]) AS i
            SET c.secondaryNeed = CASE i % 3 WHEN 0 THEN null WHEN 1 THEN 'SPLD' ELSE 'HI' END,
                p.to = date('2024-07-01') + duration({days: i})""");
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    private GraphQlTester graphQl() {
        // Both timeouts: the tester's and its WebTestClient's (5 s by default), for a busy machine.
        return http.mutate().webTestClient(client -> client.responseTimeout(Duration.ofSeconds(60)))
            .responseTimeout(Duration.ofSeconds(60)).build();
    }

    /**
     * Where a connection sits in a query: the text up to its arguments, how many fields enclose
     * it, its path in the answer, and the Cypher MATCH of its rows for the ground truth.
     */
    private record Target(String open, int depth, String path, String match) {
    }

    private record Page(List<String> refs, boolean hasNext, boolean hasPrevious, String start, String end, int total) {
    }

    private Page page(Target target, String orderBy, String size, String after, String before) {
        GraphQlTester.Traversable answer = graphQl().document("query($after: String, $before: String) { " + target.open()
                + size + ", after: $after, before: $before, orderBy: " + orderBy + ") "
                + "{ totalCount edges { node { ref } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }"
                + " }".repeat(target.depth()) + " }")
            .variable("after", after).variable("before", before).execute().errors().verify();
        String at = target.path();
        Map<?, ?> info = answer.path(at + ".pageInfo").entity(Map.class).get();
        return new Page(answer.path(at + ".edges[*].node.ref").entityList(String.class).get(),
            (Boolean) info.get("hasNextPage"), (Boolean) info.get("hasPreviousPage"),
            (String) info.get("startCursor"), (String) info.get("endCursor"),
            answer.path(at + ".totalCount").entity(Integer.class).get());
    }

    private static List<String> truth(Target target, String order) {
        return TestGraph.run(target.match() + " RETURN n.ref AS ref ORDER BY " + order).stream()
            .map(r -> r.get("ref").asString()).toList();
    }

    private List<String> walkForward(Target target, String orderBy, int size) {
        List<String> walked = new ArrayList<>();
        String after = null;
        Page page;
        do {
            page = page(target, orderBy, "first: " + size, after, null);
            walked.addAll(page.refs());
            assertThat(page.hasPrevious()).isEqualTo(after != null);
            after = page.end();
        } while (page.hasNext());
        return walked;
    }

    /**
     * Walks from the end with {@code last: size, before: startCursor}; returns the pages in the
     * order they were read (last page first), checking pageInfo and totalCount on the way.
     * {@code between} runs after the first page.
     */
    private List<List<String>> walkBackward(Target target, String orderBy, int size, Runnable between) {
        List<List<String>> pages = new ArrayList<>();
        String before = null;
        Page page;
        do {
            page = page(target, orderBy, "last: " + size, null, before);
            pages.add(page.refs());
            assertThat(page.hasNext()).as("hasNextPage is 'before was given'").isEqualTo(before != null);
            assertThat(page.refs()).hasSizeLessThanOrEqualTo(size);
            if (page.hasPrevious()) {
                assertThat(page.refs()).hasSize(size);
            }
            before = page.start();
            if (pages.size() == 1 && between != null) {
                between.run();
            }
        } while (page.hasPrevious());
        return pages;
    }

    /** The rows of a backward walk in the connection's order: the pages turned round, each page as it came. */
    private static List<String> inOrder(List<List<String>> backwardPages) {
        List<List<String>> pages = new ArrayList<>(backwardPages);
        Collections.reverse(pages);
        return pages.stream().flatMap(List::stream).toList();
    }

    private void shouldWalkBackwardAsForward(Target target, String orderBy, String cypherOrder, int expected) {
        List<String> truth = truth(target, cypherOrder);
        List<String> forward = walkForward(target, orderBy, 5);
        List<List<String>> backward = walkBackward(target, orderBy, 4, null);
        int total = page(target, orderBy, "last: 0", null, null).total();

        assertThat(truth).hasSize(expected);
        assertThat(forward).isEqualTo(truth);
        assertThat(inOrder(backward)).as("backward walk with " + orderBy).doesNotHaveDuplicates().isEqualTo(truth)
            .hasSize(total);
        List<String> visited = backward.stream().flatMap(p -> p.reversed().stream()).toList();
        assertThat(visited).isEqualTo(forward.reversed());
    }

    @Test
    void shouldWalkARootConnectionBackwardToExactlyTheForwardRowsWithZeroOneAndTwoSortKeys() {
        shouldWalkBackwardAsForward(ROOT, "[]", "n.ref ASC", 42);
        shouldWalkBackwardAsForward(ROOT, "[{field: birthYear, direction: DESC}]", "n.birthYear DESC, n.ref DESC", 42);
        shouldWalkBackwardAsForward(ROOT, "[{field: secondaryNeed}, {field: birthYear, direction: DESC}]",
            "n.secondaryNeed ASC, n.birthYear DESC, n.ref DESC", 42);
        shouldWalkBackwardAsForward(ROOT, "[{field: secondaryNeed, direction: DESC}, {field: sex}]",
            "n.secondaryNeed DESC, n.sex ASC, n.ref ASC", 42);
    }

    @Test
    void shouldWalkANestedConnectionBackwardToExactlyTheForwardRowsWithZeroOneAndTwoSortKeys() {
        shouldWalkBackwardAsForward(NESTED, "[]", "n.ref ASC", 21);
        shouldWalkBackwardAsForward(NESTED, "[{field: secondaryNeed, direction: DESC}]", "n.secondaryNeed DESC, n.ref DESC", 21);
        shouldWalkBackwardAsForward(NESTED, "[{field: secondaryNeed}, {field: birthYear}]",
            "n.secondaryNeed ASC, n.birthYear ASC, n.ref ASC", 21);
        shouldWalkBackwardAsForward(NESTED, "[{field: birthYear, direction: DESC}, {field: secondaryNeed, direction: DESC}]",
            "n.birthYear DESC, n.secondaryNeed DESC, n.ref DESC", 21);
    }

    @Test
    void shouldStayCorrectWhenRowsAreAddedMidBackwardWalk() {
        List<String> before = truth(ROOT, "n.birthYear ASC, n.ref ASC");
        try {
            List<String> walked = inOrder(walkBackward(ROOT, "[{field: birthYear}]", 6, () -> TestGraph.run("""
                MATCH (a:LocalArea {code: 'TST-KS-A1'})
                UNWIND [2000, 2030] AS year
                CREATE (:Child {ref: 'TST-KS-NEW-' + year, birthYear: year, sex: 'F', senProvision: 'K'})-[:RESIDENT_IN]->(a)""")));
            // Read from the end: the row added at the end belongs to a page already read and is
            // not seen; the one added at the start is still ahead of the walk and is. Nothing of
            // the original rows is repeated or missed.
            assertThat(walked).doesNotHaveDuplicates().containsAll(before)
                .contains("TST-KS-NEW-2000").doesNotContain("TST-KS-NEW-2030").hasSize(before.size() + 1);
            assertThat(walked).isEqualTo(truth(ROOT, "n.birthYear ASC, n.ref ASC").stream()
                .filter(ref -> !ref.equals("TST-KS-NEW-2030")).toList());
        }
        finally {
            TestGraph.run("MATCH (c:Child) WHERE c.ref STARTS WITH 'TST-KS-NEW-' DETACH DELETE c");
        }
    }

    @Test
    void shouldStayCorrectWhenRowsAreAddedMidBackwardWalkOfANestedConnection() {
        List<String> before = truth(NESTED, "n.secondaryNeed DESC, n.ref DESC");
        try {
            // Missing values come first descending: the new row without one is ahead of the walk
            // (seen), the new 'ZZ' is among the first rows (also ahead); the new 'AA' is at the end,
            // in the page already read (not seen).
            List<String> walked = inOrder(walkBackward(NESTED, "[{field: secondaryNeed, direction: DESC}]", 5,
                () -> TestGraph.run("""
                    MATCH (a:LocalArea {code: 'TST-KS-A2'})
                    UNWIND [['NONE', null], ['ZZ', 'ZZ'], ['AA', 'AA']] AS row
                    CREATE (:Child {ref: 'TST-KS-NEW-' + row[0], secondaryNeed: row[1], birthYear: 2015})-[:RESIDENT_IN]->(a)""")));
            assertThat(walked).doesNotHaveDuplicates().containsAll(before)
                .contains("TST-KS-NEW-NONE", "TST-KS-NEW-ZZ").doesNotContain("TST-KS-NEW-AA").hasSize(before.size() + 2);
            assertThat(walked).isEqualTo(truth(NESTED, "n.secondaryNeed DESC, n.ref DESC").stream()
                .filter(ref -> !ref.equals("TST-KS-NEW-AA")).toList());
        }
        finally {
            TestGraph.run("MATCH (c:Child) WHERE c.ref STARTS WITH 'TST-KS-NEW-' DETACH DELETE c");
        }
    }

    @Test
    void shouldLoadEveryParentsLastPageInOneStatementWithEdgePropertiesOnTheRightRows() {
        String query = """
            { partnership(code: "TST-KS") { members(first: 10) { edges { node { code
                settings(first: 10) { edges { node { ref
                  placements(last: 3, orderBy: [{field: secondaryNeed}]) {
                    totalCount edges { to node { ref } } pageInfo { hasNextPage hasPreviousPage } } } } } } } } } }""";
        graphQl().document(query).execute().errors().verify(); // warm-up
        long before = statements.count();
        List<Map<String, Object>> settings = graphQl().document(query).execute().errors().verify()
            .path("partnership.members.edges[*].node.settings.edges[*].node")
            .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        // partnership, members, settings, placements: one statement (ADR 0008), + the audit log's write (ADR 0011).
        assertThat(statements.count() - before).isEqualTo(2);
        assertThat(settings).hasSize(6);
        for (Map<String, Object> setting : settings) {
            List<org.neo4j.driver.Record> truth = TestGraph.run("""
                    MATCH (:Setting {ref: $ref})<-[p:PLACED_AT]-(n:Child)
                    RETURN n.ref AS ref, p.to AS to ORDER BY n.secondaryNeed ASC, n.ref ASC""", Map.of("ref", setting.get("ref")));
            List<Map<String, Object>> expected = truth.subList(truth.size() - 3, truth.size()).stream()
                .map(r -> Map.<String, Object>of("to", r.get("to").asLocalDate().toString(), "node", Map.of("ref", r.get("ref").asString())))
                .toList();
            Map<?, ?> placements = (Map<?, ?>) setting.get("placements");
            assertThat(placements.get("edges")).isEqualTo(expected);
            assertThat(placements.get("totalCount")).isEqualTo(7);
            assertThat(placements.get("pageInfo")).isEqualTo(Map.of("hasNextPage", false, "hasPreviousPage", true));
        }
    }

    @Test
    void shouldTakeAnyCursorAsAfterOrBefore() {
        String orderBy = "[{field: secondaryNeed, direction: DESC}, {field: birthYear}]";
        List<String> truth = truth(ROOT, "n.secondaryNeed DESC, n.birthYear ASC, n.ref ASC");
        Page forward = page(ROOT, orderBy, "first: 10", null, null);
        assertThat(forward.refs()).isEqualTo(truth.subList(0, 10));

        // A forward page's endCursor as before: the rows just before it, or the start of the
        // result up to it.
        Page lastBefore = page(ROOT, orderBy, "last: 4", null, forward.end());
        assertThat(lastBefore.refs()).isEqualTo(truth.subList(5, 9));
        assertThat(lastBefore.hasPrevious()).isTrue();
        assertThat(lastBefore.hasNext()).isTrue();
        Page firstBefore = page(ROOT, orderBy, "first: 3", null, forward.end());
        assertThat(firstBefore.refs()).isEqualTo(truth.subList(0, 3));
        assertThat(firstBefore.hasNext()).as("more rows before the cursor").isTrue();
        assertThat(page(ROOT, orderBy, "first: 20", null, forward.end()).refs()).isEqualTo(truth.subList(0, 9));
        assertThat(page(ROOT, orderBy, "first: 20", null, forward.end()).hasNext()).isFalse();

        // A backward page's startCursor as after: the rows just after it.
        Page backward = page(ROOT, orderBy, "last: 10", null, null);
        assertThat(backward.refs()).isEqualTo(truth.subList(32, 42));
        assertThat(backward.hasNext()).isFalse();
        assertThat(backward.hasPrevious()).isTrue();
        assertThat(page(ROOT, orderBy, "first: 5", backward.start(), null).refs()).isEqualTo(truth.subList(33, 38));

        // Both cursors bound a window, read from either end.
        assertThat(page(ROOT, orderBy, "first: 100", forward.end(), backward.start()).refs()).isEqualTo(truth.subList(10, 32));
        Page windowEnd = page(ROOT, orderBy, "last: 2", forward.end(), backward.start());
        assertThat(windowEnd.refs()).isEqualTo(truth.subList(30, 32));
        assertThat(windowEnd.hasPrevious()).isTrue();
        assertThat(page(ROOT, orderBy, "last: 0", forward.end(), backward.start()).refs()).isEmpty();
    }

    private void shouldReject(String connection, String argument, String message) {
        long before = statements.count();
        graphQl().document("{ " + connection + " { totalCount edges { cursor } } }").execute().errors().satisfy(errors ->
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                assertThat(error.getExtensions()).containsEntry("argument", argument);
                assertThat(error.getMessage()).contains("'" + argument + "'").contains(message);
                assertThat(error.getPath()).isEqualTo("children");
            }));
        assertThat(statements.count()).as("no Cypher for a bad request").isEqualTo(before);
    }

    @Test
    void shouldRejectEveryBadCombinationNamingTheArgument() {
        shouldReject("children", "first", "required (or last)");
        shouldReject("children(where: " + MINE + ")", "first", "0 to 100");
        shouldReject("children(first: 2, last: 2)", "last", "not both");
        shouldReject("children(first: -1)", "first", "must not be negative, was -1");
        shouldReject("children(last: -3)", "last", "must not be negative, was -3");
        shouldReject("children(first: 101)", "first", "at most 100 (hub.graphql.max-page-size), was 101");
        shouldReject("children(last: 500)", "last", "at most 100 (hub.graphql.max-page-size), was 500");
        shouldReject("children(last: 2, before: \"not-a-cursor\")", "before", "not a cursor issued by this hub");
        String notV1 = java.util.Base64.getUrlEncoder().encodeToString("v0\u001f\u001fs:TST-KS-C1-1-1".getBytes());
        shouldReject("children(first: 2, before: \"" + notV1 + "\")", "before", "not a cursor issued by this hub");
        shouldReject("children(last: 2, after: \"@@\")", "after", "not a cursor issued by this hub");

        String cursor = page(ROOT, "[{field: birthYear}]", "first: 1", null, null).end();
        shouldReject("children(last: 2, before: \"" + cursor + "\", orderBy: [{field: sex}])", "before", "another orderBy");
        shouldReject("children(last: 2, before: \"" + cursor + "\")", "before", "another orderBy");
    }

    @Test
    void shouldRejectBadArgumentsOfANestedConnectionAtItsPath() {
        Map<String, String> cases = new HashMap<>();
        cases.put("children { edges { cursor } }", "first");
        cases.put("children(first: 1, last: 1) { totalCount }", "last");
        cases.put("children(last: 101) { totalCount }", "last");
        cases.put("children(last: 1, before: \"x\") { totalCount }", "before");
        cases.forEach((connection, argument) -> graphQl()
            .document("{ localArea(code: \"TST-KS-A1\") { code " + connection + " } }").execute().errors()
            .satisfy(errors -> {
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(error.getExtensions()).containsEntry("argument", argument);
                    assertThat(error.getPath()).isEqualTo("localArea.children");
                });
                assertThat(errors).extracting(ResponseError::getMessage).allMatch(m -> m.contains("'" + argument + "'"));
            }));
    }
}
