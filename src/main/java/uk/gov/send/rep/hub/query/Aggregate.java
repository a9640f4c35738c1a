package uk.gov.send.rep.hub.query;

import java.util.Map;

/**
 * The aggregates of a set of rows (all rows matching a filter, or one group of them), as the
 * GraphQL types {@code <Type>Aggregate} and {@code <Type>Group} render them. Maps are keyed by
 * GraphQL field name; a function's map holds only the fields the request selected.
 *
 * @param key the group's key values by group key name; empty for {@code aggregate}
 * @param count rows in the set
 * @param min smallest value per field (null where no row has one)
 * @param max largest value per field
 * @param avg mean per numeric field, over the rows that have a value
 * @param sum total per numeric field
 */
public record Aggregate(Map<String, Object> key, long count, Map<String, Object> min, Map<String, Object> max,
        Map<String, Object> avg, Map<String, Object> sum) {

    /** The aggregates of no rows: count 0, every function null. */
    public static Aggregate empty() {
        return new Aggregate(Map.of(), 0, Map.of(), Map.of(), Map.of(), Map.of());
    }
}
