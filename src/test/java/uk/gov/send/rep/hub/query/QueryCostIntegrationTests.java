package uk.gov.send.rep.hub.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.support.TestGraph;
import uk.gov.send.rep.hub.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code extensions.cost} and the per-operation metrics over real HTTP: the accounted round trips
 * of a request equal the statements counted at the driver for it, alone or with fifteen other
 * requests running at the same time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class QueryCostIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Autowired
    HttpGraphQlTester http;

    @Autowired
    CypherStatementCounter statements;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-COST", 2, 3, 4);
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    private HttpGraphQlTester graphQl() {
        // Generous timeouts: the machine running the tests may be busy (WebTestClient's own default is 5 s).
        return http.mutate().webTestClient(client -> client.responseTimeout(TIMEOUT)).responseTimeout(TIMEOUT).build();
    }

    /** A response and the statements the driver sent while it was produced. */
    record Measured(GraphQlTester.Response response, long counted) {

        @SuppressWarnings("unchecked")
        Map<String, Object> cost() {
            return (Map<String, Object>) response.returnResponse().getExtensions().get("cost");
        }

        long roundTrips() {
            return ((Number) cost().get("roundTrips")).longValue();
        }

        long rows() {
            return ((Number) cost().get("rows")).longValue();
        }
    }

    private Measured measure(Supplier<GraphQlTester.Response> request) {
        long before = statements.count();
        GraphQlTester.Response response = request.get();
        return new Measured(response, statements.count() - before);
    }

    private Measured members(GraphQlTester tester, boolean askInBody) {
        GraphQlTester.Request<?> request = tester.documentName("partnershipMembers").variable("code", "TST-COST");
        if (askInBody) {
            request = request.extension("cost", true);
        }
        GraphQlTester.Request<?> ready = request;
        return measure(ready::execute);
    }

    @Test
    void shouldAddNoCostUnlessAsked() {
        Measured plain = members(graphQl(), false);
        plain.response().errors().verify().path("partnership.members.totalCount").entity(Integer.class).isEqualTo(2);
        assertThat(plain.response().returnResponse().getExtensions()).doesNotContainKey("cost");

        Measured notTrue = measure(() -> graphQl().documentName("partnershipMembers").variable("code", "TST-COST")
            .extension("cost", "yes").execute());
        assertThat(notTrue.response().returnResponse().getExtensions()).doesNotContainKey("cost");
    }

    @Test
    void shouldReportRoundTripsDatabaseTimeAndRowsWhenTheBodyAsks() {
        members(graphQl(), true); // warm-up: nothing lazy may count in the measured run
        Measured asked = members(graphQl(), true);
        asked.response().errors().verify().path("partnership.members.totalCount").entity(Integer.class).isEqualTo(2);

        // The root field, its nested relationship field read in the same statement (ADR 0008).
        assertThat(asked.roundTrips()).isEqualTo(1).isEqualTo(asked.counted());
        // One record: the partnership, its members inside it.
        assertThat(asked.rows()).isEqualTo(1);
        assertThat(((Number) asked.cost().get("databaseMillis")).doubleValue()).isPositive();
        assertThat(asked.cost()).containsOnlyKeys("roundTrips", "databaseMillis", "rows");
    }

    @Test
    void shouldReportRoundTripsWhenTheHeaderAsks() {
        GraphQlTester withHeader = graphQl().mutate().header("X-Hub-Cost", "true").build();
        withHeader.documentName("allPartnershipsDrillDown").execute().errors().verify();

        Measured all = measure(() -> withHeader.documentName("allPartnershipsDrillDown").execute());
        all.response().errors().verify();
        // page (nested levels inside it) + totalCount for the root + the audit log's write (children returned, ADR 0011).
        assertThat(all.roundTrips()).isEqualTo(3).isEqualTo(all.counted());

        Measured one = measure(() -> withHeader.documentName("partnershipDrillDown").variable("code", "TST-COST").execute());
        one.response().errors().verify();
        // One read + the audit log's write (ADR 0011).
        assertThat(one.roundTrips()).isEqualTo(2).isEqualTo(one.counted());
    }

    /**
     * Guards the accounting of every loader, present and future: a batch loader that runs its work
     * on another thread without {@code QueryCost.bound} would make an example's accounted round
     * trips fall short of the driver's count.
     */
    @Test
    void shouldAccountEveryStatementOfEveryExampleQuery() throws Exception {
        List<String> documents = new ArrayList<>();
        Matcher block = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        while (block.find()) {
            documents.add(block.group(1));
        }
        for (Resource example : new PathMatchingResourcePatternResolver().getResources("classpath:graphiql/examples/*.graphql")) {
            documents.add(example.getContentAsString(StandardCharsets.UTF_8));
        }
        documents.add("{ partnership(code: \"TST-COST\") { leads { code } members(first: 10) { edges { node { code "
            + "settings(first: 10) { edges { node { ref area { code } placements(first: 10) { edges { node { ref area { code } } } } } } } } } } } }");
        assertThat(documents).hasSizeGreaterThanOrEqualTo(10);

        long total = 0;
        for (String document : documents) {
            graphQl().document(document).extension("cost", true).execute().errors().verify();
            Measured measured = measure(() -> graphQl().document(document).extension("cost", true).execute());
            measured.response().errors().verify();
            assertThat(measured.roundTrips()).as(document).isEqualTo(measured.counted()).isPositive();
            total += measured.roundTrips();
        }
        assertThat(total).isGreaterThan(documents.size());
    }

    /**
     * A document of aliased {@code partnership} fields costing exactly {@code statements} round
     * trips: each alias is one statement, its nested members and settings read with it (ADR 0008),
     * and each alias pages differently so that the rows differ too.
     */
    private static String costing(int statements) {
        StringBuilder document = new StringBuilder("query Concurrent" + statements + " {");
        for (int alias = 1; alias <= statements; alias++) {
            document.append(" a").append(alias).append(": partnership(code: \"TST-COST\") { code")
                .append(" members(first: ").append(alias).append(") { edges { node { code")
                .append(" settings(first: ").append(50 + alias).append(") { edges { node { ref } } } } } } }");
        }
        return document.append(" }").toString();
    }

    @Test
    void shouldKeepEachConcurrentRequestsCostToItself() throws Exception {
        int requests = 16;
        long[] soloRows = new long[requests + 1];
        for (int n = 1; n <= requests; n++) {
            String document = costing(n);
            graphQl().document(document).extension("cost", true).execute().errors().verify();
            Measured solo = measure(() -> graphQl().document(document).extension("cost", true).execute());
            solo.response().errors().verify();
            assertThat(solo.roundTrips()).as(document).isEqualTo(n).isEqualTo(solo.counted());
            soloRows[n] = solo.rows();
        }

        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Measured>> answers = new ArrayList<>();
                for (int n = 1; n <= requests; n++) {
                    String document = costing(n);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return new Measured(graphQl().document(document).extension("cost", true).execute(), -1);
                    }));
                }
                long before = statements.count();
                start.countDown();
                long accounted = 0;
                for (int n = 1; n <= requests; n++) {
                    Measured answer = answers.get(n - 1).get(5, TimeUnit.MINUTES);
                    answer.response().errors().verify();
                    assertThat(answer.roundTrips()).as("round %d, request costing %d", round, n).isEqualTo(n);
                    assertThat(answer.rows()).as("round %d, request costing %d", round, n).isEqualTo(soloRows[n]);
                    accounted += answer.roundTrips();
                }
                // Nothing lost, nothing counted twice: the driver saw exactly what the requests accounted.
                assertThat(statements.count() - before).isEqualTo(accounted).isEqualTo(requests * (requests + 1) / 2);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    private Timer requestTimer(String operation, String outcome) {
        return meters.find("hub.graphql.request").tags("operation", operation, "outcome", outcome).timer();
    }

    private static long count(Timer timer) {
        return timer == null ? 0 : timer.count();
    }

    @Test
    void shouldReportCostAndAnErrorOutcomeForAFailedRequest() {
        String document = """
            query CostOfABadCursor {
              ok: partnership(code: "TST-COST") { code }
              bad: partnerships(after: "not-a-cursor") { totalCount }
            }""";
        long errorsBefore = count(requestTimer("CostOfABadCursor", "error"));
        Measured failed = measure(() -> graphQl().document(document).extension("cost", true).execute());
        failed.response().errors()
            .expect(error -> error.getMessage().contains("'after'") && "BAD_REQUEST".equals(error.getErrorType().toString()))
            .verify();
        // The good field ran its statement; the bad one was refused before any.
        assertThat(failed.roundTrips()).isEqualTo(1).isEqualTo(failed.counted());
        assertThat(count(requestTimer("CostOfABadCursor", "error"))).isEqualTo(errorsBefore + 1);
        assertThat(requestTimer("CostOfABadCursor", "success")).isNull();
        DistributionSummary trips = meters.find("hub.graphql.round.trips")
            .tags("operation", "CostOfABadCursor", "outcome", "error").summary();
        assertThat(trips).isNotNull();
        assertThat(trips.totalAmount() / trips.count()).isEqualTo(1.0);

        // A document that does not validate never executes: it still gets its (empty) cost.
        Measured invalid = measure(() -> graphQl().document("query NoSuchField { noSuchField }")
            .extension("cost", true).execute());
        invalid.response().errors().expect(error -> error.getMessage().contains("noSuchField")).verify();
        assertThat(invalid.roundTrips()).isZero();
    }

    @Test
    void shouldRecordMetricsPerOperation() throws Exception {
        long requestsBefore = count(requestTimer("PartnershipMembers", "success"));
        DistributionSummary tripsBefore = meters.find("hub.graphql.round.trips")
            .tags("operation", "PartnershipMembers", "outcome", "success").summary();
        double tripsAmountBefore = tripsBefore == null ? 0 : tripsBefore.totalAmount();
        long anonymousBefore = count(requestTimer("anonymous", "success"));

        // The name comes from the document: the request does not send operationName.
        members(graphQl(), false).response().errors().verify();
        members(graphQl(), true).response().errors().verify();
        graphQl().document("{ partnership(code: \"TST-COST\") { code } }").execute().errors().verify();

        assertThat(count(requestTimer("PartnershipMembers", "success"))).isEqualTo(requestsBefore + 2);
        assertThat(meters.find("hub.graphql.round.trips").tags("operation", "PartnershipMembers", "outcome", "success")
            .summary().totalAmount()).isEqualTo(tripsAmountBefore + 2);
        assertThat(meters.find("hub.graphql.database.time").tags("operation", "PartnershipMembers", "outcome", "success")
            .timer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(meters.find("hub.graphql.rows").tags("operation", "PartnershipMembers", "outcome", "success")
            .summary().count()).isEqualTo(requestsBefore + 2);
        assertThat(count(requestTimer("anonymous", "success"))).isEqualTo(anonymousBefore + 1);

        HttpResponse<String> scrape = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + tokens.national()).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
            .contains("hub_graphql_request_seconds_count{operation=\"PartnershipMembers\",outcome=\"success\"}")
            .contains("hub_graphql_round_trips_sum{operation=\"PartnershipMembers\",outcome=\"success\"}")
            .contains("hub_graphql_database_time_seconds_sum{operation=\"PartnershipMembers\",outcome=\"success\"}")
            .contains("hub_graphql_rows_count{operation=\"anonymous\",outcome=\"success\"}")
            // Spring for GraphQL's observation instrumentation is off (application.yml: called for
            // every field of every row, it cost more than the fields); the hub's own timers replace it.
            .doesNotContainPattern("(?m)^graphql_request_seconds_count\\{")
            .doesNotContainPattern("(?m)^graphql_datafetcher_seconds_count\\{");
    }

    @Test
    void shouldGiveGraphQlJavaTheHubInstrumentationUnchained(@Autowired GraphQlSource source) {
        // A ChainedInstrumentation is called per field of every row and loops over its members:
        // with one instrumentation, graphql-java gets it directly (HubInstrumentation).
        assertThat(source.graphQl().getInstrumentation()).isInstanceOf(HubInstrumentation.class);
    }
}
