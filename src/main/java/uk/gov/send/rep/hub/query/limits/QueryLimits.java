package uk.gov.send.rep.hub.query.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.language.Document;
import graphql.parser.ParserOptions;
import graphql.parser.ParsingListener;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import uk.gov.send.rep.hub.query.Scope;

/**
 * The per-request checks of the {@link LimitsProperties}, called by the hub's one graphql-java
 * instrumentation (ADR 0009) at three points of every request:
 * <ol>
 * <li>{@link #beforeParse} (every request, before the document cache is asked): the requests per
 * minute of the caller and the document's length; and the parser is told to stop after
 * {@code max-tokens} tokens;</li>
 * <li>{@link #checkDocument} (only when a document is parsed, before it is validated): depth,
 * aliases, directives and fields; a document over them is never cached, and as the limits depend
 * only on the document, a cached document is within them;</li>
 * <li>{@link #checkOperation} (every request, after the cache, before anything runs): the
 * estimated cost, which depends on the variables, and introspection, which depends on the role.</li>
 * </ol>
 */
@Component
public class QueryLimits {

    /** GraphQL context key of the client's address (for the rate limit of anonymous callers). */
    public static final String CLIENT_ADDRESS = QueryLimits.class.getName() + ".clientAddress";

    /** The {@code limit} of the rate limit's error, whose responses are HTTP 429. */
    public static final String REQUESTS_PER_MINUTE = "requests-per-minute";

    /** Extension of the rate limit's error: seconds until the caller may ask again. */
    public static final String RETRY_AFTER = "retryAfterSeconds";

    private final LimitsProperties limits;
    private final DocumentShape shape;
    private final RateLimiter rate;

    QueryLimits(LimitsProperties limits) {
        this.limits = limits;
        this.shape = new DocumentShape(limits);
        this.rate = new RateLimiter(limits.requestsPerMinute(), System::nanoTime);
    }

    /** The configured limits. */
    public LimitsProperties properties() {
        return limits;
    }

    /**
     * Before the document is looked up or parsed: counts the request against its subject's rate
     * (the scope's subject, else the client address), checks the document's length, and gives the
     * parser a token limit for this request.
     */
    public void beforeParse(String query, GraphQLContext context) {
        RateRefusal refused = acquire(subject(context));
        if (refused != null) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("limit", REQUESTS_PER_MINUTE);
            extensions.put("max", rate.perMinute());
            extensions.put(RETRY_AFTER, refused.retryAfterSeconds());
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .message(refused.message())
                .errorType(LimitExceededException.LIMIT_EXCEEDED)
                .extensions(extensions)
                .build()));
        }
        int length = query == null ? 0 : query.length();
        if (length > limits.maxCharacters()) {
            throw new LimitExceededException("query length (characters)", "max-characters", limits.maxCharacters(), length);
        }
        context.put(ParserOptions.class, parserOptions());
    }

    /** Depth, aliases, directives and fields of every operation of a newly parsed document. */
    public void checkDocument(Document document) {
        shape.check(document);
    }

    /** Cost and introspection of the operation about to run. */
    public void checkOperation(ExecutionContext execution) {
        CostEstimate estimate = CostEstimate.of(execution.getGraphQLSchema(), execution.getOperationDefinition(),
            execution.getFragmentsByName(), execution.getCoercedVariables().toMap(), limits.defaultListSize(),
            limits.maxCost());
        if (estimate.introspects() && limits.introspection() == LimitsProperties.Introspection.NATIONAL) {
            Scope scope = Scope.of(execution.getGraphQLContext());
            if (!Scope.NATIONAL.equals(scope.role())) {
                throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message("introspection (__schema, __type) is only for the " + Scope.NATIONAL + " role, not "
                        + scope.role() + " (hub.graphql.limits.introspection=NATIONAL)")
                    .errorType(ErrorType.FORBIDDEN)
                    .build()));
            }
        }
        if (estimate.cost() > limits.maxCost()) {
            throw new LimitExceededException("estimated cost", "max-cost", limits.maxCost(),
                estimate.complete() ? estimate.cost() : "at least " + estimate.cost());
        }
    }

    /** A request over the rate: whom it was counted against, seconds until one more is allowed, and the message. */
    record RateRefusal(String subject, long retryAfterSeconds, String message) {
    }

    /**
     * Counts one request against {@code subject}'s allowance of {@code requests-per-minute}
     * (GraphQL and the other data endpoints share it, see {@link RateLimitInterceptor}).
     * @return null if allowed, else the refusal
     */
    RateRefusal acquire(String subject) {
        long retryAfter = rate.acquire(subject);
        if (retryAfter <= 0) {
            return null;
        }
        return new RateRefusal(subject, retryAfter, "more than " + rate.perMinute() + " requests in a minute from "
            + subject + " exceed " + LimitExceededException.PREFIX + REQUESTS_PER_MINUTE + " " + rate.perMinute()
            + "; retry after " + retryAfter + "s");
    }

    private static String subject(GraphQLContext context) {
        Scope scope = Scope.of(context);
        return subject(Scope.PUBLIC.equals(scope.role()) ? null : scope.subject(), context.get(CLIENT_ADDRESS));
    }

    /**
     * Whom a request is counted against: the token's subject ({@code tokenSubject}, null for no
     * token or the {@code PUBLIC} role), else its client address.
     */
    static String subject(String tokenSubject, Object clientAddress) {
        if (tokenSubject != null) {
            return tokenSubject;
        }
        return clientAddress != null ? "client " + clientAddress : "anonymous";
    }

    /**
     * Parser options of one request: a listener stops parsing at token {@code max-tokens + 1} with
     * the limit's error; graphql-java's own token limit, just above, is a backstop (its lexer may
     * read a few tokens ahead of the parser).
     */
    private ParserOptions parserOptions() {
        int max = limits.maxTokens();
        int[] tokens = { 0 };
        ParsingListener counter = token -> {
            if (++tokens[0] > max) {
                throw new LimitExceededException("query token count", "max-tokens", max, "more than " + max);
            }
        };
        return ParserOptions.getDefaultOperationParserOptions().transform(options -> options
            .maxTokens(max + 1000)
            .maxCharacters(limits.maxCharacters() + 1)
            .parsingListener(counter));
    }
}
