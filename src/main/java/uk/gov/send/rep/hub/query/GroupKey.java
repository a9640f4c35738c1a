package uk.gov.send.rep.hub.query;

/**
 * A key a connection's {@code groupBy} may group rows by: one of the type's own fields, or a field
 * of the node at the end of a to-one relationship (a plan's maintaining area, its child's primary
 * need). Its GraphQL name is the value of the type's {@code <Type>GroupKey} enum and the field of
 * {@code <Type>GroupValues} that carries the group's value.
 *
 * @param name the GraphQL name
 * @param via the to-one relationship followed to reach the field, or null for an own field
 * @param field the field whose value is the key
 */
public record GroupKey(String name, Relation<?, ?, ?> via, Field field) {

    /** Group by one of the type's own fields, under its own name. */
    public static GroupKey own(Field field) {
        return new GroupKey(field.name(), null, field);
    }

    /**
     * Group by a field of the related node, e.g. {@code via("childPrimaryNeed", PLAN_CHILD, "primaryNeed")}.
     * The relation must be declared to-one ({@link Relation#atMostOne()}).
     */
    public static GroupKey via(String name, Relation<?, ?, ?> relation, String targetField) {
        if (!relation.toOne()) {
            throw new IllegalArgumentException("Group key " + name + " follows " + relation + ", which is not to-one");
        }
        Field field = relation.target().field(targetField).orElseThrow(() -> new IllegalArgumentException(
            relation.target().typeName() + " declares no field " + targetField));
        return new GroupKey(name, relation, field);
    }

    @Override
    public String toString() {
        return name;
    }
}
