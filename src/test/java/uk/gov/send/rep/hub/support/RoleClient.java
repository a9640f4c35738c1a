package uk.gov.send.rep.hub.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;

import uk.gov.send.rep.hub.query.Scope;

/**
 * Asks the hub a GraphQL query as a given scope and reads the answer by path (for the role tests).
 */
public final class RoleClient {

    private final ExecutionGraphQlService graphQl;

    public RoleClient(ExecutionGraphQlService graphQl) {
        this.graphQl = graphQl;
    }

    /** An answer: its data and its errors. */
    public record Answer(Map<String, Object> data, List<Error> errors) {

        /**
         * The values at a path such as {@code a.b[*].c}: {@code [*]} steps into every element of
         * a list; a missing or null step gives one null.
         */
        public List<Object> values(String path) {
            List<Object> current = new ArrayList<>();
            current.add(data);
            for (String step : path.split("\\.")) {
                boolean all = step.endsWith("[*]");
                String name = all ? step.substring(0, step.length() - 3) : step;
                List<Object> next = new ArrayList<>();
                for (Object value : current) {
                    Object child = value instanceof Map<?, ?> map ? map.get(name) : null;
                    if (all && child instanceof List<?> list) {
                        list.forEach(item -> next.add(json(item)));
                    }
                    else if (!all || child != null) {
                        next.add(json(child));
                    }
                }
                current = next;
            }
            return current;
        }
    }

    /** A number as JSON would give it back: whole numbers that fit as Integer. */
    private static Object json(Object value) {
        return value instanceof Long number && number == number.intValue() ? (Object) number.intValue() : value;
    }

    /** One error: its message and classification (e.g. FORBIDDEN). */
    public record Error(String message, String classification) {
    }

    public Answer ask(Scope scope, String query) {
        var request = new DefaultExecutionGraphQlRequest(query, null, Map.of(), Map.of(), UUID.randomUUID().toString(), null);
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(Scope.CONTEXT_KEY, scope)).build());
        ExecutionGraphQlResponse response = graphQl.execute(request).block();
        List<Error> errors = new ArrayList<>();
        for (ResponseError error : response.getErrors()) {
            errors.add(new Error(error.getMessage(), String.valueOf(error.getErrorType())));
        }
        Map<String, Object> data = response.getData();
        return new Answer(data == null ? Map.of() : data, errors);
    }
}
