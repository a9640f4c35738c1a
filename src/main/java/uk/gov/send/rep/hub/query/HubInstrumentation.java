package uk.gov.send.rep.hub.query;

import java.util.List;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.stereotype.Component;

import uk.gov.send.rep.hub.query.limits.QueryLimits;

/**
 * The hub's one graphql-java instrumentation:
 * <ul>
 * <li>answers a relationship field from the value read with its row ({@link Prefetched}), without
 * calling the field's controller method or its DataLoader; any other call goes to the fetcher as
 * usual. Only non-trivial fetchers (controller methods) are wrapped: plain properties never are;</li>
 * <li>tells a request's {@link QueryCost} the name and type of the operation being executed, as the
 * document names it: clients often send a single named operation without {@code operationName};</li>
 * <li>enforces the query limits ({@link QueryLimits}) once per request, never per field: rate and
 * length before the document is looked up, shape when a document is parsed (before validation),
 * cost and introspection before the operation runs. Over a limit, the request is aborted with
 * the limit's error and no Cypher is sent.</li>
 * </ul>
 * One instrumentation rather than several, and not wrapped in a {@code ChainedInstrumentation}
 * ({@link #singleInstrumentation}): graphql-java calls an instrumentation four to five times per
 * field of every row, and a chain loops over its members and allocates on each call, which cost
 * more than completing the field (docs/benchmark.md).
 */
@Component
final class HubInstrumentation extends SimplePerformantInstrumentation {

    /** The limits; null in slices that do not load them (then nothing is limited). */
    private final QueryLimits limits;

    HubInstrumentation(ObjectProvider<QueryLimits> limits) {
        this.limits = limits.getIfAvailable();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        if (limits != null) {
            limits.beforeParse(parameters.getQuery(), parameters.getGraphQLContext());
        }
        return super.beginExecution(parameters, state);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        if (limits != null) {
            limits.checkDocument(parameters.getDocument());
        }
        return super.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        QueryCost cost = execution.getGraphQLContext().get(QueryCost.CONTEXT_KEY);
        if (cost != null) {
            cost.operation(execution.getOperationDefinition().getName(),
                execution.getOperationDefinition().getOperation().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (limits != null) {
            limits.checkOperation(execution);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return fetcher;
        }
        return env -> {
            Prefetched store = Prefetched.find(env.getGraphQlContext());
            Object source = env.getSource();
            if (store != null && source != null) {
                Object value = store.get(source, env.getExecutionStepInfo().getResultKey());
                if (value != Prefetched.ABSENT) {
                    return value;
                }
            }
            return fetcher.get(env);
        };
    }

    /**
     * Spring for GraphQL wraps the instrumentations it finds in a {@code ChainedInstrumentation},
     * even a single one; when there is only one, graphql-java is given it directly. When that one
     * is the hub's, queries run on {@link HubExecutionStrategy} (graphql-java's own, completing
     * plain subtrees in one pass), given the exception handler Spring for GraphQL would have given
     * graphql-java's default strategy: the same resolvers, in the same order.
     */
    @Bean
    static GraphQlSourceBuilderCustomizer singleInstrumentation(ObjectProvider<Instrumentation> instrumentations,
            ObjectProvider<DataFetcherExceptionResolver> exceptionResolvers) {
        return builder -> builder.configureGraphQl(graphQl -> {
            List<Instrumentation> all = instrumentations.orderedStream().toList();
            if (all.size() == 1) {
                graphQl.instrumentation(all.getFirst());
                if (all.getFirst() instanceof HubInstrumentation hub) {
                    graphQl.queryExecutionStrategy(new HubExecutionStrategy(
                        DataFetcherExceptionResolver.createExceptionHandler(exceptionResolvers.orderedStream().toList()),
                        hub));
                }
            }
        });
    }
}
