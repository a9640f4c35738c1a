package uk.gov.send.rep.hub.security;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The hub as its own issuer, when no production issuer is configured
 * ({@link OnLocalIssuerCondition}): the signing key, {@link LocalTokens} and the
 * {@link JwtDecoder} built on them. Also the whole Spring context of the {@code token} command,
 * which needs nothing else (no database, no web server).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnLocalIssuerCondition.class)
@EnableConfigurationProperties({ LocalIssuerProperties.class, ClaimNames.class })
class LocalIssuerConfiguration {

    @Bean
    LocalTokens localTokens(LocalIssuerProperties properties, ClaimNames claims) {
        return new LocalTokens(SigningKeyStore.loadOrCreate(properties.keyDirectory()), properties, claims,
            Clock.systemUTC());
    }

    @Bean
    JwtDecoder localJwtDecoder(LocalTokens tokens) {
        return tokens.decoder();
    }
}
