package uk.gov.send.rep.hub.graphiql;

import java.net.URI;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** GraphiQL over real HTTP: served from the hub alone, and every example query (GraphiQL's and the README's) valid. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class GraphiQlIntegrationTests {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    HttpGraphQlTester graphQl;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeGraphiqlWithOnlyLocalAssets() throws Exception {
        HttpResponse<String> page = get("/graphiql");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        // The browser may load nothing from elsewhere, even if an asset tried to.
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
            assertThat(csp).contains("default-src 'self'").contains("connect-src 'self'").doesNotContain("http"));

        List<String> assets = new ArrayList<>();
        Matcher matcher = ASSET.matcher(page.body());
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        assertThat(assets).hasSizeGreaterThanOrEqualTo(4);
        for (String asset : assets) {
            if (asset.startsWith("data:")) {
                continue;
            }
            assertThat(asset).as("asset %s is served by the hub", asset).startsWith("/");
            HttpResponse<String> response = get(asset);
            assertThat(response.statusCode()).as("GET %s", asset).isEqualTo(200);
            assertThat(response.body()).as("GET %s", asset).hasSizeGreaterThan(1000);
        }
        assertThat(page.body()).doesNotContain("https://").doesNotContain("http://").doesNotContain("//unpkg")
            .doesNotContain("//cdn");
    }

    @Test
    void shouldRunEveryQueryTheReadmeShows() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        Matcher block = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        int count = 0;
        while (block.find()) {
            graphQl.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .document(block.group(1)).execute().errors().verify();
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldOpenWithExampleQueriesThatAllValidateAndRun() throws Exception {
        List<Map<String, String>> examples = GraphiQlController.examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        String page = get("/graphiql").body();
        for (Map<String, String> example : examples) {
            String query = example.get("query");
            assertThat(page).contains(query.lines().findFirst().orElseThrow());
            graphQl.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .document(query).execute().errors().verify();
        }
    }
}
