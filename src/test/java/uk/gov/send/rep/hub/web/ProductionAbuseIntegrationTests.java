package uk.gov.send.rep.hub.web;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.support.TestGraph;
import uk.gov.send.rep.hub.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The abuse a public GraphQL endpoint sees, sent over real HTTP to a hub in the {@code prod}
 * profile: each is refused before any Cypher is sent, with an error naming what was refused and
 * never a stack trace, Cypher or a "Did you mean" suggestion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.profiles.active=prod")
@ExtendWith(OutputCaptureExtension.class)
class ProductionAbuseIntegrationTests {

    /** Real tokens, signed with the hub's own key (the token command's). */
    @org.springframework.beans.factory.annotation.Autowired
    TestTokens tokens;

    private static final String PUBLIC = "PUBLIC";

    @LocalServerPort
    int port;

    @Autowired
    CypherStatementCounter statements;

    @Autowired
    Environment environment;

    HubHttp http;

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-ABUSE", 2, 2, 3);
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    /** Runs {@code request}, asserting that not one statement reached the database meanwhile. */
    private HubHttp.Reply withoutCypher(Supplier<HubHttp.Reply> request) {
        long before = statements.count();
        HubHttp.Reply reply = request.get();
        assertThat(statements.count() - before).as("statements sent for %s", reply.response().body()).isZero();
        return reply.leaksNothing();
    }

    private static void assertLimit(HubHttp.Reply reply, String limit, Object max, Object actual) {
        Map<String, Object> extensions = reply.firstErrorExtensions();
        assertThat(extensions).containsEntry("classification", "LIMIT_EXCEEDED").containsEntry("limit", limit)
            .containsEntry("max", max);
        if (actual != null) {
            assertThat(extensions).containsEntry("actual", actual);
        }
        assertThat(reply.firstErrorMessage()).contains("hub.graphql.limits." + limit + " " + max);
        assertThat(reply.body().get("data")).isNull();
    }

