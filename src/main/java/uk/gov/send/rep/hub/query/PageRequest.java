package uk.gov.send.rep.hub.query;

import java.util.List;
import java.util.Map;

/**
 * Validated paging arguments: how many rows, from which end, between which cursors (keyset, not
 * offset), in which order, and which rows ({@code where}).
 *
 * @param size rows wanted, 0 to the cap: the GraphQL {@code first}, or {@code last} when backward
 * @param backward true for {@code last}: the rows nearest the end of the (cursor-bounded) result,
 *     read in reversed order from the database and turned round before they are returned
 * @param after the decoded {@code after} cursor: the sort values of a row and its natural key
 *     (always last, the tie-breaker), or null
 * @param before the decoded {@code before} cursor, in the same form, or null
 * @param withTotal whether the request selected totalCount
 * @param where the GraphQL {@code where} argument as given, or null
 * @param orderBy the sort keys before the natural key; empty for key order
 * @param columns the properties to read of each row (those the selection needs, the key and the
 *     sort keys), or null for all of them
 * @param edgeCursors whether every edge needs its cursor (the selection asks for {@code cursor});
 *     otherwise only the first and last rows' are made, for {@code pageInfo}
 */
public record PageRequest(int size, boolean backward, List<Object> after, List<Object> before, boolean withTotal,
        Map<String, Object> where, List<Sort> orderBy, List<String> columns, boolean edgeCursors) {

    public PageRequest {
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
        columns = columns == null ? null : List.copyOf(columns);
    }

    /** Every property of each row. */
    public PageRequest(int size, boolean backward, List<Object> after, List<Object> before, boolean withTotal,
            Map<String, Object> where, List<Sort> orderBy) {
        this(size, backward, after, before, withTotal, where, orderBy, null, true);
    }

    /** This page, reading only these properties of each row (null: all of them). */
    public PageRequest withColumns(List<String> properties) {
        return new PageRequest(size, backward, after, before, withTotal, where, orderBy, properties, edgeCursors);
    }

    /** This page, making a cursor for every edge or only for the first and last. */
    public PageRequest withEdgeCursors(boolean every) {
        return new PageRequest(size, backward, after, before, withTotal, where, orderBy, columns, every);
    }

    /** The first {@code size} rows after a cursor (or from the start), forward. */
    public PageRequest(int size, List<Object> after, boolean withTotal, Map<String, Object> where, List<Sort> orderBy) {
        this(size, false, after, null, withTotal, where, orderBy);
    }

    /** Key order, after a natural key. */
    public PageRequest(int size, Object afterKey, boolean withTotal) {
        this(size, afterKey, withTotal, null);
    }

    /** Key order, after a natural key, filtered. */
    public PageRequest(int size, Object afterKey, boolean withTotal, Map<String, Object> where) {
        this(size, afterKey == null ? null : List.of(afterKey), withTotal, where, List.of());
    }
}
