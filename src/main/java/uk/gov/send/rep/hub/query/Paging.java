package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Validates a connection's {@code first}, {@code after} and {@code orderBy} arguments. */
public final class Paging {

    private Paging() {
    }

    public static PageRequest request(QueryProperties limits, Integer first, String after, boolean withTotal) {
        return request(limits, null, first, after, withTotal, null, null);
    }

    /**
     * @param type the connection's node type, whose declared fields {@code orderBy} may name
     * @param orderBy the GraphQL {@code orderBy} argument: a list of {@code {field, direction}}
     */
    public static PageRequest request(QueryProperties limits, NodeType<?> type, Integer first, String after,
            boolean withTotal, Map<String, Object> where, List<Map<String, Object>> orderBy) {
        int size = first == null ? limits.defaultPageSize() : first;
        if (size < 0) {
            throw new InvalidArgumentException("first", "must not be negative, was " + size);
        }
        if (size > limits.maxPageSize()) {
            throw new InvalidArgumentException("first", "must be at most " + limits.maxPageSize() + " (hub.graphql.max-page-size), was " + size);
        }
        List<Sort> sorts = sorts(type, orderBy);
        return new PageRequest(size, after == null ? null : Cursors.decode(after, sorts), withTotal, where, sorts);
    }

    /**
     * Whether a connection field's selection needs its rows ({@code edges} or {@code pageInfo});
     * a selection of only {@code totalCount}, {@code aggregate} or {@code groupBy} does not.
     */
    public static boolean rowsSelected(graphql.schema.DataFetchingEnvironment env) {
        var selection = env.getSelectionSet();
        return selection.contains("edges") || selection.contains("pageInfo");
    }

    private static List<Sort> sorts(NodeType<?> type, List<Map<String, Object>> orderBy) {
        List<Sort> sorts = new ArrayList<>();
        if (orderBy == null) {
            return sorts;
        }
        if (orderBy.size() > 3) {
            throw new InvalidArgumentException("orderBy", "at most 3 sort keys, was " + orderBy.size());
        }
        for (int i = 0; i < orderBy.size(); i++) {
            Object name = orderBy.get(i).get("field");
            String at = "orderBy[" + i + "].field";
            Field field = type.field(String.valueOf(name)).orElseThrow(() -> new InvalidArgumentException(at,
                "'" + name + "' is not a sortable field of " + type.typeName()));
            sorts.add(new Sort(field, "DESC".equals(String.valueOf(orderBy.get(i).get("direction")))));
        }
        return sorts;
    }
}
