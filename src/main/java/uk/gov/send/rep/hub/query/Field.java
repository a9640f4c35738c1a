package uk.gov.send.rep.hub.query;

/**
 * A scalar field of a node type that clients may filter on: its GraphQL name, the stored property
 * and its kind, which decides the operators its {@code where} filter offers.
 */
public record Field(String name, String property, Kind kind, boolean required) {

    public Field(String name, String property, Kind kind) {
        this(name, property, kind, false);
    }

    /**
     * This field, declared present on every node (docs/model.md lists it without "or null"). The
     * compiler then lets an index give a sorted page's order: {@code n.field IS NOT NULL} on the
     * first sort key and a range seek from the cursor. A missing value would drop the row from
     * sorted pages, so only declare what the data contract (and every writer) guarantees.
     */
    public Field mandatory() {
        return new Field(name, property, kind, true);
    }

    /** The kinds of filterable field, each with its GraphQL filter input. */
    public enum Kind {
        /** {@code StringFilter}: eq, in, contains, startsWith, isNull. */
        STRING,
        /** {@code IntFilter} or {@code FloatFilter}: eq, in, lt, lte, gt, gte, isNull. */
        NUMBER,
        /** {@code DateFilter}: eq, in, lt, lte, gt, gte, isNull. */
        DATE,
        /** An enum's filter input: eq, in, isNull. */
        ENUM,
        /** {@code BooleanFilter}: eq, isNull. */
        BOOLEAN
    }

    public static Field string(String name) {
        return new Field(name, name, Kind.STRING);
    }

    public static Field number(String name) {
        return new Field(name, name, Kind.NUMBER);
    }

    public static Field date(String name) {
        return new Field(name, name, Kind.DATE);
    }

    public static Field enumeration(String name) {
        return new Field(name, name, Kind.ENUM);
    }

    public static Field bool(String name) {
        return new Field(name, name, Kind.BOOLEAN);
    }
}
