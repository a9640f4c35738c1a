package uk.gov.send.rep.hub.security;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's own token issuer, used when no production issuer is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and {@code jwk-set-uri} unset):
 * the signing key generated on first start, and the rules for the tokens it signs.
 *
 * @param keyDir where the signing key ({@value SigningKeyStore#FILE_NAME}) is kept; by default
 *     {@code <hub.neo4j.embedded.data-dir>/security} (application.yml)
 * @param issuer the {@code iss} of the tokens it signs and accepts
 * @param defaultTtl how long a token minted by the {@code token} command lives unless told
 * @param maxTtl the longest life the {@code token} command gives a token
 * @param clockSkew how far {@code exp} and {@code nbf} may be off when a token is checked
 */
@ConfigurationProperties("hub.security.local")
@Validated
record LocalIssuerProperties(
        @NotBlank(message = "must name a directory (by default <hub.neo4j.embedded.data-dir>/security)")
        String keyDir,

        @DefaultValue("rep-data-hub")
        @NotBlank(message = "must be the issuer name the hub signs and accepts, e.g. rep-data-hub")
        String issuer,

        @DefaultValue("8h")
        @NotNull
        @DurationMin(minutes = 1, message = "must be at least 1 minute")
        Duration defaultTtl,

        @DefaultValue("30d")
        @NotNull
        @DurationMin(minutes = 1, message = "must be at least 1 minute")
        @DurationMax(days = 366, message = "must be at most 366 days")
        Duration maxTtl,

        @DefaultValue("30s")
        @NotNull
        @DurationMin(seconds = 0, message = "must not be negative")
        @DurationMax(minutes = 5, message = "must be at most 5 minutes")
        Duration clockSkew) {

    /** Bean Validation: the default life fits under the maximum. */
    @AssertTrue(message = "default-ttl must not be longer than max-ttl")
    boolean isDefaultWithinMax() {
        return defaultTtl == null || maxTtl == null || defaultTtl.compareTo(maxTtl) <= 0;
    }

    Path keyDirectory() {
        return Path.of(keyDir);
    }
}
