package uk.gov.send.rep.hub.query;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.ExposesRelationships;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.RelationshipPattern;
import org.neo4j.cypherdsl.core.Where;

/**
 * How the rows of a protected node type (a child, a plan, a child's observation) belong to local
 * areas, so that the query compiler can limit them to a {@link Scope} (ADR 0010): a path of
 * relationships from the row to the {@code LocalArea} whose data it is. The compiler asks for
 * {@link #rows} at every match of the type, at every depth.
 *
 * @param path the relationships from the row to its local area, the last step's label
 *     {@code LocalArea}
 * @param whenLinked true when only rows linked by the path's first step are protected (an
 *     observation is protected when it is a child's, not when it is an area's or a setting's)
 * @param linkedRow with {@code whenLinked}: tells from a row's stored properties whether it is a
 *     linked (protected) one, for counting the protected rows a request returned (the audit log);
 *     null counts every row as protected
 */
public record Guard(List<Step> path, boolean whenLinked, Predicate<Map<String, Object>> linkedRow) {

    /** The parameter holding the scope's local area codes. */
    static final String AREAS = "scopeAreas";

    /** One relationship of the path: its type, direction from the row, and the label it reaches. */
    public record Step(String type, boolean outgoing, String label) {
    }

    public Guard(List<Step> path, boolean whenLinked) {
        this(path, whenLinked, null);
    }

    public Guard {
        path = List.copyOf(path);
        if (linkedRow != null && !whenLinked) {
            throw new IllegalArgumentException("only a guard of linked rows tells them by their properties");
        }
        if (!path.isEmpty() && !"LocalArea".equals(path.getLast().label())) {
            throw new IllegalArgumentException("a guard's path must end at a LocalArea: " + path);
        }
        if (path.isEmpty() && whenLinked) {
            throw new IllegalArgumentException("a national-only guard has no link to test");
        }
    }

    /** Rows only {@code NATIONAL} may read (e.g. the audit log): no local area owns them. */
    public static Guard nationalOnly() {
        return new Guard(List.of(), false);
    }

    /** Every row of the type is protected and belongs to the local area(s) the path reaches. */
    public static Guard areas(Step... path) {
        return new Guard(List.of(path), false);
    }

    /** Rows linked by the path's first step are protected and belong to the area(s) it reaches; others are not. */
    public static Guard areasWhenLinked(Step... path) {
        return new Guard(List.of(path), true);
    }

    /**
     * This guard, telling the linked (protected) rows from the others by their stored properties
     * (the natural key is always read), so that the audit log counts only those.
     */
    public Guard linkedWhen(Predicate<Map<String, Object>> linked) {
        return new Guard(path, whenLinked, linked);
    }

    /** Whether a row with these stored properties is protected by this guard. */
    boolean covers(Map<String, Object> row) {
        return !whenLinked || linkedRow == null || linkedRow.test(row);
    }

    public static Step out(String type, String label) {
        return new Step(type, true, label);
    }

    public static Step in(String type, String label) {
        return new Step(type, false, label);
    }

    /** Whether the scope may read no row of the type at all (then the reader refuses, rather than answer nothing). */
    boolean refuses(Scope scope) {
        return !scope.unrestricted() && (path.isEmpty() || scope.rows() == Scope.Rows.NONE && !whenLinked);
    }

    /**
     * Whether the rows of {@code relation}, seen from its parent, belong to the parent itself: the
     * guard's path is the relation's relationship read backwards to a {@code LocalArea} parent
     * (an area's children, an area's plans). Then the scope's condition is one on the parent,
     * checked once per parent instead of once per row.
     */
    boolean anchoredBy(Relation<?, ?, ?> relation) {
        if (whenLinked || path.size() != 1) {
            return false;
        }
        Step step = path.getFirst();
        return step.type().equals(relation.type()) && step.outgoing() != relation.outgoing()
            && step.label().equals(relation.parent().label());
    }

    /** The scope's condition on the local area {@code area} itself ({@link #anchoredBy}). */
    static Condition area(Node area, Scope scope, Map<String, Object> parameters) {
        parameters.put(AREAS, scope.areaCodes());
        return area.property("code").in(Cypher.parameter(AREAS));
    }

    /** Whether the scope may not even aggregate the type's rows (national-only types). */
    boolean refusesAggregates(Scope scope) {
        return path.isEmpty() && !scope.unrestricted();
    }

    /**
     * The condition on {@code n} that keeps the rows the scope may read: none for
     * {@link Scope.Rows#ALL}; {@code EXISTS { (n)-[:T]->(…)-[:U]->(a:LocalArea) WHERE a.code IN
     * $scopeAreas }} for {@link Scope.Rows#AREAS}; false (or, when {@link #whenLinked}, "not
     * linked") for {@link Scope.Rows#NONE}. The area codes are the parameter {@value #AREAS}.
     */
    Condition rows(Node n, Scope scope, Map<String, Object> parameters) {
        if (path.isEmpty()) {
            return scope.unrestricted() ? Cypher.noCondition() : Cypher.literalFalse().asCondition();
        }
        return switch (scope.rows()) {
            case ALL -> Cypher.noCondition();
            case NONE -> whenLinked ? Cypher.not(Cypher.exists(firstStep(n))) : Cypher.literalFalse().asCondition();
            case AREAS -> {
                parameters.put(AREAS, scope.areaCodes());
                Node area = Cypher.node("LocalArea").named(n.getRequiredSymbolicName().getValue() + "_area");
                Condition inAreas = Cypher.exists(List.of(pathTo(n, area)),
                    Where.from(area.property("code").in(Cypher.parameter(AREAS))));
                yield whenLinked ? Logic.or(Cypher.not(Cypher.exists(firstStep(n))), inAreas) : inAreas;
            }
        };
    }

    private RelationshipPattern firstStep(Node n) {
        Step step = path.getFirst();
        Node next = Cypher.node(step.label());
        return step.outgoing() ? n.relationshipTo(next, step.type()) : n.relationshipFrom(next, step.type());
    }

    private RelationshipPattern pathTo(Node n, Node area) {
        ExposesRelationships<?> at = n;
        RelationshipPattern pattern = null;
        for (int i = 0; i < path.size(); i++) {
            Step step = path.get(i);
            Node next = i == path.size() - 1 ? area : Cypher.node(step.label());
            pattern = step.outgoing() ? at.relationshipTo(next, step.type()) : at.relationshipFrom(next, step.type());
            at = (ExposesRelationships<?>) pattern;
        }
        return pattern;
    }
}
