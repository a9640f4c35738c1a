package uk.gov.send.rep.hub.security;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import uk.gov.send.rep.hub.query.Scope;

/**
 * Gives every GraphQL request over HTTP its {@link Scope}, from the request's authentication
 * (Spring Security has already checked the token, if any): in the GraphQL context under
 * {@link Scope#CONTEXT_KEY}, where the query compiler and the {@code viewer} query read it. (The
 * web layer, e.g. a rate limiter, which runs before GraphQL, identifies the caller by
 * {@code HttpServletRequest.getUserPrincipal().getName()}: the token's subject, see
 * {@link HubAuthentication}; WebMVC's GraphQL request attributes are read-only.) Each interceptor's
 * {@code configureExecutionInput} adds to the same GraphQL context, so the scope and
 * {@code QueryCost} sit side by side. A token whose partnership or local area is not in the graph
 * gets a {@code FORBIDDEN} error saying so, and nothing is executed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ScopeInterceptor implements WebGraphQlInterceptor {

    private final ScopeResolver scopes;

    ScopeInterceptor(ScopeResolver scopes) {
        this.scopes = scopes;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Scope scope;
        try {
            scope = scopes.scopeOf(SecurityContextHolder.getContext().getAuthentication());
        }
        catch (UnknownScopeException unknown) {
            return Mono.just(refused(request, unknown.getMessage()));
        }
        request.configureExecutionInput((input, builder) ->
            builder.graphQLContext(Map.of(Scope.CONTEXT_KEY, scope)).build());
        return chain.next(request);
    }

    private static WebGraphQlResponse refused(WebGraphQlRequest request, String message) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
            .addError(GraphqlErrorBuilder.newError().message(message).errorType(ErrorType.FORBIDDEN).build())
            .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
