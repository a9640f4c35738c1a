package uk.gov.send.rep.hub.query;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.Profiler;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataLoaderDispatchStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.ResultNodesInfo;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.dataloader.PerLevelDataLoaderDispatchStrategy;
import graphql.language.Field;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;

/**
 * graphql-java's {@link AsyncExecutionStrategy} with one shortcut: an object or list whose whole
 * subtree is plain ({@link PlainCompletion}: properties of records and values read with their
 * rows, no fetcher to call) is completed in one pass over the values, instead of graphql-java's
 * per-field machinery (an execution step, a result path, instrumentation parameters and a
 * fetch-and-complete cycle for every field of every row). For a page of 50 to 100 rows that
 * machinery was most of the hub's own CPU (docs/benchmark.md, 2 December, cause 12); the shortcut
 * gives the same map graphql-java would build, in the same order.
 *
 * <p>It applies only when skipping those steps is unobservable: the request's instrumentation is
 * the hub's own ({@link HubInstrumentation}, which observes no field and answers relationship
 * fields from {@link Prefetched} exactly as the plan does), DataLoader dispatch is per level (a
 * plain subtree loads nothing, so it neither starts nor ends an object the dispatcher counts),
 * there is no profiler, result-node limit, {@code @defer} or subscription. Otherwise, and for every
 * value a plan does not handle ({@link PlainCompletion#FALLBACK}), graphql-java completes the value
 * as usual.
 */
final class HubExecutionStrategy extends AsyncExecutionStrategy {

    private final Instrumentation instrumentation;

    /** Plans by the document's field node (weak: a document evicted from the cache takes its plans with it). */
    private final Cache<Field, PlainCompletion> plans = Caffeine.newBuilder().weakKeys().maximumSize(100_000)
        .executor(Runnable::run).build();

    /** Values completed by the shortcut, for tests. */
    private final LongAdder shortcuts = new LongAdder();

    /**
     * @param exceptionHandler the data fetcher exception handler graphql-java would otherwise be given
     * @param instrumentation the hub's instrumentation: the shortcut runs only when a request uses it
     */
    HubExecutionStrategy(DataFetcherExceptionHandler exceptionHandler, Instrumentation instrumentation) {
        super(exceptionHandler);
        this.instrumentation = instrumentation;
    }

    @Override
    protected Object completeValueForObject(ExecutionContext execution, ExecutionStrategyParameters parameters,
            GraphQLObjectType resolvedType, Object result) {
        PlainCompletion plan = plan(execution, parameters, resolvedType);
        if (plan != null) {
            Object completed = plan.complete(PlainCompletion.Values.of(execution), result);
            if (completed != PlainCompletion.FALLBACK) {
                shortcuts.increment();
                return completed;
            }
        }
        return super.completeValueForObject(execution, parameters, resolvedType, result);
    }

    @Override
    protected FieldValueInfo completeValueForList(ExecutionContext execution, ExecutionStrategyParameters parameters,
            Iterable<Object> values) {
        PlainCompletion plan = plan(execution, parameters, parameters.getExecutionStepInfo().getUnwrappedNonNullType());
        if (plan != null) {
            Object completed = plan.complete(PlainCompletion.Values.of(execution), values);
            if (completed != PlainCompletion.FALLBACK) {
                shortcuts.increment();
                return new FieldValueInfo(FieldValueInfo.CompleteValueType.LIST, completed, List.of());
            }
        }
        return super.completeValueForList(execution, parameters, values);
    }

    /** The plan for a value of {@code type} of the field being completed, or null when the shortcut may not run. */
    private PlainCompletion plan(ExecutionContext execution, ExecutionStrategyParameters parameters, GraphQLType type) {
        if (!mayShortcut(execution, parameters)) {
            return null;
        }
        List<Field> nodes = parameters.getField().getFields();
        if (nodes.size() != 1) {
            return null;
        }
        ExecutionStepInfo step = parameters.getExecutionStepInfo();
        GraphQLFieldDefinition definition = step.getFieldDefinition();
        if (definition == null) {
            return null;
        }
        PlainCompletion whole = plans.get(nodes.getFirst(),
            node -> PlainCompletion.of(execution.getGraphQLSchema(), definition, node));
        return whole.at(type);
    }

    private boolean mayShortcut(ExecutionContext execution, ExecutionStrategyParameters parameters) {
        DataLoaderDispatchStrategy dispatch = execution.getDataLoaderDispatcherStrategy();
        return execution.getInstrumentation() == instrumentation
            && (dispatch == DataLoaderDispatchStrategy.NO_OP || dispatch.getClass() == PerLevelDataLoaderDispatchStrategy.class)
            && execution.getProfiler() == Profiler.NO_OP
            && !execution.hasIncrementalSupport()
            && !execution.isSubscriptionOperation()
            && parameters.getDeferredCallContext() == null
            && execution.getGraphQLContext().get(ResultNodesInfo.MAX_RESULT_NODES) == null;
    }

    /** How many values the shortcut has completed (tests check that it ran, or that it did not). */
    long shortcuts() {
        return shortcuts.sum();
    }
}
