package uk.gov.send.rep.hub.query;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

import graphql.GraphQLContext;
import org.dataloader.BatchLoaderEnvironment;

/**
 * What the current request may read: who asks, in which role, and which protected rows (a
 * child's, a plan's, a child's observation) it may see one by one. The query compiler adds the
 * scope's predicate to every match of a protected label (its {@code NodeType} guard), and
 * aggregates over rows outside it are disclosure-controlled (ADR 0010).
 *
 * <p>The security module makes one per request from the bearer token and puts it in the
 * request's {@link GraphQLContext} under {@link #CONTEXT_KEY}; {@link ScopeAccessor} binds it to
 * the threads that run data fetchers, and batch loaders bind it with {@link #bound}. A thread with
 * no scope bound reads as {@link #anonymous()}: the read API fails closed.
 *
 * @param subject who asks (the token's subject), or {@code "anonymous"}
 * @param role the role's name, as the token gives it (for messages, audit and metrics)
 * @param partnership the partnership a lead's role is scoped to, else null
 * @param localArea the local area (ONS code) a local area role is scoped to, else null
 * @param rows which protected rows may be read one by one
 * @param areaCodes with {@link Rows#AREAS}: the ONS codes of the local areas whose protected rows
 *     may be read; empty otherwise
 */
public record Scope(String subject, String role, String partnership, String localArea, Rows rows,
        List<String> areaCodes) {

    /** Key of the request's scope in the GraphQL context and of its thread-local binding. */
    public static final String CONTEXT_KEY = Scope.class.getName();

    /** The role name of the programme team, who see everything. */
    public static final String NATIONAL = "NATIONAL";

    /** The role name of a request with no token. */
    public static final String PUBLIC = "PUBLIC";

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    /** Which protected rows a scope may read one by one. */
    public enum Rows {
        /** Every row (NATIONAL). */
        ALL,
        /** The rows belonging to {@link Scope#areaCodes()} (a partnership lead, a local area). */
        AREAS,
        /** None: aggregates only, disclosure-controlled (EVALUATOR, PUBLIC). */
        NONE
    }

    public Scope {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(rows, "rows");
        areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
        if (rows != Rows.AREAS && !areaCodes.isEmpty()) {
            throw new IllegalArgumentException("area codes are only for Rows.AREAS");
        }
    }

    /** The programme team: every row, no disclosure control. */
    public static Scope national(String subject) {
        return new Scope(subject, NATIONAL, null, null, Rows.ALL, List.of());
    }

    /** No token: published, disclosure-controlled aggregates only. */
    public static Scope anonymous() {
        return new Scope("anonymous", PUBLIC, null, null, Rows.NONE, List.of());
    }

    /** Whether this scope sees every row (then nothing is filtered or suppressed). */
    public boolean unrestricted() {
        return rows == Rows.ALL;
    }

    /** The scope bound to this thread, else {@link #anonymous()}. */
    public static Scope current() {
        Scope scope = CURRENT.get();
        return scope != null ? scope : anonymous();
    }

    /** The scope in a request's GraphQL context, else {@link #anonymous()}. */
    public static Scope of(GraphQLContext context) {
        Scope scope = context == null ? null : context.get(CONTEXT_KEY);
        return scope != null ? scope : anonymous();
    }

    /**
     * Runs {@code work} with the scope of the request that {@code env} belongs to bound to the
     * calling thread (batch loaders that move work to another thread must wrap it, as with
     * {@link QueryCost#bound}). With no scope in the request, the work runs as anonymous.
     */
    public static <T> Callable<T> bound(BatchLoaderEnvironment env, Callable<T> work) {
        Scope scope = env.getContext() instanceof GraphQLContext context ? of(context) : anonymous();
        return () -> callAs(scope, work);
    }

    /** Runs {@code work} with {@code scope} bound to this thread (commands, tests, the benchmark). */
    public static <T> T callAs(Scope scope, Callable<T> work) throws Exception {
        Scope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.call();
        }
        finally {
            restore(previous);
        }
    }

    static Scope bound() {
        return CURRENT.get();
    }

    static void bind(Scope scope) {
        CURRENT.set(scope);
    }

    static void restore(Scope previous) {
        if (previous == null) {
            CURRENT.remove();
        }
        else {
            CURRENT.set(previous);
        }
    }
}
