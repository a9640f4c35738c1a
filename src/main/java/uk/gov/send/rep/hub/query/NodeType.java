package uk.gov.send.rep.hub.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Declares how one GraphQL type is stored: its Neo4j label, its natural-key property and how a
 * stored node's properties become the Java record GraphQL renders. Adding a type to the read
 * API is one such declaration plus its SDL.
 *
 * @param typeName the GraphQL type name (also the record's simple name, for type resolution)
 * @param label the Neo4j label
 * @param keyProperty the natural-key property, unique by constraint; connections sort on it
 * @param mapper turns a node's properties into the record
 * @param fields the scalar fields a {@code where} filter may name (the SDL's {@code <Type>Where})
 * @param guard for a protected type (children's data), how its rows belong to local areas; null
 *     for reference data every role may read (ADR 0010)
 */
public record NodeType<T>(String typeName, String label, String keyProperty,
        Function<Map<String, Object>, T> mapper, List<Field> fields, Guard guard) {

    public NodeType {
        fields = List.copyOf(fields);
    }

    /** A type of reference data, readable by every role. */
    public NodeType(String typeName, String label, String keyProperty, Function<Map<String, Object>, T> mapper,
            List<Field> fields) {
        this(typeName, label, keyProperty, mapper, fields, null);
    }

    /** This type, protected by {@code guard}: the compiler limits its rows to the request's scope. */
    public NodeType<T> protectedBy(Guard guard) {
        return new NodeType<>(typeName, label, keyProperty, mapper, fields, guard);
    }

    /**
     * Whether {@code field} identifies one row of a protected type (its natural key): it may not
     * be filtered on or grouped by in a disclosure-controlled aggregate.
     */
    public boolean identifies(Field field) {
        return guard != null && field.property().equals(keyProperty);
    }

    /**
     * Whether a row with these stored properties is protected data (a child's): the type has a
     * guard and, for a guard of linked rows, the row is a linked one. The audit log counts these.
     */
    public boolean protects(Map<String, Object> properties) {
        return guard != null && guard.covers(properties);
    }

    /** The filterable field of this GraphQL name. */
    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public T map(Map<String, Object> properties) {
        return mapper.apply(properties);
    }

    @Override
    public String toString() {
        return typeName;
    }
}
