package uk.gov.send.rep.hub.query;

/**
 * Why an aggregate's figures are withheld (the GraphQL type {@code Suppression}).
 *
 * @param symbol the DfE symbol shown instead of the figures: {@code c}
 * @param reason {@code PRIMARY}: fewer rows than the threshold, not all of them the viewer's;
 *     {@code SECONDARY}: withheld so that a primary cell cannot be worked out from the others;
 *     {@code DEPENDENT}: an estimate computed from a suppressed cell
 * @param threshold the threshold in force
 */
public record Suppression(String symbol, String reason, int threshold) {

    /** The DfE symbol for a confidential (suppressed) figure. */
    public static final String SYMBOL = "c";

    /** A set of more than none and fewer than {@code threshold} rows, not all the viewer's. */
    public static Suppression primary(int threshold) {
        return new Suppression(SYMBOL, "PRIMARY", threshold);
    }

    /** Withheld so that a suppressed figure cannot be worked out from this one and others shown. */
    public static Suppression secondary(int threshold) {
        return new Suppression(SYMBOL, "SECONDARY", threshold);
    }

    /** An estimate computed from a suppressed cell (pilot evaluation, issue 5). */
    public static Suppression dependent(int threshold) {
        return new Suppression(SYMBOL, "DEPENDENT", threshold);
    }
}
