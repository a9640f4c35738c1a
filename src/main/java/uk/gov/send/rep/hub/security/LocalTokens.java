package uk.gov.send.rep.hub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The hub's own issuer (no production issuer configured): signs tokens with the key of
 * {@link SigningKeyStore} (RS256) for the {@code token} command and tests, and makes the
 * {@link JwtDecoder} that accepts exactly those: right signature, issuer, an expiry not past and
 * a not-before not ahead (within the configured clock skew).
 */
public final class LocalTokens {

    private final RSAKey key;
    private final LocalIssuerProperties properties;
    private final ClaimNames claims;
    private final Clock clock;

    LocalTokens(RSAKey key, LocalIssuerProperties properties, ClaimNames claims, Clock clock) {
        this.key = key;
        this.properties = properties;
        this.claims = claims;
        this.clock = clock;
    }

    /** The issuer ({@code iss}) of the tokens this signs. */
    public String issuer() {
        return properties.issuer();
    }

    /** The longest life {@link #mint} gives a token. */
    public Duration maxTtl() {
        return properties.maxTtl();
    }

    /** The life the {@code token} command gives a token unless told. */
    public Duration defaultTtl() {
        return properties.defaultTtl();
    }

    /**
     * The claims of a token for {@code subject} in {@code role} (scoped to {@code partnership} or
     * {@code localArea} where given), issued now and living {@code ttl}; the caller may change
     * them before {@link #sign}ing. Checks nothing: the hub checks every token it is sent.
     */
    public JWTClaimsSet.Builder claims(String subject, String role, String partnership, String localArea, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
            .issuer(properties.issuer())
            .subject(subject)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .claim(claims.role(), role);
        if (partnership != null) {
            builder.claim(claims.partnership(), partnership);
        }
        if (localArea != null) {
            builder.claim(claims.localArea(), localArea);
        }
        return builder;
    }

    /** A signed token for {@code subject} in {@code role}, living {@code ttl}. */
    public String mint(String subject, String role, String partnership, String localArea, Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(properties.maxTtl()) > 0) {
            throw new IllegalArgumentException("a token lives more than 0 and at most " + properties.maxTtl()
                + " (hub.security.local.max-ttl), not " + ttl);
        }
        return sign(claims(subject, role, partnership, localArea, ttl).build());
    }

    /** {@code claims} signed with the hub's key, as a compact JWS. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token with the hub's key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    /** The decoder that accepts this issuer's tokens, and no others. */
    JwtDecoder decoder() {
        NimbusJwtDecoder decoder;
        try {
            decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).signatureAlgorithm(
                org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256).build();
        }
        catch (JOSEException e) {
            throw new IllegalStateException("The hub's signing key " + key.getKeyID() + " has no usable RSA public key", e);
        }
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
            new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
            timestamps,
            new JwtIssuerValidator(properties.issuer()));
        decoder.setJwtValidator(validator);
        return decoder;
    }
}
