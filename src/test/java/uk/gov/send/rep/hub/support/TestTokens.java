package uk.gov.send.rep.hub.support;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;

import uk.gov.send.rep.hub.security.LocalTokens;

/**
 * Real bearer tokens for tests, signed with the hub's own key ({@link LocalTokens} of the test's
 * context, key in {@code target/test-data/security}), so requests go through the real decoder and
 * claim checks. A bean of every test context ({@link TestSecurityContextCustomizerFactory}):
 * {@code @Autowired TestTokens tokens}.
 */
public final class TestTokens {

    /** Life of the tokens tests mint. */
    public static final Duration TTL = Duration.ofHours(1);

    private final ObjectProvider<LocalTokens> tokens;

    public TestTokens(ObjectProvider<LocalTokens> tokens) {
        this.tokens = tokens;
    }

    /** The hub's own issuer; fails if the context has none (a production issuer is configured). */
    public LocalTokens local() {
        LocalTokens local = tokens.getIfAvailable();
        if (local == null) {
            throw new IllegalStateException("This test context has no LocalTokens (no web security, or a production issuer)");
        }
        return local;
    }

    /** Whether the context signs its own tokens. */
    public boolean available() {
        return tokens.getIfAvailable() != null;
    }

    public String national() {
        return mint("test-national", "NATIONAL", null, null);
    }

    public String lead(String partnership) {
        return mint("test-lead", "PARTNERSHIP_LEAD", partnership, null);
    }

    public String localArea(String code) {
        return mint("test-local-area", "LOCAL_AREA", null, code);
    }

    public String evaluator() {
        return mint("test-evaluator", "EVALUATOR", null, null);
    }

    /** A token for {@code subject} in {@code role} (any text, checked by the hub, not here). */
    public String mint(String subject, String role, String partnership, String localArea) {
        return local().mint(subject, role, partnership, localArea, TTL);
    }
}
