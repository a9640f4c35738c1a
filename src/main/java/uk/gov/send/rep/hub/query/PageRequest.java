package uk.gov.send.rep.hub.query;

import java.util.List;
import java.util.Map;

/**
 * Validated paging arguments: how many rows, in which order, after which cursor (keyset, not
 * offset), and which rows ({@code where}).
 *
 * @param first rows wanted, 0 to the cap
 * @param after the decoded cursor: the sort values of the last row seen and its natural key
 *     (always last, the tie-breaker), or null for the first page
 * @param withTotal whether the request selected totalCount
 * @param where the GraphQL {@code where} argument as given, or null
 * @param orderBy the sort keys before the natural key; empty for key order
 */
public record PageRequest(int first, List<Object> after, boolean withTotal, Map<String, Object> where, List<Sort> orderBy) {

    public PageRequest {
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
    }

    /** Key order, after a natural key. */
    public PageRequest(int first, Object afterKey, boolean withTotal) {
        this(first, afterKey, withTotal, null);
    }

    /** Key order, after a natural key, filtered. */
    public PageRequest(int first, Object afterKey, boolean withTotal, Map<String, Object> where) {
        this(first, afterKey == null ? null : List.of(afterKey), withTotal, where, List.of());
    }
}
