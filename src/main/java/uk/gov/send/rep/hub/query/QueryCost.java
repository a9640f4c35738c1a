package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import graphql.GraphQLContext;
import org.dataloader.BatchLoaderEnvironment;

/**
 * What one GraphQL request cost the database: Cypher statements sent (round trips), time spent
 * in the driver call for them, and records returned. One instance per request lives in the
 * request's {@link GraphQLContext} under {@link #CONTEXT_KEY}; {@link GraphReader} records every
 * statement into the instance bound to the current thread, if any (seed, health checks and GraphQL
 * slice tests have none and record nothing).
 *
 * <h2>How the request's instance reaches the thread that runs Cypher</h2>
 * <ul>
 * <li><b>Data fetchers</b> (controller methods), on the request thread or on the executor Spring
 * for GraphQL hands blocking controller methods to: bound automatically. {@link QueryCostAccessor}
 * is a context-propagation {@code ThreadLocalAccessor} for {@link #CONTEXT_KEY}, so Spring for
 * GraphQL restores the instance from the GraphQLContext around every data fetcher call and every
 * asynchronous controller method.</li>
 * <li><b>Batch loaders</b> that move their work to another thread (the hub's loaders use
 * {@code subscribeOn(Schedulers.boundedElastic())}): <em>must</em> wrap that work with
 * {@link #bound(BatchLoaderEnvironment, Callable)}, otherwise their statements go uncounted:
 * <pre>{@code
 * registry.<K, V>forName(NAME).registerMappedBatchLoader((keys, env) ->
 *     Mono.fromCallable(QueryCost.bound(env, () -> load(reader, keys)))
 *         .subscribeOn(Schedulers.boundedElastic()));
 * }</pre>
 * {@code QueryCostIntegrationTests} checks, for every README and GraphiQL example, that the
 * accounted round trips equal those counted at the driver, so a loader that forgets is caught by
 * any example that uses it.</li>
 * </ul>
 *
 * <p>It also counts the protected rows (children, plans, a child's observations: types with a
 * {@link NodeType#guard()}) that {@link GraphReader} maps into records for the request, by type, for
 * the audit log: pages, nested pages, lists, {@code node}/{@code nodes} lookups and to-one fields
 * read ahead. Aggregates map no rows and count nothing.
 *
 * <p>Statements of one request may run on several threads at once (root fields on executor
 * threads, batches on bounded-elastic threads), so recording is synchronized.
 */
public final class QueryCost {

    /**
     * Key of the request's instance in the {@link GraphQLContext}, and of its thread-local binding
     * in context propagation ({@link QueryCostAccessor}).
     */
    public static final String CONTEXT_KEY = QueryCost.class.getName();

    private static final ThreadLocal<QueryCost> CURRENT = new ThreadLocal<>();

    private final boolean keepStatements;
    private final List<Statement> statements = new ArrayList<>();
    private int roundTrips;
    private long databaseNanos;
    private long rows;
    private final Map<String, Long> protectedRows = new LinkedHashMap<>();
    private volatile String operationName;
    private volatile String operationType;

    /**
     * @param keepStatements whether to keep each statement's Cypher text, time and rows (debug
     *     mode); never its parameter values, which can be children's data
     */
    QueryCost(boolean keepStatements) {
        this.keepStatements = keepStatements;
    }

    /** An accumulator that keeps totals only (no statements), e.g. for a request made outside HTTP. */
    public QueryCost() {
        this(false);
    }

    /** The request's accumulator in a GraphQL context, or null when it has none. */
    public static QueryCost of(GraphQLContext context) {
        return context == null ? null : context.get(CONTEXT_KEY);
    }

    /** One Cypher statement: its text (values are parameters, not in it), driver time and records. */
    record Statement(String cypher, long nanos, int rows) {
    }

    /** The totals so far, and the statements when they are kept (in the order they finished). */
    record Totals(int roundTrips, long databaseNanos, long rows, List<Statement> statements) {
    }

    /**
     * Runs {@code work} with the accumulator of the request that {@code env} belongs to bound to
     * the thread that calls the returned {@link Callable}. Every batch loader whose work runs on
     * another thread than its caller's must wrap that work with it (see the class comment). With
     * no accumulator in the request (no HTTP request, e.g. a GraphQL slice test) it returns
     * {@code work} itself.
     */
    public static <T> Callable<T> bound(BatchLoaderEnvironment env, Callable<T> work) {
        QueryCost cost = env.getContext() instanceof GraphQLContext context ? context.get(CONTEXT_KEY) : null;
        if (cost == null) {
            return work;
        }
        return () -> {
            QueryCost previous = CURRENT.get();
            CURRENT.set(cost);
            try {
                return work.call();
            }
            finally {
                restore(previous);
            }
        };
    }

    /** Records a statement into the accumulator bound to this thread; nothing when none is bound. */
    static void record(String cypher, long nanos, int rows) {
        QueryCost cost = CURRENT.get();
        if (cost != null) {
            cost.add(cypher, nanos, rows);
        }
    }

    /**
     * Counts one row of a protected type mapped for the request bound to this thread, if the row
     * is protected ({@link NodeType#protects}); nothing when no request is bound.
     */
    static void protectedRow(NodeType<?> type, Map<String, Object> properties) {
        QueryCost cost = CURRENT.get();
        if (cost != null && type.protects(properties)) {
            cost.addProtectedRows(type.typeName(), 1);
        }
    }

    static QueryCost current() {
        return CURRENT.get();
    }

    static void bind(QueryCost cost) {
        CURRENT.set(cost);
    }

    static void restore(QueryCost previous) {
        if (previous == null) {
            CURRENT.remove();
        }
        else {
            CURRENT.set(previous);
        }
    }

    private synchronized void add(String cypher, long nanos, int count) {
        roundTrips++;
        databaseNanos += nanos;
        rows += count;
        if (keepStatements) {
            statements.add(new Statement(cypher, nanos, count));
        }
    }

    /**
     * Records a statement the request sent outside the read API (the audit log's write), so that
     * {@code roundTrips} stays every statement the request cost.
     */
    public void recordStatement(String cypher, long nanos, int count) {
        add(cypher, nanos, count);
    }

    /** Adds {@code count} protected rows of a type (by GraphQL type name) returned to the request. */
    public synchronized void addProtectedRows(String typeName, long count) {
        protectedRows.merge(typeName, count, Long::sum);
    }

    /** The protected rows returned so far, by GraphQL type name (only types with at least one row). */
    public synchronized Map<String, Long> protectedRows() {
        return Map.copyOf(protectedRows);
    }

    synchronized Totals totals() {
        return new Totals(roundTrips, databaseNanos, rows, List.copyOf(statements));
    }

    boolean keepsStatements() {
        return keepStatements;
    }

    /** The name of the operation that was executed, from the document; null until execution starts. */
    public String operationName() {
        return operationName;
    }

    /**
     * The type of the operation that was executed: {@code query}, {@code mutation} or
     * {@code subscription}; null until execution starts.
     */
    public String operationType() {
        return operationType;
    }

    void operation(String name, String type) {
        this.operationName = name;
        this.operationType = type;
    }
}
