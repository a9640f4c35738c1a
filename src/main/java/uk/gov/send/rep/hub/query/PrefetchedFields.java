package uk.gov.send.rep.hub.query;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.springframework.stereotype.Component;

/**
 * Answers a relationship field from the value read with its row ({@link Prefetched}), without
 * calling the field's controller method or its DataLoader; any other call goes to the fetcher as
 * usual. Only non-trivial fetchers (controller methods) are wrapped: plain properties never are.
 */
@Component
class PrefetchedFields extends SimplePerformantInstrumentation {

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
}
