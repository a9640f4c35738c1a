package uk.gov.send.rep.hub.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters {@link ConnectionQueries} would set for a page, a lookup by keys or related
 * pages, computed from the inputs alone, without building the statement: its names are the
 * builder's ({@code limit}, {@code w0}, {@code w1}, ... for the filter's values in the order of
 * the {@code where} argument, {@code after0}, ..., {@code limit_1_} for the first read-ahead
 * page, the scope's areas). Building a statement with the Cypher-DSL cost a sixth of the hub's
 * own CPU for a page of settings although its text, once rendered, is known by its shape
 * (docs/benchmark.md, cause 16).
 *
 * <p>A replica is used only for a shape whose first build set exactly these parameters, names
 * and values ({@link ConnectionQueries}): where the builder names them in another order (a
 * {@code some} filter joined into the match, written after another quantifier, say), the shape
 * is built every time, as before.
 */
final class Replica {

    private final Map<String, Object> parameters = new HashMap<>();
    private int filterValues;

    private Replica() {
    }

    /** A root page's ({@code rootPage}, whether it seeks or not). */
    static Map<String, Object> rootPage(PageRequest page, List<Prefetch> prefetch, Scope scope, boolean areas) {
        Replica replica = new Replica().areas(scope, areas);
        replica.parameters.put("limit", page.size() + 1);
        replica.where(page.where(), null);
        replica.cursors(page, "");
        replica.prefetch(prefetch, new int[1]);
        return replica.parameters;
    }

    /** Nodes by keys ({@code byKeys}). */
    static Map<String, Object> byKeys(List<?> keys, List<Prefetch> prefetch, Scope scope, boolean areas) {
        Replica replica = new Replica().areas(scope, areas);
        replica.parameters.put("keys", keys);
        replica.prefetch(prefetch, new int[1]);
        return replica.parameters;
    }

    /** One page of related rows for each parent key ({@code relatedPages}). */
    static Map<String, Object> relatedPages(List<?> parentKeys, PageRequest page, List<Prefetch> prefetch, Scope scope,
            boolean areas) {
        Replica replica = new Replica().areas(scope, areas);
        replica.parameters.put("keys", parentKeys);
        replica.where(page.where(), null);
        replica.parameters.put("limit", page.size() + 1);
        replica.cursors(page, "");
        replica.prefetch(prefetch, new int[1]);
        return replica.parameters;
    }

    /** The scope's areas, where the shape's first build set them (the guard of a protected type). */
    private Replica areas(Scope scope, boolean areas) {
        if (areas) {
            parameters.put(Guard.AREAS, scope.areaCodes());
        }
        return this;
    }

    /**
     * The filter's values, in the argument's order ({@link Filters} names them {@code w0},
     * {@code w1}, ... as it meets them): every operator's value but {@code isNull}'s (it chooses
     * the text), inside fields, quantifiers, {@code node}, {@code AND}, {@code OR} and {@code NOT}.
     */
    private void where(Object value, String key) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, inner) -> where(inner, (String) name));
            return;
        }
        if (value instanceof List<?> list && ("AND".equals(key) || "OR".equals(key))) {
            list.forEach(item -> where(item, key));
            return;
        }
        if (value == null || key == null || "isNull".equals(key)) {
            return;
        }
        parameters.put("w" + filterValues++, value);
    }

    private void cursors(PageRequest page, String suffix) {
        cursor(page.after(), "after" + suffix);
        cursor(page.before(), "before" + suffix);
    }

    /** A cursor's key as {@code <prefix>}, its sort values (those not missing) as {@code <prefix>0}, .... */
    private void cursor(List<Object> values, String prefix) {
        if (values == null) {
            return;
        }
        parameters.put(prefix, values.getLast());
        for (int i = 0; i < values.size() - 1; i++) {
            if (values.get(i) != null) {
                parameters.put(prefix + i, values.get(i));
            }
        }
    }

    /** Read-ahead fields, numbered depth first as {@code ConnectionQueries.prefetchCalls} numbers them. */
    private void prefetch(List<Prefetch> prefetch, int[] names) {
        for (Prefetch one : prefetch) {
            int index = ++names[0];
            if (!one.toOne()) {
                String suffix = "_" + index + "_";
                where(one.page().where(), null);
                parameters.put("limit" + suffix, one.page().size() + 1);
                cursors(one.page(), suffix);
            }
            prefetch(one.nested(), names);
        }
    }
}
