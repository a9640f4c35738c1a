package uk.gov.send.rep.hub.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw HTTP to a running hub: what a client (or an attacker) really sends, and what comes back. */
public final class HubHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;

    public HubHttp(int port) {
        this.port = port;
    }

    /** The response and its parsed JSON body (empty if it had none). */
    public record Reply(int status, HttpResponse<String> response, Map<String, Object> body) {

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errors() {
            Object errors = body.get("errors");
            return errors == null ? List.of() : (List<Map<String, Object>>) errors;
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> firstErrorExtensions() {
            assertThat(errors()).as(response.body()).isNotEmpty();
            return (Map<String, Object>) errors().getFirst().get("extensions");
        }

        public String firstErrorMessage() {
            assertThat(errors()).as(response.body()).isNotEmpty();
            return (String) errors().getFirst().get("message");
        }

        /** No stack trace, exception class, Cypher or "Did you mean" suggestion anywhere in the body. */
        public Reply leaksNothing() {
            assertThat(response.body())
                .doesNotContainIgnoringCase("did you mean")
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("MATCH (")
                .doesNotContain("CYPHER ")
                .doesNotContain("stackTrace");
            return this;
        }
    }

    public Reply post(String query, Map<String, Object> variables, String... headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        return request("POST", "/graphql", "application/json", JSON.writeValueAsString(body), headers);
    }

    public Reply post(String query, String... headers) {
        return post(query, null, headers);
    }

    /** A request to {@code /graphql}. */
    public Reply send(String method, String contentType, String body, String... headers) {
        return request(method, "/graphql", contentType, body, headers);
    }

    @SuppressWarnings("unchecked")
    public Reply request(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", "application/json");
        for (int index = 0; index + 1 < headers.length; index += 2) {
            request.header(headers[index], headers[index + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            Map<String, Object> parsed = text == null || text.isBlank() || !text.strip().startsWith("{") ? Map.of()
                : JSON.readValue(text, Map.class);
            return new Reply(response.statusCode(), response, parsed);
        }
        catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
