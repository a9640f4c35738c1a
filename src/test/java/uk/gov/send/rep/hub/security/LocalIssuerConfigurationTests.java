package uk.gov.send.rep.hub.security;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's own issuer backs off when a production issuer is configured, and bad settings stop
 * it with a message naming the property.
 */
class LocalIssuerConfigurationTests {

    @TempDir
    Path directory;

    private ApplicationContextRunner contexts() {
        return new ApplicationContextRunner().withUserConfiguration(LocalIssuerConfiguration.class)
            .withPropertyValues("hub.security.local.key-dir=" + directory);
    }

    @Test
    void shouldSignItsOwnTokensWhenNoIssuerIsConfigured() {
        contexts().run(context -> {
            assertThat(context).hasSingleBean(LocalTokens.class).hasSingleBean(JwtDecoder.class);
            LocalTokens tokens = context.getBean(LocalTokens.class);
            String token = tokens.mint("me", "NATIONAL", null, null, tokens.defaultTtl());
            assertThat(context.getBean(JwtDecoder.class).decode(token).getSubject()).isEqualTo("me");
        });
    }

    @Test
    void shouldBackOffForAProductionIssuer() {
        for (String property : OnLocalIssuerCondition.PROPERTIES) {
            contexts().withPropertyValues(property + "=https://issuer.example/keys").run(context -> {
                assertThat(context).doesNotHaveBean(LocalTokens.class).doesNotHaveBean(JwtDecoder.class);
                assertThat(directory.resolve(SigningKeyStore.FILE_NAME)).doesNotExist();
            });
        }
    }

    @Test
    void shouldNameABadSetting() {
        contexts().withPropertyValues("hub.security.local.max-ttl=0s").run(context ->
            assertThat(context).getFailure().rootCause().hasMessageContaining("hub.security.local.maxTtl")
                .hasMessageContaining("must be at least 1 minute"));
        contexts().withPropertyValues("hub.security.local.default-ttl=40d").run(context ->
            assertThat(context).getFailure().rootCause().hasMessageContaining("default-ttl must not be longer than max-ttl"));
        contexts().withPropertyValues("hub.security.claims.partnership=hub_role").run(context ->
            assertThat(context).getFailure().rootCause().hasMessageContaining("three different claims"));
        contexts().withPropertyValues("hub.security.claims.role=my role").run(context ->
            assertThat(context).getFailure().rootCause().hasMessageContaining("hub.security.claims.role")
                .hasMessageContaining("must be a claim name"));
    }
}
