package uk.gov.send.rep.hub.query;

import java.util.List;
import java.util.Map;

import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Property;

/**
 * Compiles a GraphQL {@code where} argument ({@code <Type>Where}) into a Cypher-DSL condition on
 * a node. Field names are looked up in the node type's declared fields (so only declared
 * properties ever reach the Cypher text); every value becomes a parameter named {@code w0},
 * {@code w1}, ... in the given parameter map.
 */
final class Filters {

    private Filters() {
    }

    /** The condition for {@code where} on {@code n}, or {@link Cypher#noCondition()} when there is none. */
    static Condition condition(NodeType<?> type, Node n, Map<String, Object> where, Map<String, Object> parameters) {
        return where == null ? Cypher.noCondition() : object(type, n, where, parameters, "where");
    }

    private static Condition object(NodeType<?> type, Node n, Map<String, Object> where, Map<String, Object> parameters,
            String path) {
        Condition condition = Cypher.noCondition();
        for (Map.Entry<String, Object> entry : where.entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            String at = path + "." + name;
            Condition part = switch (name) {
                case "AND" -> list(type, n, value, parameters, at, true);
                case "OR" -> list(type, n, value, parameters, at, false);
                case "NOT" -> value == null ? Cypher.noCondition()
                    : Cypher.not(object(type, n, asMap(value, at), parameters, at));
                default -> field(type.field(name).orElseThrow(() -> new InvalidArgumentException(at,
                    "'" + name + "' is not a filterable field of " + type.typeName())), n, asMap(value, at), parameters, at);
            };
            condition = condition.and(part);
        }
        return condition;
    }

    private static Condition list(NodeType<?> type, Node n, Object value, Map<String, Object> parameters, String path,
            boolean all) {
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
            Condition item = object(type, n, asMap(items.get(i), path + "[" + i + "]"), parameters, path + "[" + i + "]");
            condition = condition == null ? item : all ? condition.and(item) : condition.or(item);
        }
        return condition;
    }

    private static Condition field(Field field, Node n, Map<String, Object> operators, Map<String, Object> parameters,
            String path) {
        Property property = n.property(field.property());
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
