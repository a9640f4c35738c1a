package uk.gov.send.rep.hub.support;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.server.WebGraphQlInterceptor;

import uk.gov.send.rep.hub.query.Scope;

/**
 * TEMP stand-in for the auth branch's token interceptor, to be replaced by real tokens after the
 * merge: puts a {@link Scope} into each request's GraphQL context from the {@value #ROLE} header
 * (and {@value #SUBJECT}, else {@code "test-" + role}), exactly where the security module puts the
 * scope it makes from a bearer token. No header: no scope (anonymous).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRoles {

    public static final String ROLE = "X-Test-Role";
    public static final String SUBJECT = "X-Test-Subject";

    @Bean
    WebGraphQlInterceptor testRoleInterceptor() {
        return (request, chain) -> {
            String role = request.getHeaders().getFirst(ROLE);
            if (role != null) {
                String subject = request.getHeaders().getFirst(SUBJECT);
                String who = subject != null ? subject : "test-" + role.toLowerCase();
                Scope scope = Scope.NATIONAL.equals(role) ? Scope.national(who)
                    : new Scope(who, role, null, null, Scope.Rows.NONE, List.of());
                request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(Scope.CONTEXT_KEY, scope)).build());
            }
            return chain.next(request);
        };
    }
}
