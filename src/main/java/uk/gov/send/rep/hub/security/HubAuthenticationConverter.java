package uk.gov.send.rep.hub.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads the role and its scoping claims from a token whose signature, issuer and times the
 * decoder (the hub's own or the production issuer's) has accepted. A token without a subject,
 * with no or an unknown role, or without the partnership or local area its role needs, or with
 * one in the wrong format, is refused with {@code 401 invalid_token} and a description naming the
 * claim: such a token is never treated as anonymous. Not a bean (a {@code Converter} bean would
 * join the MVC conversion service): {@link SecurityConfiguration} makes it.
 */
class HubAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ClaimNames claims;

    HubAuthenticationConverter(ClaimNames claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new HubAuthentication(principal(jwt), jwt);
    }

    HubPrincipal principal(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw invalid("The token has no subject (sub claim)");
        }
        String roleName = text(jwt, claims.role());
        if (roleName == null) {
            throw invalid("The token has no " + claims.role() + " claim (the role: one of " + HubRole.names() + ")");
        }
        HubRole role = HubRole.named(roleName);
        if (role == null) {
            throw invalid("The " + claims.role() + " claim '" + shown(roleName) + "' is not a role: one of " + HubRole.names());
        }
        String partnership = null;
        String localArea = null;
        switch (role.needs()) {
            case PARTNERSHIP -> {
                partnership = text(jwt, claims.partnership());
                if (partnership == null) {
                    throw invalid("Role " + role + " needs the " + claims.partnership() + " claim (the partnership code, e.g. CPP-NE)");
                }
                if (!Codes.isPartnership(partnership)) {
                    throw invalid("The " + claims.partnership() + " claim '" + shown(partnership) + "' is not " + Codes.PARTNERSHIP_FORMAT);
                }
            }
            case LOCAL_AREA -> {
                localArea = text(jwt, claims.localArea());
                if (localArea == null) {
                    throw invalid("Role " + role + " needs the " + claims.localArea() + " claim (" + Codes.LOCAL_AREA_FORMAT + ")");
                }
                if (!Codes.isLocalArea(localArea)) {
                    throw invalid("The " + claims.localArea() + " claim '" + shown(localArea) + "' is not " + Codes.LOCAL_AREA_FORMAT);
                }
            }
            case NOTHING -> {
                // the role alone scopes the request
            }
        }
        return new HubPrincipal(subject, role, partnership, localArea);
    }

    /** The claim as text; null when absent or blank; refused when it is not a string. */
    private static String text(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw invalid("The " + claim + " claim must be a string");
        }
        return text.isBlank() ? null : text;
    }

    /** A claim's value for a message: at most 40 characters. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    /**
     * {@code 401 invalid_token} with {@code description} as the {@code error_description}, whose
     * characters RFC 6750 restricts to printable ASCII without {@code "} and {@code \}.
     */
    private static InvalidBearerTokenException invalid(String description) {
        StringBuilder safe = new StringBuilder(description.length());
        description.codePoints().forEach(c ->
            safe.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? (char) c : '?'));
        return new InvalidBearerTokenException(safe.toString());
    }
}
