package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Property;
import org.neo4j.cypherdsl.core.RelationshipPattern;
import org.neo4j.cypherdsl.core.Where;

/**
 * Compiles a GraphQL {@code where} argument ({@code <Type>Where}) into a Cypher-DSL condition on
 * a node. Field names are looked up in the node type's declared fields (so only declared
 * properties ever reach the Cypher text); every value becomes a parameter named {@code w0},
 * {@code w1}, ... in the given parameter map.
 */
final class Filters {

    private Filters() {
    }

    /**
     * Who the filter is compiled for: the request's scope, and whether the filter defines the
     * population of a disclosure-controlled aggregate over a protected type (ADR 0010). For rows
     * ({@code population} false) every related protected node a relationship filter reaches is
     * limited to the scope, and a role that may read none of them is refused; for a population the
     * related rows are not limited (the aggregate is disclosure-controlled as a whole), but no
     * field that identifies a protected row may be named.
     */
    record Access(Scope scope, boolean population) {

        static Access rows(Scope scope) {
            return new Access(scope, false);
        }

        /** For an aggregate over {@code type}: a population when the type is protected and the scope restricted. */
        static Access aggregate(NodeType<?> type, Scope scope) {
            return new Access(scope, type.guard() != null && !scope.unrestricted());
        }
    }

    /** The condition for {@code where} on {@code n}, or {@link Cypher#noCondition()} when there is none. */
    static Condition condition(NodeType<?> type, Node n, Map<String, Object> where, Map<String, Object> parameters) {
        return condition(type, n, where, parameters, RelationIndex.none(), Access.rows(Scope.current()));
    }

    /** As above, following relationship fields of {@code relations} ({@code some}, {@code none}, {@code all}, {@code single}). */
    static Condition condition(NodeType<?> type, Node n, Map<String, Object> where, Map<String, Object> parameters,
            RelationIndex relations, Access access) {
        return where == null ? Cypher.noCondition() : new Compiler(parameters, relations, access).object(type, n, where, "where");
    }

    /**
     * A filter compiled for the {@code MATCH} of a root statement: the relationship patterns that
     * its top-level {@code some} filters became (each its own {@code MATCH} clause), the condition
     * left over, and whether the patterns may repeat a row (then the statement needs
     * {@code WITH DISTINCT n}).
     */
    record Match(List<RelationshipPattern> patterns, Condition condition, boolean distinct, boolean anchored) {
    }

    /**
     * As {@link #condition}, but a {@code some} filter that is part of the filter's top-level
     * conjunction (an entry of {@code where}, or of a top-level {@code AND}) becomes a pattern of
     * the match instead of an {@code EXISTS} subquery, when its relation is to-one or when its
     * filter pins a related node by natural key (at any depth). A pattern lets the planner start
     * from either end, e.g. from the one partnership a filter names rather than from every child
     * (ADR 0008); an {@code EXISTS} can only be checked row by row. The match is anchored when a
     * joined filter names nodes by key. Filters under {@code OR} or
     * {@code NOT}, and {@code none}, {@code all}, {@code single}, stay subqueries.
     */
    static Match match(NodeType<?> type, Node n, Map<String, Object> where, Map<String, Object> parameters,
            RelationIndex relations, Access access) {
        if (where == null) {
            return new Match(List.of(), Cypher.noCondition(), false, false);
        }
        Compiler compiler = new Compiler(parameters, relations, access);
        List<RelationshipPattern> patterns = new ArrayList<>();
        boolean[] flags = {false, false};
        Condition condition = compiler.hoisting(type, n, where, "where", patterns, flags);
        return new Match(List.copyOf(patterns), condition, flags[0], flags[1]);
    }

    /** One compilation: the parameters it fills, and fresh names for the nodes of nested patterns. */
    private static final class Compiler {

        private final Map<String, Object> parameters;
        private final RelationIndex relations;
        private final Access access;
        private int nested;

