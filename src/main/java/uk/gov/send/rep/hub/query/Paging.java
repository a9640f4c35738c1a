package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a connection's paging arguments. Exactly one of {@code first} and {@code last} says
 * how many rows and from which end; {@code after} and {@code before} (either, both or neither,
 * with either of them) bound the result by cursor, as in the Relay connection specification:
 * the cursors cut the ordered result first, then {@code first} takes rows from its start or
 * {@code last} from its end.
 */
public final class Paging {

    private Paging() {
    }

    /**
     * @param type the connection's node type, whose declared fields {@code orderBy} may name
     * @param first rows from the start, or null
     * @param after cursor the rows must follow, or null
     * @param last rows from the end, or null
     * @param before cursor the rows must precede, or null
     * @param orderBy the GraphQL {@code orderBy} argument: a list of {@code {field, direction}}
     * @throws InvalidArgumentException naming the argument when neither or both of first and last
     *     are given, one is negative or over the cap, or a cursor is malformed or of another order
     */
    public static PageRequest request(QueryProperties limits, NodeType<?> type, Integer first, String after,
            Integer last, String before, boolean withTotal, Map<String, Object> where,
            List<Map<String, Object>> orderBy) {
        return sized(limits, type, first, after, last, before, withTotal, where, sorts(type, orderBy, RelationIndex.none()));
    }

    private static PageRequest sized(QueryProperties limits, NodeType<?> type, Integer first, String after,
            Integer last, String before, boolean withTotal, Map<String, Object> where, List<Sort> sorts) {
        int cap = limits.maxPageSize();
        if (first == null && last == null) {
            throw new InvalidArgumentException("first", "required (or last): the number of rows wanted, 0 to " + cap);
        }
        if (first != null && last != null) {
            throw new InvalidArgumentException("last", "give first or last, not both (first: " + first + ", last: " + last + ")");
        }
        String argument = first != null ? "first" : "last";
        int size = first != null ? first : last;
        if (size < 0) {
            throw new InvalidArgumentException(argument, "must not be negative, was " + size);
        }
        if (size > cap) {
            throw new InvalidArgumentException(argument, "must be at most " + cap + " (hub.graphql.max-page-size), was " + size);
        }
        return new PageRequest(size, last != null,
            after == null ? null : Cursors.decode(after, sorts, "after"),
            before == null ? null : Cursors.decode(before, sorts, "before"),
            withTotal, where, sorts);
    }

    /**
     * Whether a connection field's selection needs its rows ({@code edges} or {@code pageInfo});
     * a selection of only {@code totalCount}, {@code aggregate} or {@code groupBy} does not.
     */
    public static boolean rowsSelected(graphql.schema.DataFetchingEnvironment env) {
        return rowsSelected(Selection.of(env));
    }

    static boolean rowsSelected(Selection selection) {
        return selects(selection, "edges") || selects(selection, "pageInfo");
    }

    /**
     * Whether the selection has a field of this name directly under it (by name, whatever its
     * alias).
     */
    public static boolean selects(Selection selection, String name) {
        for (Selection.Selected field : selection.getImmediateFields()) {
            if (field.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the selection asks for {@code edges { cursor }}. */
    static boolean edgeCursorsSelected(Selection selection) {
        return under(selection.getImmediateFields(), "edges").stream().anyMatch(field -> field.getName().equals("cursor"));
    }

    /** The fields selected under the fields of this name among {@code fields}. */
    static List<Selection.Selected> under(List<Selection.Selected> fields, String name) {
        List<Selection.Selected> found = new ArrayList<>();
        for (Selection.Selected field : fields) {
            if (field.getName().equals(name)) {
                found.addAll(field.getSelectionSet().getImmediateFields());
            }
        }
        return found;
    }

    /**
     * The paging arguments of a connection field, read from its environment. When the selection
     * needs no rows (only {@code totalCount}, {@code aggregate} or {@code groupBy}) neither
     * {@code first} nor {@code last} is required, though a given one is still checked.
     */
    public static PageRequest request(graphql.schema.DataFetchingEnvironment env, QueryProperties limits, NodeType<?> type) {
        return request(env, limits, type, RelationIndex.none());
    }

    /** As above, where {@code orderBy} may also name {@code <relationship field>Count} of these relations. */
    public static PageRequest request(graphql.schema.DataFetchingEnvironment env, QueryProperties limits, NodeType<?> type,
            RelationIndex relations) {
        return request(env.getArguments(), Selection.of(env), limits, type, relations);
    }

    /** As above, from a field's arguments and selection (e.g. a field selected below the one being fetched). */
    @SuppressWarnings("unchecked")
    static PageRequest request(Map<String, Object> arguments, Selection selection,
            QueryProperties limits, NodeType<?> type, RelationIndex relations) {
        Integer first = (Integer) arguments.get("first");
        Integer last = (Integer) arguments.get("last");
        String after = (String) arguments.get("after");
        String before = (String) arguments.get("before");
        Map<String, Object> where = (Map<String, Object>) arguments.get("where");
        List<Map<String, Object>> orderBy = (List<Map<String, Object>>) arguments.get("orderBy");
        boolean withTotal = selects(selection, "totalCount");
        if (!rowsSelected(selection) && first == null && last == null) {
            List<Sort> sorts = sorts(type, orderBy, relations);
            // No page to bound, but a malformed cursor is still an error, not silently ignored.
            if (after != null) {
                Cursors.decode(after, sorts, "after");
            }
            if (before != null) {
                Cursors.decode(before, sorts, "before");
            }
            return new PageRequest(0, null, withTotal, where, sorts);
        }
        return sized(limits, type, first, after, last, before, withTotal, where, sorts(type, orderBy, relations))
            .withEdgeCursors(edgeCursorsSelected(selection));
    }

    private static List<Sort> sorts(NodeType<?> type, List<Map<String, Object>> orderBy, RelationIndex relations) {
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
            boolean descending = "DESC".equals(String.valueOf(orderBy.get(i).get("direction")));
            String field = String.valueOf(name);
            java.util.Optional<Sort> sort = type.field(field).map(f -> new Sort(f, descending));
            if (sort.isEmpty() && field.endsWith("Count")) {
                sort = relations.find(type, field.substring(0, field.length() - "Count".length()))
                    .map(relation -> Sort.count(relation, descending));
                // A count of protected rows would count rows beyond the scope, exactly, into the
                // order and the cursors: open to a scope that reads every row only (ADR 0010).
                Scope scope = Scope.current();
                if (sort.isPresent() && sort.get().counted().target().guard() != null && !scope.unrestricted()) {
                    throw new AccessRefusedException(scope, "sort by " + name + " (" + at + "): it counts "
                        + sort.get().counted().target().typeName() + " rows beyond its scope");
                }
            }
            sorts.add(sort.orElseThrow(() -> new InvalidArgumentException(at,
                "'" + name + "' is not a sortable field of " + type.typeName())));
        }
        return sorts;
    }
}
