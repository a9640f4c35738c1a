package uk.gov.send.rep.hub.query.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;

/**
 * A request over one of the {@link LimitsProperties}: thrown from the hub's instrumentation, it
 * aborts the request before anything runs (graphql-java turns it into its one error). The error
 * names the limit and the values: {@code "query depth 14 exceeds hub.graphql.limits.max-depth 12"}
 * with {@code extensions: {classification: "LIMIT_EXCEEDED", limit: "max-depth", max: 12,
 * actual: 14}}.
 */
public final class LimitExceededException extends AbortExecutionException {

    /** The {@code classification} of every limit error. */
    public static final ErrorClassification LIMIT_EXCEEDED = ErrorClassification.errorClassification("LIMIT_EXCEEDED");

    /** The prefix of every limit's property. */
    public static final String PREFIX = "hub.graphql.limits.";

    private final transient GraphQLError error;

    /**
     * @param what what was measured, e.g. {@code "query depth"}
     * @param limit the limit's property name under {@link #PREFIX}, e.g. {@code "max-depth"}
     */
    public LimitExceededException(String what, String limit, Object max, Object actual) {
        this(error(what + " " + actual + " exceeds " + PREFIX + limit + " " + max, limit, max, actual));
    }

    private LimitExceededException(GraphQLError error) {
        super(List.of(error));
        this.error = error;
    }

    /** The error a client sees. */
    public GraphQLError error() {
        return error;
    }

    @Override
    public String getMessage() {
        return error.getMessage();
    }

    /** A limit error with the given message (for limits measured outside graphql-java). */
    public static GraphQLError error(String message, String limit, Object max, Object actual) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("limit", limit);
        extensions.put("max", max);
        extensions.put("actual", actual);
        return GraphqlErrorBuilder.newError().message(message).errorType(LIMIT_EXCEEDED).extensions(extensions).build();
    }
}
