package uk.gov.send.rep.hub.query.limits;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import uk.gov.send.rep.hub.query.Scope;

/**
 * The HTTP side of the query limits: gives each request its client address (whom an anonymous
 * caller's requests are counted against), sets {@code Retry-After} on a response refused by the
 * rate limit (whose status {@link LimitsWebConfiguration} makes 429), and removes "Did you mean
 * ..." suggestions from error messages for every role but {@code NATIONAL}, so that a caller
 * cannot probe the schema's names through them. graphql-java 25 makes no such suggestions itself
 * (none of its message bundles has one); this keeps it so if a later version or a library adds
 * them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class LimitsInterceptor implements WebGraphQlInterceptor {

    private static final Pattern SUGGESTION = Pattern.compile("\\s*Did you mean[^?]*\\??", Pattern.CASE_INSENSITIVE);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote != null) {
            String address = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
            request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(QueryLimits.CLIENT_ADDRESS, address)).build());
        }
        return chain.next(request).map(LimitsInterceptor::finish);
    }

    private static WebGraphQlResponse finish(WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        if (errors.isEmpty()) {
            return response;
        }
        for (GraphQLError error : errors) {
            if (error.getExtensions() != null
                    && QueryLimits.REQUESTS_PER_MINUTE.equals(error.getExtensions().get("limit"))
                    && error.getExtensions().get(QueryLimits.RETRY_AFTER) instanceof Number seconds) {
                response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()));
            }
        }
        boolean national = Scope.NATIONAL.equals(Scope.of(response.getExecutionInput().getGraphQLContext()).role());
        if (national || errors.stream().noneMatch(error -> error.getMessage() != null
                && SUGGESTION.matcher(error.getMessage()).find())) {
            return response;
        }
        List<GraphQLError> plain = errors.stream().map(LimitsInterceptor::withoutSuggestion).toList();
        return response.transform(builder -> builder.errors(plain));
    }

    static GraphQLError withoutSuggestion(GraphQLError error) {
        if (error.getMessage() == null || !SUGGESTION.matcher(error.getMessage()).find()) {
            return error;
        }
        return GraphqlErrorBuilder.newError()
            .message(SUGGESTION.matcher(error.getMessage()).replaceAll(""))
            .locations(error.getLocations())
            .path(error.getPath())
            .errorType(error.getErrorType())
            .extensions(error.getExtensions())
            .build();
    }
}
