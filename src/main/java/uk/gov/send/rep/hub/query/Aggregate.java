package uk.gov.send.rep.hub.query;

import java.util.Map;

/**
 * The aggregates of a set of rows (all rows matching a filter, or one group of them), as the
 * GraphQL types {@code <Type>Aggregate} and {@code <Type>Group} render them. Maps are keyed by
 * GraphQL field name; a function's map holds only the fields the request selected.
 *
 * @param key the group's key values by group key name; empty for {@code aggregate}
 * @param rows rows in the set
 * @param minimum smallest value per field (null where no row has one); null when withheld
 * @param maximum largest value per field; null when withheld
 * @param mean mean per numeric field, over the rows that have a value
 * @param total total per numeric field
 * @param inScope how many of the rows the request's scope may read one by one; fewer than
 *     {@code rows} makes the set disclosure-controlled ({@link Disclosure})
 * @param suppressed why the figures are withheld, or null when they are shown
 */
public record Aggregate(Map<String, Object> key, long rows, Map<String, Object> minimum, Map<String, Object> maximum,
        Map<String, Object> mean, Map<String, Object> total, long inScope, Suppression suppressed) {

    /** The aggregates of no rows: count 0, every function null. */
    public static Aggregate empty() {
        return new Aggregate(Map.of(), 0, Map.of(), Map.of(), Map.of(), Map.of(), 0, null);
    }

    /** Whether some rows are outside the scope: the figures are then disclosure-controlled. */
    public boolean controlled() {
        return inScope < rows;
    }

    /** GraphQL {@code count}: the number of rows, or the symbol {@code c} when suppressed. */
    public Object count() {
        return suppressed != null ? Suppression.SYMBOL : (Object) rows;
    }

    /** GraphQL {@code min}: null when withheld (of protected rows, for all but NATIONAL: one child's value). */
    public Map<String, Object> min() {
        return minimum;
    }

    /** GraphQL {@code max}: null when withheld, as {@link #min()}. */
    public Map<String, Object> max() {
        return maximum;
    }

    /** GraphQL {@code avg}: null when suppressed. */
    public Map<String, Object> avg() {
        return suppressed != null ? null : mean;
    }

    /** GraphQL {@code sum}: null when suppressed. */
    public Map<String, Object> sum() {
        return suppressed != null ? null : total;
    }

    Aggregate suppress(Suppression why) {
        return new Aggregate(key, rows, minimum, maximum, mean, total, inScope, why);
    }
}
