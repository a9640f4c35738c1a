package uk.gov.send.rep.hub.security;

import java.util.List;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import uk.gov.send.rep.hub.query.Scope;

/**
 * Turns who is asking into the {@link Scope} of their request (ADR 0010): no token is
 * {@link Scope#anonymous()}; {@code NATIONAL} reads every row; {@code EVALUATOR} and
 * {@code PUBLIC} none; a partnership lead the rows of the partnership's member areas and a local
 * area role those of its area, both resolved against the graph ({@link ScopeAreas}).
 */
@Component
class ScopeResolver {

    private final ScopeAreas areas;

    ScopeResolver(ScopeAreas areas) {
        this.areas = areas;
    }

    /**
     * The scope of {@code authentication} (null or anonymous: no token).
     * @throws UnknownScopeException if the token's partnership or local area is not in the graph
     */
    Scope scopeOf(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Scope.anonymous();
        }
        if (!(authentication.getPrincipal() instanceof HubPrincipal principal)) {
            // Only HubAuthenticationConverter authenticates requests; anything else reads as anonymous (fails closed).
            return Scope.anonymous();
        }
        return scopeOf(principal);
    }

    Scope scopeOf(HubPrincipal principal) {
        String role = principal.role().name();
        return switch (principal.role()) {
            case NATIONAL -> Scope.national(principal.subject());
            case EVALUATOR, PUBLIC -> new Scope(principal.subject(), role, null, null, Scope.Rows.NONE, List.of());
            case PARTNERSHIP_LEAD -> {
                List<String> members = areas.memberAreas(principal.partnership()).orElseThrow(() -> new UnknownScopeException(
                    "The token's partnership '" + principal.partnership() + "' is not a partnership in the hub"));
                yield new Scope(principal.subject(), role, principal.partnership(), null, Scope.Rows.AREAS, members);
            }
            case LOCAL_AREA -> {
                String ons = areas.area(principal.localArea()).orElseThrow(() -> new UnknownScopeException(
                    "The token's local area '" + principal.localArea() + "' is not a local area in the hub (by "
                        + (Codes.isDfe(principal.localArea()) ? "DfE" : "ONS") + " code)"));
                yield new Scope(principal.subject(), role, null, ons, Scope.Rows.AREAS, List.of(ons));
            }
        };
    }
}
