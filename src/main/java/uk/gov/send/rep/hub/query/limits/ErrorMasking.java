package uk.gov.send.rep.hub.query.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.core.Ordered;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * The last of the hub's exception resolvers: what no other resolver turned into a client error.
 * <ul>
 * <li>Neo4j stopping a read at its transaction timeout or memory limit becomes a
 * {@code LIMIT_EXCEEDED} error naming {@code hub.graphql.limits.transaction-timeout} or
 * {@code transaction-memory};</li>
 * <li>anything else is an internal error: the client gets only an error id (a UUID), and the log
 * gets one line with the same id and the full exception. Never a stack trace, Cypher or an
 * internal exception's message in a response.</li>
 * </ul>
 */
@Component
class ErrorMasking extends DataFetcherExceptionResolverAdapter implements Ordered {

    private static final Log log = LogFactory.getLog(ErrorMasking.class);

    private final LimitsProperties limits;

    ErrorMasking(LimitsProperties limits) {
        this.limits = limits;
        setThreadLocalContextAware(true);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        String code = neo4jCode(ex);
        if (code != null && code.contains("TransactionTimedOut")) {
            return limitError(env, "the database stopped this read at " + LimitExceededException.PREFIX
                + "transaction-timeout " + limits.transactionTimeout().toMillis() + "ms: ask for fewer rows or a "
                + "narrower filter", "transaction-timeout", limits.transactionTimeout().toMillis() + "ms");
        }
        if (code != null && (code.contains("MemoryLimit") || code.contains("MemoryPoolOutOfMemory"))) {
            return limitError(env, "the database stopped this read at " + LimitExceededException.PREFIX
                + "transaction-memory " + limits.transactionMemory().strip() + ": ask for fewer rows or a narrower "
                + "filter", "transaction-memory", limits.transactionMemory().strip());
        }
        String id = UUID.randomUUID().toString();
        log.error("Internal error " + id + " at " + env.getExecutionStepInfo().getPath(), ex);
        return GraphqlErrorBuilder.newError(env)
            .errorType(ErrorType.INTERNAL_ERROR)
            .message("internal error " + id + " (quote this id to the hub's operators)")
            .extensions(Map.of("errorId", id))
            .build();
    }

    private static GraphQLError limitError(DataFetchingEnvironment env, String message, String limit, Object max) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("limit", limit);
        extensions.put("max", max);
        return GraphqlErrorBuilder.newError(env)
            .errorType(LimitExceededException.LIMIT_EXCEEDED)
            .message(message)
            .extensions(extensions)
            .build();
    }

    /** The Neo4j status code anywhere in the cause chain, else null. */
    static String neo4jCode(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Neo4jException neo4j && neo4j.code() != null) {
                return neo4j.code();
            }
        }
        return null;
    }
}
