package uk.gov.send.rep.hub.query;

/** One key of an {@code orderBy}: a declared field and its direction. */
public record Sort(Field field, boolean descending) {

    /** The form a cursor records, so that a cursor is only ever used with the order it came from. */
    String signature() {
        return field.name() + (descending ? ":D" : ":A");
    }
}
