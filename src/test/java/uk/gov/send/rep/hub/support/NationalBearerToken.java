package uk.gov.send.rep.hub.support;

import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every test's {@code WebTestClient}, and with it {@code HttpGraphQlTester}, sends a
 * {@code NATIONAL} bearer token by default, so the HTTP tests of the read API run as the
 * programme team without each one saying so.
 */
public final class NationalBearerToken implements WebTestClientBuilderCustomizer {

    private final TestTokens tokens;

    public NationalBearerToken(TestTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void customize(WebTestClient.Builder builder) {
        if (tokens.available()) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.national());
        }
    }
}
