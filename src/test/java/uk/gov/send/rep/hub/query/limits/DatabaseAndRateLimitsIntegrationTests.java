package uk.gov.send.rep.hub.query.limits;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.gov.send.rep.hub.support.TestGraph;
import uk.gov.send.rep.hub.support.TestTokens;
import uk.gov.send.rep.hub.web.HubHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits that need a running hub and database: a read past
 * {@code hub.graphql.limits.transaction-timeout} (here 1.5 s: a cold statement's planning alone takes a few hundred ms on a busy test machine) is stopped by Neo4j and answered
 * with a clean error naming the limit, and a subject over {@code requests-per-minute} (here 5) gets
 * HTTP 429 with {@code Retry-After}, while other subjects go on; and an origin on the CORS
 * allow-list may call the hub from a browser, where others may not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.profiles.active=prod", "hub.graphql.limits.transaction-timeout=1500ms",
    "hub.graphql.limits.requests-per-minute=5", "hub.cors.allowed-origins=https://dashboard.example.gov.uk" })
class DatabaseAndRateLimitsIntegrationTests {

    /** Real tokens, signed with the hub's own key (the token command's). */
    @org.springframework.beans.factory.annotation.Autowired
    TestTokens tokens;

    private static final int CHILDREN = 1500;

    @LocalServerPort
    int port;

    HubHttp http;

    @BeforeAll
    static void fixture() {
        // One area with many children: the filter below compares every child with every child of
        // its area with every child of its area again (children^3 row visits, never short-circuited).
        TestGraph.partnershipTree("TST-SLOW", 1, 1, CHILDREN);
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    @Test
    void shouldStopAReadPastTheTransactionTimeoutWithACleanError() {
        // An ordinary read of the same area finishes within the timeout (once its plan is cached,
        // as planning counts towards a transaction's time): the limit is per statement.
        String ordinary = """
            { localAreas(first: 1, where: {code: {eq: "TST-SLOW-A1"}, children: {some: {ref: {eq: "TST-SLOW-C1-1-7"}}}}) {
                edges { node { code children(first: 3) { totalCount } } } } }
            """;
        http.post(ordinary, "Authorization", "Bearer " + tokens.mint("slow-reader", "NATIONAL", null, null));
        HubHttp.Reply fast = http.post(ordinary, "Authorization", "Bearer " + tokens.mint("slow-reader", "NATIONAL", null, null));
        assertThat(fast.errors()).as(fast.response().body()).isEmpty();
        assertThat(fast.response().body()).contains("\"totalCount\":" + CHILDREN);

        String slow = """
            { localAreas(first: 1, where: {code: {eq: "TST-SLOW-A1"}, children: {all: {area: {some: {children: {none: {
                area: {some: {children: {some: {ref: {eq: "TST-no-such-child"}}}}}}}}}}}}) { edges { node { code } } } }
            """;
        long started = System.nanoTime();
        HubHttp.Reply reply = http.post(slow, "Authorization", "Bearer " + tokens.mint("slow-reader", "NATIONAL", null, null));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        reply.leaksNothing();
        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> extensions = reply.firstErrorExtensions();
        assertThat(extensions).containsEntry("classification", "LIMIT_EXCEEDED")
            .containsEntry("limit", "transaction-timeout").containsEntry("max", "1500ms");
        assertThat(reply.firstErrorMessage())
            .isEqualTo("the database stopped this read at hub.graphql.limits.transaction-timeout 1500ms: ask for fewer "
                + "rows or a narrower filter");
        // Stopped, not run to the end (children^3 row visits take minutes).
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void shouldAnswer429WithRetryAfterOverTheRateOfOneSubject() {
        for (int request = 1; request <= 5; request++) {
            HubHttp.Reply allowed = http.post("{ __typename }", "Authorization", "Bearer " + tokens.mint("busy-dashboard", "EVALUATOR", null, null));
            assertThat(allowed.status()).as("request %d", request).isEqualTo(200);
            assertThat(allowed.errors()).isEmpty();
        }
        HubHttp.Reply refused = http.post("{ __typename }", "Authorization", "Bearer " + tokens.mint("busy-dashboard", "EVALUATOR", null, null)).leaksNothing();
        assertThat(refused.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.response().headers().firstValue("Retry-After").orElseThrow());
        // 5 a minute: one more request every 12 s.
        assertThat(retryAfter).isBetween(1L, 12L);
        assertThat(refused.firstErrorExtensions()).containsEntry("classification", "LIMIT_EXCEEDED")
            .containsEntry("limit", "requests-per-minute").containsEntry("max", 5)
            .containsEntry("retryAfterSeconds", (int) retryAfter);
        assertThat(refused.firstErrorMessage())
            .startsWith("more than 5 requests in a minute from busy-dashboard exceed hub.graphql.limits.requests-per-minute 5");

        // Another subject has its own allowance.
        HubHttp.Reply other = http.post("{ __typename }", "Authorization", "Bearer " + tokens.mint("quiet-one", "EVALUATOR", null, null));
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void shouldCountAnonymousCallersByClientAddress() {
        int allowed = 0;
        HubHttp.Reply last = null;
        for (int request = 1; request <= 6; request++) {
            last = http.post("{ __typename }");
            if (last.status() == 200) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(5);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.firstErrorMessage()).contains("from client 127.0.0.1");
    }

    @Test
    void shouldCountCsvDownloadsAgainstTheSameAllowanceAsGraphQl() {
        String token = "Bearer " + tokens.mint("csv-dashboard", "EVALUATOR", null, null);
        String download = "/evaluation/series.csv?pilot=TST-NOPE&measure=TST-NOPE";
        for (int request = 1; request <= 3; request++) {
            assertThat(http.post("{ __typename }", "Authorization", token).status()).as("request %d", request).isEqualTo(200);
        }
        // A wrong download is answered (its message intact in the prod profile) and counted.
        for (int request = 4; request <= 5; request++) {
            HubHttp.Reply wrong = http.request("GET", download, null, null, "Authorization", token);
            assertThat(wrong.status()).as("request %d", request).isEqualTo(400);
            assertThat(wrong.response().body()).isEqualTo("Invalid argument 'pilot': no pilot has code TST-NOPE");
        }
        HubHttp.Reply refused = http.request("GET", download, null, null, "Authorization", token);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.response().headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 12L);
        assertThat(refused.response().body())
            .startsWith("more than 5 requests in a minute from csv-dashboard exceed hub.graphql.limits.requests-per-minute 5");
        // One allowance: GraphQL is refused too.
        assertThat(http.post("{ __typename }", "Authorization", token).status()).isEqualTo(429);
    }

    @Test
    void shouldLetOnlyAllowListedOriginsCallFromABrowser() {
        HubHttp.Reply allowed = http.request("OPTIONS", "/graphql", null, null, "Origin",
            "https://dashboard.example.gov.uk", "Access-Control-Request-Method", "POST",
            "Access-Control-Request-Headers", "authorization,content-type");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.response().headers().firstValue("Access-Control-Allow-Origin"))
            .hasValue("https://dashboard.example.gov.uk");
        assertThat(allowed.response().headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
            methods -> assertThat(methods).contains("POST").doesNotContain("GET"));

        HubHttp.Reply other = http.request("OPTIONS", "/graphql", null, null, "Origin", "https://evil.example",
            "Access-Control-Request-Method", "POST");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.response().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
