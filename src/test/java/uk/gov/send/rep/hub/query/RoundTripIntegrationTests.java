package uk.gov.send.rep.hub.query;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cypher round trips of a nested query are bounded by its list nesting, not by its rows:
 * partnerships → areas → settings → children costs the same number of statements over 24 children
 * as over 3,600, counted at the driver over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class RoundTripIntegrationTests {

    @Autowired
    HttpGraphQlTester http;

    @Autowired
    CypherStatementCounter statements;

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
    void shouldUseTheSameRoundTripsForTwentyFourAndThreeThousandSixHundredChildren() {
        drillDown("TST-RT-S"); // warm-up: nothing lazy may count in the measured runs
        long[] small = drillDown("TST-RT-S");
        long[] large = drillDown("TST-RT-L");

        assertThat(small[1]).isEqualTo(2 * 3 * 4);
        assertThat(large[1]).isEqualTo(6 * 20 * 30);
        // partnership, members, settings, placements: one statement per level, counts included.
        assertThat(small[0]).isEqualTo(4);
        assertThat(large[0]).isEqualTo(small[0]);
    }

    @Test
    void shouldBoundRootConnectionDrillDownByNestingNotRows() {
        long before = statements.count();
        graphQl().documentName("allPartnershipsDrillDown").execute().errors().verify()
            .path("partnerships.totalCount").entity(Integer.class).satisfies(total -> assertThat(total).isGreaterThanOrEqualTo(2));
        // page + totalCount for the root, then one statement per nested level.
        assertThat(statements.count() - before).isEqualTo(2 + 3);
    }
}
