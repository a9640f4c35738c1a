package uk.gov.send.rep.hub.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Asks the running hub a GraphQL query over HTTP, with a bearer token (or none), and reads the
 * answer by path: the role tests go through the real filter chain, token decoder, scope
 * interceptor and compiler.
 */
public final class RoleClient {

    private final WebTestClient http;

    /** A client of the hub at {@code http://localhost:<port>}, with no default token. */
    public RoleClient(int port) {
        this.http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** An answer: its data and its errors. */
    public record Answer(Map<String, Object> data, List<Error> errors) {

        /**
         * The values at a path such as {@code a.b[*].c}: {@code [*]} steps into every element of
         * a list; a missing or null step gives one null.
         */
        public List<Object> values(String path) {
            List<Object> current = new ArrayList<>();
            current.add(data);
            for (String step : path.split("\\.")) {
                boolean all = step.endsWith("[*]");
                String name = all ? step.substring(0, step.length() - 3) : step;
                List<Object> next = new ArrayList<>();
                for (Object value : current) {
                    Object child = value instanceof Map<?, ?> map ? map.get(name) : null;
                    if (all && child instanceof List<?> list) {
                        next.addAll(list);
                    }
                    else if (!all || child != null) {
                        next.add(child);
                    }
                }
                current = next;
            }
            return current;
        }
    }

    /** One error: its message and classification (e.g. FORBIDDEN). */
    public record Error(String message, String classification) {
    }

    /** Posts {@code query} with {@code Authorization: Bearer <token>}, or anonymously when {@code token} is null. */
    @SuppressWarnings("unchecked")
    public Answer ask(String token, String query) {
        Map<String, Object> body = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
            .headers(headers -> {
                if (token != null) {
                    headers.setBearerAuth(token);
                }
            })
            .bodyValue(Map.of("query", query))
            .exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        List<Error> errors = new ArrayList<>();
        for (Object item : (List<Object>) body.getOrDefault("errors", List.of())) {
            Map<String, Object> error = (Map<String, Object>) item;
            Map<String, Object> extensions = (Map<String, Object>) error.getOrDefault("extensions", Map.of());
            errors.add(new Error(String.valueOf(error.get("message")), String.valueOf(extensions.get("classification"))));
        }
        Map<String, Object> data = (Map<String, Object>) body.get("data");
        return new Answer(data == null ? Map.of() : data, errors);
    }
}
