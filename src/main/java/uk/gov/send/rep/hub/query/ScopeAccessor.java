package uk.gov.send.rep.hub.query;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Lets Spring for GraphQL's context propagation bind a request's {@link Scope} to whatever
 * thread runs one of its data fetchers: Spring restores every registered thread-local whose key is
 * in the request's {@code GraphQLContext} around each data fetcher call, asynchronous controller
 * method and batch loader call. Registered with {@code io.micrometer.context.ContextRegistry}
 * through {@code META-INF/services/io.micrometer.context.ThreadLocalAccessor}, hence public.
 */
public final class ScopeAccessor implements ThreadLocalAccessor<Scope> {

    @Override
    public Object key() {
        return Scope.CONTEXT_KEY;
    }

    @Override
    public Scope getValue() {
        return Scope.bound();
    }

    @Override
    public void setValue(Scope value) {
        Scope.bind(value);
    }

    @Override
    public void setValue() {
        Scope.restore(null);
    }

    @Override
    public void reset() {
        Scope.restore(null);
    }

    @Override
    public void restore(Scope previousValue) {
        Scope.restore(previousValue);
    }

    @Override
    public void restore() {
        Scope.restore(null);
    }
}