        Compiler(Map<String, Object> parameters, RelationIndex relations, Access access) {
            this.parameters = parameters;
            this.relations = relations;
            this.access = access;
        }

        /**
         * The scope's condition on a related node {@code m} of a relationship filter at {@code path}
         * (null when there is none): rows only, see {@link Access}.
         */
        private Condition guard(Relation<?, ?, ?> relation, Node m, String path) {
            Guard guard = relation.target().guard();
            if (guard == null || access.population() || access.scope().unrestricted()) {
                return null;
            }
            if (guard.refuses(access.scope())) {
                throw new AccessRefusedException(access.scope(), "filter through " + relation.target().typeName()
                    + " rows (" + path + "): it may read none of them; aggregates over them are open to it");
            }
            return guard.rows(m, access.scope(), parameters);
        }

        /** Refuses an identifying field of a protected row in a disclosure-controlled aggregate's filter. */
        private void identifying(NodeType<?> type, Field field, String path) {
            if (access.population() && type.identifies(field)) {
                throw new AccessRefusedException(access.scope(), "filter on `" + field.name() + "` of " + type.typeName()
                    + " (" + path + ") in an aggregate: it identifies a single row");
            }
        }

        Condition object(NodeType<?> type, Node n, Map<String, Object> where, String path) {
            Condition condition = Cypher.noCondition();
            for (Map.Entry<String, Object> entry : where.entrySet()) {
                String name = entry.getKey();
                Object value = entry.getValue();
                String at = path + "." + name;
                Condition part = switch (name) {
                    case "AND" -> list(type, n, value, at, true);
                    case "OR" -> list(type, n, value, at, false);
                    case "NOT" -> value == null ? Cypher.noCondition() : Cypher.not(object(type, n, asMap(value, at), at));
                    default -> {
                        var field = type.field(name);
                        if (field.isPresent()) {
                            identifying(type, field.get(), at);
                            yield Filters.field(field.get(), n, asMap(value, at), parameters, at);
                        }
                        Relation<?, ?, ?> relation = relations.find(type, name).orElseThrow(() -> new InvalidArgumentException(
                            at, "'" + name + "' is not a filterable field of " + type.typeName()));
                        yield related(relation, n, asMap(value, at), at);
                    }
                };
                condition = condition.and(part);
            }
            return condition;
        }

        /**
         * The top-level conjunction of {@code where} on {@code n}, with hoistable {@code some}
         * filters added to {@code patterns} (see {@link Filters#match}); {@code flags}: [may repeat rows, anchored].
         */
        Condition hoisting(NodeType<?> type, Node n, Map<String, Object> where, String path,
                List<RelationshipPattern> patterns, boolean[] flags) {
            Condition condition = Cypher.noCondition();
            for (Map.Entry<String, Object> entry : where.entrySet()) {
                String name = entry.getKey();
                String at = path + "." + name;
                if ("AND".equals(name) && entry.getValue() instanceof List<?> items && !items.isEmpty()) {
                    for (int i = 0; i < items.size(); i++) {
                        condition = condition.and(hoisting(type, n, asMap(items.get(i), at + "[" + i + "]"),
                            at + "[" + i + "]", patterns, flags));
                    }
                    continue;
                }
                var relation = relation(type, name);
                if (relation.isPresent() && entry.getValue() instanceof Map<?, ?> quantifiers
                        && quantifiers.get("some") instanceof Map<?, ?> some && hoistable(relation.get(), asMap(some, at))) {
                    condition = condition.and(hoist(relation.get(), n, asMap(some, at + ".some"), at + ".some", patterns,
                        flags));
                    Map<String, Object> rest = new java.util.LinkedHashMap<>(asMap(quantifiers, at));
                    rest.remove("some");
                    condition = condition.and(related(relation.get(), n, rest, at));
                    continue;
                }
                condition = condition.and(object(type, n, Map.of(name, entry.getValue()), path));
            }
            return condition;
        }

