package uk.gov.send.rep.hub.query;

/**
 * One key of an {@code orderBy}: a declared field and its direction, or the number of rows of a
 * relationship field ({@code <field>Count}, e.g. a setting's {@code placementsCount}).
 *
 * @param field the field sorted by; for a count, a numeric pseudo-field named {@code <field>Count}
 * @param descending true for {@code DESC}
 * @param counted the relationship whose rows are counted, or null to sort by a stored property
 */
public record Sort(Field field, boolean descending, Relation<?, ?, ?> counted) {

    public Sort(Field field, boolean descending) {
        this(field, descending, null);
    }

    /** A sort by the number of rows of a relationship field, named {@code <field>Count}. */
    public static Sort count(Relation<?, ?, ?> relation, boolean descending) {
        String name = relation.field() + "Count";
        return new Sort(new Field(name, name, Field.Kind.NUMBER), descending, relation);
    }

    /** The form a cursor records, so that a cursor is only ever used with the order it came from. */
    String signature() {
        return field.name() + (descending ? ":D" : ":A");
    }
}
