package uk.gov.send.rep.hub.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import uk.gov.send.rep.hub.query.Scope;

/**
 * Gives a Spring MVC controller method that declares a {@link Scope} parameter the scope of its
 * request, made from the request's authentication exactly as {@link ScopeInterceptor} makes it for
 * GraphQL (Spring Security has already checked the token, if any; no token is
 * {@link Scope#anonymous()}). The controller runs its reads with it bound
 * ({@link Scope#callAs}), so the query compiler and disclosure control see what GraphQL would. A
 * token whose partnership or local area is not in the graph is refused with 403
 * ({@link UnknownScopeAdvice}) before the method runs.
 */
final class ScopeArgumentResolver implements HandlerMethodArgumentResolver {

    private final ScopeResolver scopes;

    ScopeArgumentResolver(ScopeResolver scopes) {
        this.scopes = scopes;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Scope.class.equals(parameter.getParameterType());
    }

    @Override
    public Scope resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        return scopes.scopeOf(SecurityContextHolder.getContext().getAuthentication());
    }
}
