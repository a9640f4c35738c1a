package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one {@code aggregate} or {@code groupBy} field computes: the grouping keys (none for
 * {@code aggregate}), the fields whose minimum, maximum, average and sum were selected, and the
 * most groups to return. Built from the GraphQL selection, so the database computes only what
 * the client asked for.
 *
 * @param by the group keys, none to aggregate over all rows
 * @param min fields whose minimum is wanted
 * @param max fields whose maximum is wanted
 * @param avg fields whose average is wanted
 * @param sum fields whose sum is wanted
 * @param limit the most groups to return (ignored without keys)
 */
public record AggregateSpec(List<GroupKey> by, List<Field> min, List<Field> max, List<Field> avg, List<Field> sum,
        int limit) {

    public AggregateSpec {
        by = List.copyOf(by);
        min = List.copyOf(min);
        max = List.copyOf(max);
        avg = List.copyOf(avg);
        sum = List.copyOf(sum);
    }

    /** The aggregates selected under an {@code aggregate} or {@code groupBy} field. */
    public static AggregateSpec of(NodeType<?> type, Selection selection, List<GroupKey> by, int limit) {
        return new AggregateSpec(by, fields(type, selection, "min", true), fields(type, selection, "max", true),
            fields(type, selection, "avg", false), fields(type, selection, "sum", false), limit);
    }

    private static List<Field> fields(NodeType<?> type, Selection selection, String function,
            boolean datesToo) {
        Set<Field> fields = new LinkedHashSet<>();
        for (Selection.Selected selected : selection.getFields(function)) {
            if (selected.getName().startsWith("__")) {
                continue;
            }
            Field field = type.field(selected.getName()).filter(f -> aggregatable(f, datesToo))
                .orElseThrow(() -> new InvalidArgumentException(function,
                    "'" + selected.getName() + "' is not a " + (datesToo ? "numeric or date" : "numeric") + " field of "
                        + type.typeName()));
            fields.add(field);
        }
        return new ArrayList<>(fields);
    }

    /** Whether min and max (dates too) or avg and sum (numbers only) apply to the field. */
    public static boolean aggregatable(Field field, boolean datesToo) {
        return field.kind() == Field.Kind.NUMBER || datesToo && field.kind() == Field.Kind.DATE;
    }
}
