package uk.gov.send.rep.hub.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.send.rep.hub.support.TestGraph;
import uk.gov.send.rep.hub.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication over real HTTP with real tokens (signed with the hub's key by
 * {@link TestTokens}, or deliberately wrong): who each token makes the caller ({@code viewer}),
 * which tokens are refused and how, and who may reach the actuator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityIntegrationTests {

    private static final String VIEWER = "{ viewer { subject role partnership localArea areaCodes } }";

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-AUTH", 3, 0, 0);
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    private HttpResponse<String> post(String token, String query, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode viewer(String token) throws Exception {
        HttpResponse<String> response = post(token, VIEWER, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.has("errors")).as(response.body()).isFalse();
        return body.get("data").get("viewer");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> memberAreas(String partnership) {
        return TestGraph.run("MATCH (a:LocalArea)-[:MEMBER_OF]->(:Partnership {code: $code}) RETURN a.code AS code ORDER BY code",
            Map.of("code", partnership)).stream().map(r -> r.get("code").asString()).toList();
    }

    @Test
    void shouldServeAnonymousRequestsAsPublic() throws Exception {
        JsonNode viewer = viewer(null);
        assertThat(viewer.get("role").asString()).isEqualTo("PUBLIC");
        assertThat(viewer.get("subject").asString()).isEqualTo("anonymous");
        assertThat(viewer.get("partnership").isNull()).isTrue();
        assertThat(texts(viewer.get("areaCodes"))).isEmpty();
    }

    @Test
    void shouldMakeANationalTokenNational() throws Exception {
        JsonNode viewer = viewer(tokens.mint("analyst-7", "NATIONAL", null, null));
        assertThat(viewer.get("role").asString()).isEqualTo("NATIONAL");
        assertThat(viewer.get("subject").asString()).isEqualTo("analyst-7");
        assertThat(texts(viewer.get("areaCodes"))).isEmpty();
    }

    @Test
    void shouldScopeALeadToThePartnershipsMemberAreas() throws Exception {
        for (String partnership : List.of("TST-AUTH", "CPP-NE")) {
            List<String> expected = memberAreas(partnership);
            assertThat(expected).as("fixture %s", partnership).isNotEmpty();
            JsonNode viewer = viewer(tokens.lead(partnership));
            assertThat(viewer.get("role").asString()).isEqualTo("PARTNERSHIP_LEAD");
            assertThat(viewer.get("partnership").asString()).isEqualTo(partnership);
            assertThat(texts(viewer.get("areaCodes"))).isEqualTo(expected);
        }
        assertThat(memberAreas("TST-AUTH")).containsExactly("TST-AUTH-A1", "TST-AUTH-A2", "TST-AUTH-A3");
    }

    @Test
    void shouldScopeALocalAreaByEitherCodeToItsOnsCode() throws Exception {
        String ons = TestGraph.run("MATCH (a:LocalArea {dfeCode: '840'}) RETURN a.code AS code").getFirst().get("code").asString();
        for (String code : List.of("840", ons)) {
            JsonNode viewer = viewer(tokens.localArea(code));
            assertThat(viewer.get("role").asString()).isEqualTo("LOCAL_AREA");
            assertThat(viewer.get("localArea").asString()).isEqualTo(ons);
            assertThat(texts(viewer.get("areaCodes"))).containsExactly(ons);
        }
    }

    @Test
    void shouldGiveEvaluatorsNoRows() throws Exception {
        JsonNode viewer = viewer(tokens.evaluator());
        assertThat(viewer.get("role").asString()).isEqualTo("EVALUATOR");
        assertThat(texts(viewer.get("areaCodes"))).isEmpty();
    }

    @Test
    void shouldRefuseAPartnershipOrAreaThatIsNotInTheGraph() throws Exception {
        HttpResponse<String> lead = post(tokens.lead("CPP-NOWHERE"), VIEWER, Map.of());
        JsonNode error = json.readTree(lead.body()).get("errors").get(0);
        assertThat(error.get("message").asString()).isEqualTo("The token's partnership 'CPP-NOWHERE' is not a partnership in the hub");
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(json.readTree(lead.body()).path("data").path("viewer").isMissingNode()).isTrue();

        HttpResponse<String> area = post(tokens.localArea("E09999999"), VIEWER, Map.of());
        assertThat(json.readTree(area.body()).get("errors").get(0).get("message").asString())
            .isEqualTo("The token's local area 'E09999999' is not a local area in the hub (by ONS code)");
    }

    @Test
    void shouldKeepTheScopeAndTheQueryCostSideBySideInTheContext() throws Exception {
        HttpResponse<String> response = post(tokens.lead("TST-AUTH"), "{ viewer { role areaCodes } partnership(code: \"TST-AUTH\") { code } }",
            Map.of("X-Hub-Cost", "true"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.has("errors")).as(response.body()).isFalse();
        assertThat(body.get("data").get("viewer").get("role").asString()).isEqualTo("PARTNERSHIP_LEAD");
        assertThat(body.get("extensions").get("cost").get("roundTrips").asInt()).isEqualTo(1);
    }

    private void assertInvalidToken(String token, String description) throws Exception {
        HttpResponse<String> response = post(token, VIEWER, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(challenge).startsWith("Bearer ").contains("error=\"invalid_token\"").contains("error_description=\"")
            .containsIgnoringCase(description);
        assertThat(response.body()).doesNotContain("viewer");
    }

    @Test
    void shouldRefuseAnExpiredToken() throws Exception {
        Instant longAgo = Instant.now().minus(Duration.ofHours(2));
        String expired = tokens.local().sign(tokens.local().claims("late", "NATIONAL", null, null, Duration.ofHours(1))
            .issueTime(Date.from(longAgo)).notBeforeTime(Date.from(longAgo))
            .expirationTime(Date.from(longAgo.plus(Duration.ofHours(1)))).build());
        assertInvalidToken(expired, "expired");
    }

    @Test
    void shouldRefuseATokenNotYetValid() throws Exception {
        String early = tokens.local().sign(tokens.local().claims("early", "NATIONAL", null, null, Duration.ofHours(3))
            .notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build());
        assertInvalidToken(early, "Jwt used before");
    }

    @Test
    void shouldRefuseATokenWithoutExpiry() throws Exception {
        String forever = tokens.local().sign(tokens.local().claims("forever", "NATIONAL", null, null, Duration.ofHours(1))
            .expirationTime(null).build());
        assertInvalidToken(forever, "exp claim");
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("someone-else").generate();
        JWTClaimsSet claims = tokens.local().claims("forger", "NATIONAL", null, null, Duration.ofHours(1)).build();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("someone-else").build(), claims);
        forged.sign(new RSASSASigner(other));
        assertInvalidToken(forged.serialize(), "signature");
    }

    @Test
    void shouldRefuseATokenFromAnotherIssuer() throws Exception {
        String elsewhere = tokens.local().sign(tokens.local().claims("x", "NATIONAL", null, null, Duration.ofHours(1))
            .issuer("somebody-else").build());
        assertInvalidToken(elsewhere, "iss claim");
    }

    @Test
    void shouldRefuseATokenThatIsNotAJwt() throws Exception {
        assertInvalidToken("not-a-token", "Malformed");
    }

    @Test
    void shouldRefuseBadRoleClaimsNamingTheClaim() throws Exception {
        assertInvalidToken(tokens.mint("x", "KING", null, null), "The hub_role claim 'KING' is not a role: one of NATIONAL, PARTNERSHIP_LEAD");
        assertInvalidToken(tokens.local().sign(tokens.local().claims("x", null, null, null, Duration.ofHours(1)).build()),
            "The token has no hub_role claim");
        assertInvalidToken(tokens.mint("x", "PARTNERSHIP_LEAD", null, null), "Role PARTNERSHIP_LEAD needs the hub_partnership claim");
        assertInvalidToken(tokens.mint("x", "LOCAL_AREA", null, null), "Role LOCAL_AREA needs the hub_local_area claim");
        assertInvalidToken(tokens.mint("x", "LOCAL_AREA", null, "Darlington"),
            "The hub_local_area claim 'Darlington' is not an ONS code");
        assertInvalidToken(tokens.mint("x", "PARTNERSHIP_LEAD", "cpp ne", null), "The hub_partnership claim 'cpp ne' is not a partnership code");
        assertInvalidToken(tokens.local().sign(tokens.local().claims(null, "NATIONAL", null, null, Duration.ofHours(1)).build()),
            "no subject");
    }

    @Test
    void shouldOpenHealthAndGraphiqlButKeepTheRestOfTheActuatorForNational() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/graphiql", null).statusCode()).isEqualTo(200);
        assertThat(get("/webjars/graphiql/graphiql.min.js", null).statusCode()).isEqualTo(200);

        HttpResponse<String> anonymous = get("/actuator/metrics", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        // No token is no error: a plain challenge (Spring Security 7 adds RFC 9728's resource_metadata).
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer")
            .doesNotContain("error=");
        HttpResponse<String> metadata = get("/.well-known/oauth-protected-resource", null);
        assertThat(metadata.statusCode()).as(metadata.body()).isEqualTo(200);
        assertThat(metadata.body()).contains("\"resource\"");
        assertThat(get("/actuator/metrics", tokens.evaluator()).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", tokens.lead("TST-AUTH")).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", tokens.national()).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", "forged").statusCode()).isEqualTo(401);
        assertThat(get("/somewhere-else", null).statusCode()).isEqualTo(401);
    }
}
