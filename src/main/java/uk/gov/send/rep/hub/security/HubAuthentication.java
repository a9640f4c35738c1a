package uk.gov.send.rep.hub.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An authenticated bearer token: the {@link HubPrincipal} it carries and the authority of its
 * role ({@code ROLE_NATIONAL}, ...). Its name is the token's subject, so
 * {@code HttpServletRequest.getUserPrincipal().getName()} gives the subject to the web layer.
 */
final class HubAuthentication extends AbstractAuthenticationToken {

    private final HubPrincipal principal;
    private final transient Jwt token;

    HubAuthentication(HubPrincipal principal, Jwt token) {
        super(List.of(new SimpleGrantedAuthority(principal.role().authority())));
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public HubPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return principal.subject();
    }
}
