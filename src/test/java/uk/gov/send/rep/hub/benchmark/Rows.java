package uk.gov.send.rep.hub.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Turns both sides' answers into comparable rows: lists of values as text, so that a GraphQL
 * {@code Int} and a Cypher integer, or a GraphQL {@code Date} and a Cypher date, compare equal.
 */
final class Rows {

    private Rows() {
    }

    /**
     * The objects at a dotted path of a GraphQL {@code data} map; lists on the way are flattened,
     * e.g. {@code children.edges.node} gives every child node of the page.
     */
    static List<Map<String, Object>> at(Object data, String path) {
        List<Object> current = List.of(data);
        for (String step : path.split("\\.")) {
            List<Object> next = new ArrayList<>();
            for (Object item : current) {
                Object value = item == null ? null : ((Map<?, ?>) item).get(step);
                if (value instanceof List<?> list) {
                    next.addAll(list);
                }
                else if (value != null) {
                    next.add(value);
                }
            }
            current = next;
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> maps = (List<Map<String, Object>>) (List<?>) current;
        return maps;
    }

    /** One value at a dotted path inside an object ({@code area.code}), as text. */
    static String field(Map<String, Object> object, String path) {
        Object value = object;
        for (String step : path.split("\\.")) {
            value = value == null ? null : ((Map<?, ?>) value).get(step);
        }
        return text(value);
    }

    /** The hub's rows: one per object at {@code path}, with these fields (dotted paths allowed). */
    static Function<Map<String, Object>, List<List<String>>> hub(String path, String... fields) {
        return data -> at(data, path).stream().map(node -> {
            List<String> row = new ArrayList<>(fields.length);
            for (String field : fields) {
                row.add(field(node, field));
            }
            return row;
        }).toList();
    }

    /** The floor's rows: every record's columns in order. */
    static List<List<String>> floor(List<Record> records) {
        return records.stream().map(record -> record.values().stream().map(Rows::text).toList()).toList();
    }

    /**
     * A page with {@code hasNextPage}: the hub's rows plus a last row {@code [hasNextPage, true|false]},
     * read from {@code <connection>.pageInfo.hasNextPage}.
     */
    static Function<Map<String, Object>, List<List<String>>> hubPage(String connection, String... fields) {
        Function<Map<String, Object>, List<List<String>>> rows = hub(connection + ".edges.node", fields);
        return data -> {
            List<List<String>> all = new ArrayList<>(rows.apply(data));
            Map<String, Object> pageInfo = at(data, connection + ".pageInfo").getFirst();
            all.add(List.of("hasNextPage", text(pageInfo.get("hasNextPage"))));
            return all;
        };
    }

    /**
     * The floor's side of {@link #hubPage}: the floor asks for {@code first + 1} rows, as any
     * keyset pager does to learn whether a next page exists.
     */
    static Function<List<Record>, List<List<String>>> floorPage(int first) {
        return records -> {
            List<List<String>> all = new ArrayList<>(floor(records.subList(0, Math.min(first, records.size()))));
            all.add(List.of("hasNextPage", String.valueOf(records.size() > first)));
            return all;
        };
    }

    static String text(Object value) {
        return switch (value) {
            case null -> "null";
            case Value v when v.isNull() -> "null";
            case Value v -> text(v.asObject());
            case Number n when n instanceof Double || n instanceof Float -> String.valueOf(n.doubleValue());
            case Number n -> String.valueOf(n.longValue());
            default -> value.toString();
        };
    }
}