        /**
         * {@code MATCH (n)-[rk:T]->(mk:Target)} for a {@code some} filter, its relationship
         * properties and target filter as conditions on {@code rk} and {@code mk}, hoisting the
         * target filter's own top-level {@code some} filters in turn.
         */
        private Condition hoist(Relation<?, ?, ?> relation, Node n, Map<String, Object> where, String path,
                List<RelationshipPattern> patterns, boolean[] flags) {
            var pattern = hop(relation, n);
            Node m = (Node) pattern.getRight();
            patterns.add(pattern);
            Map<String, Object> nodeWhere = nodeWhere(relation, where);
            if (!relation.toOne() && !pinsOne(relation.target(), nodeWhere)) {
                // Several related nodes may match: the row would repeat once for each.
                flags[0] = true;
            }
            if (nodeWhere != null && nodeWhere.entrySet().stream()
                    .anyMatch(entry -> keyEquality(relation.target(), entry.getKey(), entry.getValue(), false))) {
                // The match can start from the nodes the key names.
                flags[1] = true;
            }
            Condition condition = Cypher.noCondition();
            if (!relation.edgeFields().isEmpty()) {
                Map<String, Object> edgeWhere = new java.util.LinkedHashMap<>(where);
                edgeWhere.remove("node");
                condition = edgeWhere.isEmpty() ? condition : relatedCondition(relation, pattern, m, edgeWhere, path);
            }
            Condition guard = guard(relation, m, path);
            if (guard != null) {
                condition = condition.and(guard);
            }
            String nodePath = relation.edgeFields().isEmpty() ? path : path + ".node";
            return nodeWhere == null ? condition
                : condition.and(hoisting(relation.target(), m, nodeWhere, nodePath, patterns, flags));
        }

        /**
         * Whether joining a {@code some} filter into the match can only help the planner: the
         * relation is to-one (no row repeats), or the filter pins a related node by natural key,
         * here or in a hoistable filter below it (a selective place to start from).
         */
        private boolean hoistable(Relation<?, ?, ?> relation, Map<String, Object> where) {
            return relation.toOne() || pins(relation.target(), nodeWhere(relation, where));
        }

