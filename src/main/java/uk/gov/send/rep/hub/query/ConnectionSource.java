package uk.gov.send.rep.hub.query;

import java.util.Map;

/**
 * Where a connection's rows come from, kept with the page so that its {@code aggregate} and
 * {@code groupBy} fields can compute over the same rows.
 *
 * @param type the type of the rows
 * @param relation the relationship field the rows hang off, or null for a root connection
 * @param parentKey the natural key of the parent row, or null for a root connection
 * @param where the connection's {@code where} argument, or null
 */
public record ConnectionSource(NodeType<?> type, Relation<?, ?, ?> relation, Object parentKey, Map<String, Object> where) {

    public static ConnectionSource root(NodeType<?> type, Map<String, Object> where) {
        return new ConnectionSource(type, null, null, where);
    }

    public static ConnectionSource related(Relation<?, ?, ?> relation, Object parentKey, Map<String, Object> where) {
        return new ConnectionSource(relation.target(), relation, parentKey, where);
    }
}
