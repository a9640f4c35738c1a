package uk.gov.send.rep.hub.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The names of the token claims that carry the role, the partnership and the local area, so that
 * a production issuer's own claim names can be used. The subject is always the standard
 * {@code sub} claim.
 *
 * @param role the claim holding the role ({@code NATIONAL}, {@code PARTNERSHIP_LEAD}, ...)
 * @param partnership the claim holding a partnership lead's partnership code
 * @param localArea the claim holding a local area role's ONS or DfE code
 */
@ConfigurationProperties("hub.security.claims")
@Validated
record ClaimNames(
        @DefaultValue("hub_role")
        @NotBlank(message = "must name a claim")
        @Pattern(regexp = NAME, message = NAME_MESSAGE)
        String role,

        @DefaultValue("hub_partnership")
        @NotBlank(message = "must name a claim")
        @Pattern(regexp = NAME, message = NAME_MESSAGE)
        String partnership,

        @DefaultValue("hub_local_area")
        @NotBlank(message = "must name a claim")
        @Pattern(regexp = NAME, message = NAME_MESSAGE)
        String localArea) {

    static final String NAME = "[A-Za-z0-9_.:/-]{1,200}";

    static final String NAME_MESSAGE = "must be a claim name: letters, digits and _ . : / - (no spaces)";

    private static final Set<String> REGISTERED = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

    /** Bean Validation: three different claims, none a registered JWT claim. */
    @AssertTrue(message = "role, partnership and local-area must be three different claims, none of iss, sub, aud, exp, nbf, iat, jti")
    boolean isDistinct() {
        if (role == null || partnership == null || localArea == null) {
            return true;
        }
        return new HashSet<>(List.of(role, partnership, localArea)).size() == 3 && !REGISTERED.contains(role)
            && !REGISTERED.contains(partnership) && !REGISTERED.contains(localArea);
    }
}
