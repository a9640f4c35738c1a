package uk.gov.send.rep.hub.query;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Lets Spring for GraphQL's context propagation bind a request's {@link QueryCost} to whatever
 * thread runs one of its data fetchers: Spring restores every registered thread-local whose key is
 * in the request's {@code GraphQLContext} around each data fetcher call, asynchronous controller
 * method and batch loader call. Registered with {@code io.micrometer.context.ContextRegistry}
 * through {@code META-INF/services/io.micrometer.context.ThreadLocalAccessor}, hence public.
 */
public final class QueryCostAccessor implements ThreadLocalAccessor<QueryCost> {

    @Override
    public Object key() {
        return QueryCost.CONTEXT_KEY;
    }

    @Override
    public QueryCost getValue() {
        return QueryCost.current();
    }

    @Override
    public void setValue(QueryCost value) {
        QueryCost.bind(value);
    }

    @Override
    public void setValue() {
        QueryCost.restore(null);
    }

    @Override
    public void reset() {
        QueryCost.restore(null);
    }

    @Override
    public void restore(QueryCost previousValue) {
        QueryCost.restore(previousValue);
    }

    @Override
    public void restore() {
        QueryCost.restore(null);
    }
}
