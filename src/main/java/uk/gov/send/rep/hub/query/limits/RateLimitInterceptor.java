package uk.gov.send.rep.hub.query.limits;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import uk.gov.send.rep.hub.query.Scope;

/**
 * {@code hub.graphql.limits.requests-per-minute} for the data endpoints outside GraphQL: every
 * Spring MVC handler method that reads as a {@link Scope} (declares a {@code Scope} parameter, e.g.
 * the CSV downloads) counts its requests against the same allowance per subject as GraphQL, before
 * anything runs: the token's subject, or the client address for a caller without a token (or with
 * the {@code PUBLIC} role). A request over it gets HTTP 429 with {@code Retry-After} and GraphQL's
 * message as plain text. Pages and assets (GraphiQL) are not counted.
 */
final class RateLimitInterceptor implements HandlerInterceptor {

    private final QueryLimits limits;

    RateLimitInterceptor(QueryLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || Arrays.stream(method.getMethodParameters())
                .noneMatch(parameter -> Scope.class.equals(parameter.getParameterType()))) {
            return true;
        }
        Principal principal = request.getUserPrincipal();
        // Spring Security's request wrapper: no principal for an anonymous caller; the role as ROLE_<name>.
        String tokenSubject = principal == null || request.isUserInRole(Scope.PUBLIC) ? null : principal.getName();
        QueryLimits.RateRefusal refused = limits.acquire(QueryLimits.subject(tokenSubject, request.getRemoteAddr()));
        if (refused == null) {
            return true;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfterSeconds()));
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(refused.message());
        return false;
    }
}
