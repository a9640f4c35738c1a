package uk.gov.send.rep.hub.query;

import java.util.List;
import java.util.Map;

/**
 * Declares a relationship field: from a parent type along a relationship type to a target type,
 * and how a row (cursor, target node, relationship properties) becomes an edge record.
 *
 * @param name the GraphQL coordinate, e.g. {@code LocalArea.settings}
 * @param parent the parent's node type
 * @param type the Neo4j relationship type
 * @param outgoing true when the relationship points from parent to target
 * @param target the target's node type
 * @param edges builds the edge record a connection holds
 * @param edgeFields the relationship's own properties that {@code where} filters may name
 *     (placement dates, cohort arm, membership role)
 * @param toOne true when a parent has at most one related node (a setting's area, a plan's
 *     child): the query compiler may then join it into the parent's match without repeating rows
 *     (see ADR 0008); declared with {@link #atMostOne()}
 */
public record Relation<P, T, E>(String name, NodeType<P> parent, String type, boolean outgoing,
        NodeType<T> target, EdgeFactory<T, E> edges, List<Field> edgeFields, boolean toOne) {

    public Relation {
        edgeFields = List.copyOf(edgeFields);
    }

    public Relation(String name, NodeType<P> parent, String type, boolean outgoing, NodeType<T> target,
            EdgeFactory<T, E> edges) {
        this(name, parent, type, outgoing, target, edges, List.of(), false);
    }

    /** This relation with filterable relationship properties. */
    public Relation<P, T, E> withEdgeFields(Field... fields) {
        return new Relation<>(name, parent, type, outgoing, target, edges, List.of(fields), toOne);
    }

    /** This relation, declared to-one: every parent has at most one related node. */
    public Relation<P, T, E> atMostOne() {
        return new Relation<>(name, parent, type, outgoing, target, edges, edgeFields, true);
    }

    /** The GraphQL field name, e.g. {@code settings} of {@code LocalArea.settings}. */
    public String field() {
        return name.substring(name.indexOf('.') + 1);
    }

    /** Builds one edge of a connection from the target node and the relationship's properties. */
    @FunctionalInterface
    public interface EdgeFactory<T, E> {
        E edge(String cursor, T node, Map<String, Object> relationship);
    }

    /** A relation whose edges carry no relationship properties. */
    public static <P, T> Relation<P, T, Edge<T>> plain(String name, NodeType<P> parent, String type,
            boolean outgoing, NodeType<T> target) {
        return new Relation<>(name, parent, type, outgoing, target, (cursor, node, rel) -> new Edge<>(cursor, node));
    }

    @Override
    public String toString() {
        return name;
    }
}