        private boolean pins(NodeType<?> type, Map<String, Object> where) {
            if (where == null) {
                return false;
            }
            for (Map.Entry<String, Object> entry : where.entrySet()) {
                if (keyEquality(type, entry.getKey(), entry.getValue(), false)) {
                    return true;
                }
                if ("AND".equals(entry.getKey()) && entry.getValue() instanceof List<?> items) {
                    for (Object item : items) {
                        if (item instanceof Map<?, ?> map && pins(type, asMap(map, "AND"))) {
                            return true;
                        }
                    }
                }
                var relation = relation(type, entry.getKey());
                if (relation.isPresent() && entry.getValue() instanceof Map<?, ?> quantifiers
                        && quantifiers.get("some") instanceof Map<?, ?> some
                        && pins(relation.get().target(), nodeWhere(relation.get(), asMap(some, "some")))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the filter names exactly one node of the type: {@code {<key>: {eq: v}}} at its top level. */
        private static boolean pinsOne(NodeType<?> type, Map<String, Object> where) {
            return where != null && where.entrySet().stream()
                .anyMatch(entry -> keyEquality(type, entry.getKey(), entry.getValue(), true));
        }

        /** {@code <key>: {eq: v}} (or, unless {@code exactlyOne}, {@code in: [...]}) on the type's natural key. */
        private static boolean keyEquality(NodeType<?> type, String name, Object value, boolean exactlyOne) {
            var field = type.field(name);
            if (field.isEmpty() || !field.get().property().equals(type.keyProperty()) || !(value instanceof Map<?, ?> operators)) {
                return false;
            }
            return operators.get("eq") != null || (!exactlyOne && operators.get("in") != null);
        }

        /** The target's own filter within a related filter ({@code node} where the relationship has properties). */
        private static Map<String, Object> nodeWhere(Relation<?, ?, ?> relation, Map<String, Object> where) {
            if (relation.edgeFields().isEmpty()) {
                return where;
            }
            return where.get("node") instanceof Map<?, ?> node ? asMap(node, "node") : null;
        }

        /** The relationship field {@code name} of {@code type}, unless a declared field has that name. */
        private java.util.Optional<Relation<?, ?, ?>> relation(NodeType<?> type, String name) {
            return type.field(name).isPresent() ? java.util.Optional.empty() : relations.find(type, name);
        }

        /** {@code (n)-[rk:TYPE]->(mk:Target)} (or incoming), with fresh names. */
        private org.neo4j.cypherdsl.core.Relationship hop(Relation<?, ?, ?> relation, Node n) {
            int depth = ++nested;
            Node m = Cypher.node(relation.target().label()).named("m" + depth);
            return (relation.outgoing() ? n.relationshipTo(m, relation.type()) : n.relationshipFrom(m, relation.type()))
                .named("r" + depth);
        }

        private Condition list(NodeType<?> type, Node n, Object value, String path, boolean all) {
            if (value == null) {
                return Cypher.noCondition();
            }
            List<?> items = (List<?>) value;
            if (items.isEmpty()) {
                // An empty AND holds for every row; an empty OR for none, as in logic.
                return all ? Cypher.noCondition() : Cypher.literalFalse().asCondition();
            }
            Condition condition = null;
            for (int i = 0; i < items.size(); i++) {
                Condition item = object(type, n, asMap(items.get(i), path + "[" + i + "]"), path + "[" + i + "]");
                condition = condition == null ? item : all ? Logic.and(condition, item) : Logic.or(condition, item);
            }
            return condition;
        }

        /**
         * {@code some}: {@code EXISTS { (n)-[:T]->(m) WHERE c }}; {@code none}: its negation;
         * {@code all}: {@code NOT EXISTS { (n)-[:T]->(m) WHERE NOT c }}; {@code single}:
         * {@code COUNT { (n)-[:T]->(m) WHERE c } = 1}.
         */
        /**
         * A related row's condition: for a relation with relationship properties the filter is
         * {@code {node: <Target>Where, <property>: <Filter>...}}, otherwise the target's where.
         */
        private Condition relatedCondition(Relation<?, ?, ?> relation, org.neo4j.cypherdsl.core.Relationship r, Node m,
                Map<String, Object> where, String path) {
            if (relation.edgeFields().isEmpty()) {
                return object(relation.target(), m, where, path);
            }
            Condition condition = Cypher.noCondition();
            for (Map.Entry<String, Object> entry : where.entrySet()) {
                String at = path + "." + entry.getKey();
                if ("node".equals(entry.getKey())) {
                    condition = condition.and(entry.getValue() == null ? Cypher.noCondition()
                        : object(relation.target(), m, asMap(entry.getValue(), at), at));
                    continue;
                }
                Field field = relation.edgeFields().stream().filter(f -> f.name().equals(entry.getKey())).findFirst()
                    .orElseThrow(() -> new InvalidArgumentException(at, "'" + entry.getKey()
                        + "' is not a property of " + relation.name()));
                condition = condition.and(Filters.field(field, r.property(field.property()), asMap(entry.getValue(), at),
                    parameters, at));
            }
            return condition;
        }

        /** Both conditions; either may be null (none). */
        private static Condition both(Condition a, Condition b) {
            return a == null ? b : b == null ? a : Logic.and(a, b);
        }

        private static Condition exists(org.neo4j.cypherdsl.core.RelationshipPattern pattern, Condition where) {
            return where == null ? Cypher.exists(pattern) : Cypher.exists(List.of(pattern), Where.from(where));
        }

        private Condition related(Relation<?, ?, ?> relation, Node n, Map<String, Object> quantifiers, String path) {
            Condition condition = Cypher.noCondition();
            for (Map.Entry<String, Object> entry : quantifiers.entrySet()) {
                String at = path + "." + entry.getKey();
                if (entry.getValue() == null) {
                    throw new InvalidArgumentException(at, "must not be null");
                }
                var pattern = hop(relation, n);
                Node m = (Node) pattern.getRight();
                Map<String, Object> nestedWhere = asMap(entry.getValue(), at);
                // An empty filter matches every related row: the pattern alone, with no WHERE.
                Condition inner = nestedWhere.isEmpty() ? null : relatedCondition(relation, pattern, m, nestedWhere, at);
                // Only the related rows the scope may read count, for every quantifier.
                Condition guard = guard(relation, m, at);
                Condition visible = both(guard, inner);
                Condition part = switch (entry.getKey()) {
                    case "some" -> exists(pattern, visible);
                    case "none" -> Cypher.not(exists(pattern, visible));
                    case "all" -> inner == null ? Cypher.noCondition() : Cypher.not(exists(pattern, both(guard, Cypher.not(inner))));
                    case "single" -> (visible == null ? Cypher.count(pattern)
                        : Cypher.count(List.of(pattern), Where.from(visible))).isEqualTo(Cypher.literalOf(1));
                    default -> throw new InvalidArgumentException(at, "'" + entry.getKey() + "' is not a relationship filter");
                };
                condition = condition.and(part);
            }
            return condition;
        }
    }

    private static Condition field(Field field, Node n, Map<String, Object> operators, Map<String, Object> parameters,
            String path) {
        return field(field, n.property(field.property()), operators, parameters, path);
    }

    private static Condition field(Field field, Property property, Map<String, Object> operators,
            Map<String, Object> parameters, String path) {
        Condition condition = Cypher.noCondition();
        for (Map.Entry<String, Object> entry : operators.entrySet()) {
            String operator = entry.getKey();
            Object value = entry.getValue();
            String at = path + "." + operator;
            if (value == null) {
                throw new InvalidArgumentException(at, "must not be null (use isNull to match missing values)");
            }
            Condition part = switch (operator) {
                case "isNull" -> Boolean.TRUE.equals(value) ? property.isNull() : property.isNotNull();
                case "eq" -> property.isEqualTo(parameter(parameters, value));
                case "in" -> property.in(parameter(parameters, value));
                case "lt" -> ordered(field, at, property.lt(parameter(parameters, value)));
                case "lte" -> ordered(field, at, property.lte(parameter(parameters, value)));
                case "gt" -> ordered(field, at, property.gt(parameter(parameters, value)));
                case "gte" -> ordered(field, at, property.gte(parameter(parameters, value)));
                case "contains" -> text(field, at, property.contains(parameter(parameters, value)));
                case "startsWith" -> text(field, at, property.startsWith(parameter(parameters, value)));
                default -> throw new InvalidArgumentException(at, "'" + operator + "' is not a filter operator");
            };
            condition = condition.and(part);
        }
        return condition;
    }

    private static Condition ordered(Field field, String path, Condition condition) {
        if (field.kind() != Field.Kind.NUMBER && field.kind() != Field.Kind.DATE) {
            throw new InvalidArgumentException(path, "range operators apply to numbers and dates, not to " + field.name());
        }
        return condition;
    }

    private static Condition text(Field field, String path, Condition condition) {
        if (field.kind() != Field.Kind.STRING) {
            throw new InvalidArgumentException(path, "text operators apply to strings, not to " + field.name());
        }
        return condition;
    }

    private static Expression parameter(Map<String, Object> parameters, Object value) {
        int index = 0;
        while (parameters.containsKey("w" + index)) {
            index++;
        }
        String name = "w" + index;
        parameters.put(name, value);
        return Cypher.parameter(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new InvalidArgumentException(path, "expected an object");
    }
}
