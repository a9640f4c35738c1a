package uk.gov.send.rep.hub.query;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cypher round trips of a nested query are bounded by its root fields, not by its rows or its
 * nesting: partnerships → areas → settings → children is one statement over 24 children as over
 * 3,600, counted at the driver over real HTTP (ADR 0008: relationship fields selected under rows
 * are read in the rows' statement).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class RoundTripIntegrationTests {

    @Autowired
    HttpGraphQlTester http;

    @Autowired
    CypherStatementCounter statements;

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    GraphReader reader;

    @BeforeAll
    static void createTwoSizes() {
        long started = System.nanoTime();
        TestGraph.partnershipTree("TST-RT-S", 2, 3, 4);
        TestGraph.partnershipTree("TST-RT-L", 6, 20, 30);
        System.out.printf("round-trip fixtures: %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void removeFixtures() {
        TestGraph.deleteFixtures();
    }

    private GraphQlTester graphQl() {
        return http.mutate()
            .webTestClient(client -> client.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)))
            .responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** Runs the drill-down and returns {statements used, children returned}. */
    private long[] drillDown(String code) {
        long before = statements.count();
        List<String> children = graphQl().documentName("partnershipDrillDown").variable("code", code).execute()
            .errors().verify()
            .path("partnership.members.edges[*].node.settings.edges[*].node.placements.edges[*].node.ref")
            .entityList(String.class).get();
        return new long[] { statements.count() - before, children.size() };
    }

    @Test
    void shouldCompleteTheRowsReadWithTheRootInOnePass() {
        // HubExecutionStrategy: everything under partnership(code) was read in its one statement (properties of
        // records, relationship fields prefetched), so the whole answer is completed in one pass, without
        // graphql-java's per-field machinery, whatever the number of rows.
        assertThat(graphQlSource.graphQl().getQueryStrategy()).isInstanceOf(HubExecutionStrategy.class);
        HubExecutionStrategy strategy = (HubExecutionStrategy) graphQlSource.graphQl().getQueryStrategy();
        long before = strategy.shortcuts();
        drillDown("TST-RT-L");
        assertThat(strategy.shortcuts() - before).isEqualTo(1);
    }

    @Test
    void shouldSendStatementsWithoutTheCypher5PrefixTheDatabaseDoesNotNeed() {
        // ADR 0020: the test database runs unversioned statements as Cypher 5, so the prefix is left out.
        assertThat(reader.sent("CYPHER 5 MATCH (n) RETURN n")).isEqualTo("MATCH (n) RETURN n");
        assertThat(reader.sent("CYPHER 5\nMATCH (n) RETURN n")).isEqualTo("MATCH (n) RETURN n");
        assertThat(GraphReader.sent("CYPHER 5 MATCH (n) RETURN n", false)).isEqualTo("CYPHER 5 MATCH (n) RETURN n");
        assertThat(GraphReader.sent("CYPHER 25 MATCH (n) RETURN n", true)).isEqualTo("CYPHER 25 MATCH (n) RETURN n");
        assertThat(GraphReader.sent("MATCH (n) RETURN n", true)).isEqualTo("MATCH (n) RETURN n");
    }

    @Test
    void shouldUseTheSameRoundTripsForTwentyFourAndThreeThousandSixHundredChildren() {
        drillDown("TST-RT-S"); // warm-up: nothing lazy may count in the measured runs
        long[] small = drillDown("TST-RT-S");
        long[] large = drillDown("TST-RT-L");

        assertThat(small[1]).isEqualTo(2 * 3 * 4);
        assertThat(large[1]).isEqualTo(6 * 20 * 30);
        // partnership, members, settings, placements, counts included: one statement, + the audit log's write (ADR 0011).
        assertThat(small[0]).isEqualTo(2);
        assertThat(large[0]).isEqualTo(small[0]);
    }

    @Test
    void shouldBoundRootConnectionDrillDownByNestingNotRows() {
        long before = statements.count();
        graphQl().documentName("allPartnershipsDrillDown").execute().errors().verify()
            .path("partnerships.totalCount").entity(Integer.class).satisfies(total -> assertThat(total).isGreaterThanOrEqualTo(2));
        // page (with every nested level) + totalCount for the root + the audit log's write (ADR 0011).
        assertThat(statements.count() - before).isEqualTo(3);
    }

    /**
     * Relationship fields (a setting's area, the area's region, an area's settings) are read in
     * the statement of the rows they hang from, at any depth, through aliases and fragments, with
     * the values the graph holds.
     */
    @Test
    void shouldReadToOneFieldsInTheStatementOfTheirRows() {
        TestGraph.run("""
            MERGE (r:Region {code: 'TST-RT-R'}) SET r.name = 'Test region'
            WITH r MATCH (a:LocalArea) WHERE a.code STARTS WITH 'TST-RT-S-' MERGE (a)-[:IN_REGION]->(r)""");
        String truth = TestGraph.run("""
            MATCH (:Setting {ref: 'TST-RT-S-S2-1'})-[:IN_AREA]->(a:LocalArea)-[:IN_REGION]->(r:Region)
            RETURN a.code + '/' + a.name + '/' + r.name AS value""").getFirst().get("value").asString();

        long before = statements.count();
        var one = graphQl().document("""
                { setting(ref: "TST-RT-S-S2-1") { ref area { code name region { name } } } }""")
            .execute().errors().verify();
        assertThat(statements.count() - before).isEqualTo(1);
        assertThat(one.path("setting.area.code").entity(String.class).get() + "/"
            + one.path("setting.area.name").entity(String.class).get() + "/"
            + one.path("setting.area.region.name").entity(String.class).get()).isEqualTo(truth);

        before = statements.count();
        var page = graphQl().document("""
                { settings(first: 20, where: {ref: {startsWith: "TST-RT-S-"}}) {
                    edges { node { ref at: area { code } area { name region { code } } } } } }""")
            .execute().errors().verify();
        assertThat(statements.count() - before).isEqualTo(1);
        List<String> settings = page.path("settings.edges[*].node.ref").entityList(String.class).get();
        List<String> areas = page.path("settings.edges[*].node.at.code").entityList(String.class).get();
        assertThat(settings).hasSize(2 * 3);
        for (int i = 0; i < settings.size(); i++) {
            // TST-RT-S-S<a>-<s> is in area TST-RT-S-A<a>.
            assertThat(areas.get(i)).isEqualTo("TST-RT-S-A" + settings.get(i).charAt("TST-RT-S-S".length()));
        }
        page.path("settings.edges[*].node.area.region.code").entityList(String.class).containsExactly(
            java.util.Collections.nCopies(6, "TST-RT-R").toArray(String[]::new));

        // partnership, members, settings, their area: one statement.
        before = statements.count();
        graphQl().document("""
                { partnership(code: "TST-RT-S") { members(first: 10) { edges { node { code
                    settings(first: 10) { edges { node { ref area { code } } } } } } } } }""")
            .execute().errors().verify()
            .path("partnership.members.edges[*].node.settings.edges[*].node.area.code").entityList(String.class).hasSize(6);
        assertThat(statements.count() - before).isEqualTo(1);

        before = statements.count();
        graphQl().document("query($id: ID!) { node(id: $id) { ... on Setting { ref area { code } } } }")
            .variable("id", GlobalId.encode("Setting", "TST-RT-S-S1-3")).execute().errors().verify()
            .path("node.area.code").entity(String.class).isEqualTo("TST-RT-S-A1");
        assertThat(statements.count() - before).isEqualTo(1);
    }

    /**
     * Two aliases of one connection with different arguments, a nested cursor, and a nested
     * argument error: each page is right, read in the one statement, and a bad nested argument is
     * reported at its own path.
     */
    @Test
    void shouldReadEachAliasedNestedPageInTheOneStatementAndReportNestedErrorsAtTheirPath() {
        String document = """
            query($after: String) { partnership(code: "TST-RT-S") { members(first: 10) { edges { node { code
              few: settings(first: 1) { edges { node { ref } } pageInfo { endCursor hasNextPage } }
              rest: settings(first: 5, orderBy: [{field: ref, direction: DESC}]) { totalCount edges { node { ref } } }
              next: settings(first: 5, after: $after) { edges { node { ref } } } } } } } }""";
        var first = graphQl().document(document).execute().errors().verify();
        first.path("partnership.members.edges[0].node.code").entity(String.class).isEqualTo("TST-RT-S-A1");
        first.path("partnership.members.edges[0].node.few.edges[*].node.ref").entityList(String.class)
            .containsExactly("TST-RT-S-S1-1");
        first.path("partnership.members.edges[0].node.few.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        first.path("partnership.members.edges[0].node.rest.edges[*].node.ref").entityList(String.class)
            .containsExactly("TST-RT-S-S1-3", "TST-RT-S-S1-2", "TST-RT-S-S1-1");
        first.path("partnership.members.edges[0].node.rest.totalCount").entity(Integer.class).isEqualTo(3);
        String cursor = first.path("partnership.members.edges[0].node.few.pageInfo.endCursor").entity(String.class).get();

        long before = statements.count();
        graphQl().document(document).variable("after", cursor).execute().errors().verify()
            .path("partnership.members.edges[0].node.next.edges[*].node.ref").entityList(String.class)
            .containsExactly("TST-RT-S-S1-2", "TST-RT-S-S1-3");
        assertThat(statements.count() - before).isEqualTo(1);

        graphQl().document("""
                { partnership(code: "TST-RT-S") { members(first: 10) { edges { node { code
                  settings(first: 1000) { edges { node { ref } } } } } } } }""")
            .execute().errors().satisfy(errors -> {
                assertThat(errors).isNotEmpty().allSatisfy(error -> {
                    assertThat(error.getPath()).startsWith("partnership.members.edges[").endsWith("].node.settings");
                    assertThat(error.getMessage()).contains("at most 100");
                });
            });
    }

    /**
     * Rows read only the properties their selection needs; a field computed from other properties
     * (a plan's issuedWithin20Weeks, from weeksToIssue) makes the row read all of them.
     */
    @Test
    void shouldReadWhatComputedFieldsNeed() {
        TestGraph.run("""
            MERGE (p:Plan {ref: 'TST-RT-PLAN'}) SET p.weeksToIssue = 18.5, p.requested = date('2024-01-01'),
              p.status = 'ISSUED', p.kind = 'EHC_PLAN'""");
        graphQl().document("""
                { plans(first: 1, where: {ref: {eq: "TST-RT-PLAN"}}) { edges { node { issuedWithin20Weeks } } } }""")
            .execute().errors().verify()
            .path("plans.edges[0].node.issuedWithin20Weeks").entity(Boolean.class).isEqualTo(true);
        graphQl().document("""
                { plans(first: 1, where: {ref: {eq: "TST-RT-PLAN"}}) { edges { node { weeksToIssue status } } } }""")
            .execute().errors().verify()
            .path("plans.edges[0].node.weeksToIssue").entity(Double.class).isEqualTo(18.5)
            .path("plans.edges[0].node.status").entity(String.class).isEqualTo("ISSUED");
        TestGraph.run("MATCH (p:Plan {ref: 'TST-RT-PLAN'}) DETACH DELETE p");
    }
}
