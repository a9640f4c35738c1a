package uk.gov.send.rep.hub.query;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debug mode ({@code hub.graphql.cost.always}): every response carries its cost with the list of
 * its statements, which shows the Cypher but never a parameter value. Also the cap on distinct
 * operation names in the metrics, set low here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = { "hub.graphql.cost.always=true", "hub.graphql.cost.max-operation-names=5" })
@AutoConfigureHttpGraphQlTester
class QueryCostDebugModeIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Autowired
    HttpGraphQlTester http;

    @Autowired
    CypherStatementCounter statements;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-COSTD", 2, 2, 2);
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    private HttpGraphQlTester graphQl() {
        // Generous timeouts: the machine running the tests may be busy (WebTestClient's own default is 5 s).
        return http.mutate().webTestClient(client -> client.responseTimeout(TIMEOUT)).responseTimeout(TIMEOUT).build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListEveryStatementWithoutParameterValuesUnasked() {
        String document = """
            query SecretValues($code: String!) {
              partnership(code: $code) {
                code
                matching: members(first: 5, where: {name: {contains: "ZQX-SECRET-7731"}}) { totalCount }
                members(first: 5) { edges { node { code
                  settings(first: 5, where: {name: {startsWith: "ZQX-SECRET-5150"}}) { totalCount } } } }
              }
              localAreas(first: 3, where: {dfeCode: {eq: "ZQX-SECRET-9902"}}) { totalCount }
            }""";
        graphQl().document(document).variable("code", "TST-COSTD").execute().errors().verify();
        long before = statements.count();
        GraphQlTester.Response response = graphQl().document(document).variable("code", "TST-COSTD").execute();
        long counted = statements.count() - before;
        response.errors().verify().path("partnership.members.edges[*].node.code").entityList(String.class).hasSize(2);

        Map<String, Object> cost = (Map<String, Object>) response.returnResponse().getExtensions().get("cost");
        assertThat(cost).containsOnlyKeys("roundTrips", "databaseMillis", "rows", "statements");
        List<Map<String, Object>> listed = (List<Map<String, Object>>) cost.get("statements");
        // partnership with matching, members and their settings inside it (ADR 0008); localAreas'
        // totalCount (no rows selected: no page query).
        assertThat(((Number) cost.get("roundTrips")).longValue()).isEqualTo(2).isEqualTo(counted);
        assertThat(listed).hasSize(2);
        assertThat(listed.stream().mapToLong(s -> ((Number) s.get("rows")).longValue()).sum())
            .isEqualTo(((Number) cost.get("rows")).longValue());
        assertThat(listed.stream().mapToDouble(s -> ((Number) s.get("databaseMillis")).doubleValue()).sum())
            .isCloseTo(((Number) cost.get("databaseMillis")).doubleValue(), org.assertj.core.data.Offset.offset(0.01));
        for (Map<String, Object> statement : listed) {
            assertThat(statement).containsOnlyKeys("cypher", "databaseMillis", "rows");
            assertThat((String) statement.get("cypher")).startsWith("CYPHER 5").contains("$");
        }
        String whole = JsonMapper.builder().build().writeValueAsString(cost);
        assertThat(whole).doesNotContain("ZQX-SECRET").doesNotContain("TST-COSTD");
    }

    @Test
    void shouldTagAtMostTheConfiguredNumberOfOperationNames() {
        Timer other = meters.find("hub.graphql.request").tags("operation", "other", "outcome", "success").timer();
        long otherBefore = other == null ? 0 : other.count();
        int sent = 12;
        for (int n = 1; n <= sent; n++) {
            graphQl().document("query Capped" + n + " { __typename }").execute().errors().verify();
        }

        Set<String> tagged = meters.find("hub.graphql.request").meters().stream()
            .map(meter -> meter.getId().getTag("operation"))
            .filter(name -> !name.equals("other") && !name.equals("anonymous"))
            .collect(Collectors.toSet());
        assertThat(tagged).hasSizeLessThanOrEqualTo(5);
        long capped = tagged.stream().filter(name -> name.startsWith("Capped")).count();
        long otherNow = meters.find("hub.graphql.request").tags("operation", "other", "outcome", "success").timer().count();
        // Every request is counted: under its own name while there was room, under "other" after.
        assertThat(otherNow - otherBefore).isEqualTo(sent - capped).isGreaterThanOrEqualTo(sent - 5);
        for (String meterName : List.of("hub.graphql.round.trips", "hub.graphql.database.time", "hub.graphql.rows")) {
            assertThat(meters.find(meterName).meters()).extracting((Meter meter) -> meter.getId().getTag("operation"))
                .filteredOn(name -> !name.equals("other") && !name.equals("anonymous")).hasSizeLessThanOrEqualTo(5 * 2);
        }
    }
}
