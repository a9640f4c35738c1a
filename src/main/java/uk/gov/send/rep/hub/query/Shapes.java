package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a statement's inputs: everything its Cypher text depends on, with each value that
 * becomes a parameter replaced by a placeholder. Two inputs of one shape render to the same text
 * (with different parameters), so {@link ConnectionQueries} renders each shape once: rendering a
 * Cypher-DSL statement costs more than building it.
 */
final class Shapes {

    private static final String VALUE = "?";

    private Shapes() {
    }

    /**
     * A {@code where} argument with its values replaced: every map key (fields, operators,
     * quantifiers, AND/OR/NOT) and list of objects is kept; {@code isNull}'s boolean is kept (it
     * chooses between {@code IS NULL} and {@code IS NOT NULL}); any other value, a list of values
     * included, becomes a placeholder.
     */
    static Object where(Object where) {
        if (where instanceof Map<?, ?> map) {
            Map<Object, Object> shape = new LinkedHashMap<>();
            map.forEach((key, value) -> shape.put(key, "isNull".equals(key) ? value : where(value)));
            return shape;
        }
        if (where instanceof List<?> list) {
            if (list.isEmpty() || !(list.getFirst() instanceof Map<?, ?>)) {
                return list.isEmpty() ? List.of() : VALUE;
            }
            List<Object> shape = new ArrayList<>(list.size());
            list.forEach(item -> shape.add(where(item)));
            return shape;
        }
        return where == null ? null : VALUE;
    }

    /** A page: its filter's shape, order, which cursor values are missing, direction and count. */
    static List<Object> page(PageRequest page) {
        return List.of(String.valueOf(where(page.where())), page.orderBy(), cursor(page.after()), cursor(page.before()),
            page.backward(), page.withTotal(), String.valueOf(page.columns()));
    }

    /** Read-ahead fields: relation, column, page shape, nested. */
    static List<Object> prefetch(List<Prefetch> prefetch) {
        List<Object> shape = new ArrayList<>(prefetch.size());
        for (Prefetch one : prefetch) {
            shape.add(List.of(one.relation(), one.column(), one.page() == null ? "one" : page(one.page()),
                prefetch(one.nested()), String.valueOf(one.columns())));
        }
        return shape;
    }

    /** A cursor's shape: absent, or which of its values are missing (they change the condition). */
    private static String cursor(List<Object> values) {
        if (values == null) {
            return "-";
        }
        StringBuilder mask = new StringBuilder();
        values.forEach(value -> mask.append(value == null ? '0' : '1'));
        return mask.toString();
    }
}