    @Test
    void shouldRunInTheProdProfile() {
        assertThat(environment.getActiveProfiles()).contains("prod");
        HubHttp.Reply fine = http.post("{ partnership(code: \"TST-ABUSE\") { code members(first: 5) { totalCount } } }");
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.errors()).isEmpty();
        assertThat(fine.response().body()).contains("\"totalCount\":2");
    }

    @Test
    void shouldRefuse101AliasesOfOneField() {
        String query = IntStream.rangeClosed(1, 101).mapToObj(i -> "a" + i + ": partnership(code: \"TST-ABUSE\") { code }")
            .collect(Collectors.joining(" ", "{ ", " }"));
        HubHttp.Reply reply = withoutCypher(() -> http.post(query));
        assertLimit(reply, "max-aliases", 30, 101);
        assertThat(reply.firstErrorMessage()).isEqualTo("alias count 101 exceeds hub.graphql.limits.max-aliases 30");
    }

    @Test
    void shouldRefuse500CopiesOfOneField() {
        String query = "{ partnership(code: \"TST-ABUSE\") { " + " code".repeat(500) + " } }";
        HubHttp.Reply reply = withoutCypher(() -> http.post(query));
        assertLimit(reply, "max-fields", 300, 501);
    }

    @Test
    void shouldRefuseADirectiveRepeatedTenTimes() {
        String query = "{ partnership(code: \"TST-ABUSE\") { code" + " @include(if: true)".repeat(10) + " } }";
        HubHttp.Reply reply = withoutCypher(() -> http.post(query));
        assertLimit(reply, "max-directive-repeats", 1, 10);
        assertThat(reply.firstErrorMessage()).startsWith("repeats of @include on field code 10 exceeds");
    }

    @Test
    void shouldRefuseMoreDirectivesThanTheLimitSpreadOverFields() {
        String query = IntStream.rangeClosed(1, 21).mapToObj(i -> "c" + i + ": code @skip(if: false)")
            .collect(Collectors.joining(" ", "{ partnership(code: \"TST-ABUSE\") { ", " } }"));
        HubHttp.Reply reply = withoutCypher(() -> http.post(query));
        assertLimit(reply, "max-directives", 20, 21);
    }

    @Test
    void shouldRefuseABatchOfTenOperations() {
        String one = "{\"query\": \"{ partnership(code: \\\"TST-ABUSE\\\") { code } }\"}";
        String batch = IntStream.range(0, 10).mapToObj(i -> one).collect(Collectors.joining(",", "[", "]"));
        HubHttp.Reply reply = withoutCypher(() -> http.send("POST", "application/json", batch));
        assertThat(reply.status()).isEqualTo(400);
        assertLimit(reply, "max-operations-per-request", 1, 10);
    }

    @Test
    void shouldRefuseNestingPastTheDepthLimitEvenInsideFragments() {
        // localArea(1) settings(2) edges(3) node(4) area(5) ... code(18): the nesting hides in a fragment.
        String query = """
            query Deep { localArea(code: "TST-ABUSE-A1") { ...Down } }
            fragment Down on LocalArea {
              settings(first: 1) { edges { node { area {
                settings(first: 1) { edges { node { area {
                  settings(first: 1) { edges { node { ...Leaf } } } } } } } } } } } }
            fragment Leaf on Setting { area { settings(first: 1) { edges { node { area { code } } } } } }
            """;
        HubHttp.Reply reply = withoutCypher(() -> http.post(query));
        assertLimit(reply, "max-depth", 15, 18);
        assertThat(reply.firstErrorMessage()).isEqualTo("query depth 18 exceeds hub.graphql.limits.max-depth 15");
    }

    @Test
    void shouldRefuseAConnectionTreeOverTheCostLimitWhereverItsSizesComeFrom() {
        String tree = """
            query Tree($first: Int!) { partnerships(first: $first) { edges { node { code
              members(first: $first) { edges { node { code
                settings(first: $first) { edges { node { ref
                  placements(first: $first) { edges { node { ref } } } } } } } } } } } } }
            """;
        HubHttp.Reply reply = withoutCypher(() -> http.post(tree, Map.of("first", 100)));
        assertLimit(reply, "max-cost", 50000, null);
        assertThat(reply.firstErrorMessage()).startsWith("estimated cost at least ");

        // Within the limit it runs (as NATIONAL: the tree reaches children).
        HubHttp.Reply small = http.post(tree, Map.of("first", 3), "Authorization", "Bearer " + tokens.national());
        assertThat(small.errors()).as(small.response().body()).isEmpty();
    }

    @Test
    void shouldRefuseIntrospectionToAllButNational() {
        String introspection = "{ __schema { queryType { name } types { name } } }";
        HubHttp.Reply anonymous = withoutCypher(() -> http.post(introspection));
        assertThat(anonymous.firstErrorExtensions()).containsEntry("classification", "FORBIDDEN");
        assertThat(anonymous.firstErrorMessage()).contains("introspection").contains("NATIONAL").contains(PUBLIC);
        assertThat(anonymous.body().get("data")).isNull();

        HubHttp.Reply evaluator = withoutCypher(() -> http.post("{ __type(name: \"Child\") { name } }",
            "Authorization", "Bearer " + tokens.evaluator()));
        assertThat(evaluator.firstErrorMessage()).contains("not EVALUATOR");

        // The same document again: a cached document is still checked against the caller.
        HubHttp.Reply national = http.post(introspection, "Authorization", "Bearer " + tokens.national());
        assertThat(national.errors()).as(national.response().body()).isEmpty();
        assertThat(national.response().body()).contains("\"queryType\":{\"name\":\"Query\"}");
        HubHttp.Reply again = http.post(introspection);
        assertThat(again.firstErrorExtensions()).containsEntry("classification", "FORBIDDEN");

        HubHttp.Reply typename = http.post("{ __typename }");
        assertThat(typename.errors()).isEmpty();
        assertThat(typename.response().body()).contains("\"__typename\":\"Query\"");
    }

    @Test
    void shouldNotSuggestFieldNames() {
        HubHttp.Reply reply = withoutCypher(() -> http.post("{ partnership(code: \"TST-ABUSE\") { cod } }"));
        assertThat(reply.firstErrorMessage()).contains("Field 'cod' in type 'Partnership' is undefined");
    }

    @Test
    void shouldRefuseAMutationOverGet() {
        HubHttp.Reply reply = withoutCypher(() -> http.request("GET",
            "/graphql?query=mutation%20%7B%20__typename%20%7D", null, null));
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.response().headers().firstValue("Allow")).hasValue("POST");
        assertThat(reply.firstErrorMessage()).startsWith("a mutation over GET is never run");
        assertThat(reply.firstErrorExtensions()).containsEntry("classification", "METHOD_NOT_ALLOWED");

        HubHttp.Reply query = http.request("GET", "/graphql?query=%7B%20__typename%20%7D", null, null);
        assertThat(query.status()).isEqualTo(405);
    }

    @Test
    void shouldRefuseFormEncodedAndMultipartPosts() {
        HubHttp.Reply form = withoutCypher(() -> http.send("POST", "application/x-www-form-urlencoded",
            "query=%7B%20__typename%20%7D"));
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.firstErrorMessage()).contains("application/x-www-form-urlencoded is not accepted");
        assertThat(form.firstErrorExtensions()).containsEntry("classification", "UNSUPPORTED_MEDIA_TYPE");

        HubHttp.Reply multipart = withoutCypher(() -> http.send("POST", "multipart/form-data; boundary=x",
            "--x\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n{ __typename }\r\n--x--\r\n"));
        assertThat(multipart.status()).isEqualTo(415);
        assertThat(multipart.firstErrorMessage()).contains("multipart/form-data is not accepted");
    }

    @Test
    void shouldRefuseTooLongAndTooManyTokenDocumentsCleanly() {
        HubHttp.Reply longOne = withoutCypher(() -> http.post("{ __typename }" + " ".repeat(20_001)));
        assertThat(longOne.status()).isEqualTo(200);
        assertLimit(longOne, "max-characters", 20000, 20015);

        String manyTokens = "{ partnership(code: \"TST-ABUSE\") { code " + "@skip(if: false) ".repeat(1000) + "} }";
        HubHttp.Reply tokens = withoutCypher(() -> http.post(manyTokens));
        assertLimit(tokens, "max-tokens", 5000, "more than 5000");
        // And again: nothing about the document was cached the first time.
        HubHttp.Reply again = withoutCypher(() -> http.post(manyTokens));
        assertLimit(again, "max-tokens", 5000, "more than 5000");
    }

    @Test
    void shouldRefuseABodyOverTheByteLimitWithoutReadingIt() {
        String padding = "x".repeat(262_144);
        HubHttp.Reply reply = withoutCypher(() -> http.post("{ __typename }", Map.of("padding", padding)));
        assertThat(reply.status()).isEqualTo(413);
        assertLimit(reply, "max-request-bytes", 262144, null);
    }

    @Test
    void shouldMaskAnInternalErrorBehindAnIdThatTheLogCarries(CapturedOutput output) {
        // Bad data: a birth year stored as text makes Neo4j's avg() fail with a type error.
        TestGraph.run("""
            MATCH (c:Child {ref: 'TST-ABUSE-C1-1-1'}) SET c.birthYear = 'twenty-twelve'""");
        HubHttp.Reply reply = http.post("""
            { localArea(code: "TST-ABUSE-A1") { children(first: 1) { aggregate { avg { birthYear } } } } }""",
            "Authorization", "Bearer " + tokens.national()).leaksNothing();
        assertThat(reply.firstErrorExtensions()).containsEntry("classification", "INTERNAL_ERROR");
        String id = (String) reply.firstErrorExtensions().get("errorId");
        assertThat(reply.firstErrorMessage()).isEqualTo("internal error " + id + " (quote this id to the hub's operators)");
        assertThat(reply.response().body()).doesNotContain("avg(").doesNotContain("birthYear'").doesNotContain("twenty");
        assertThat(output.getAll()).contains("Internal error " + id + " at /localArea/children");
    }

    @Test
    void shouldNotServeGraphiql() {
        assertThat(http.request("GET", "/graphiql", null, null).status()).isEqualTo(404);
    }

    @Test
    void shouldAllowNoCrossOriginCallsByDefault() {
        HubHttp.Reply preflight = http.request("OPTIONS", "/graphql", null, null, "Origin", "https://evil.example",
            "Access-Control-Request-Method", "POST");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.response().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
