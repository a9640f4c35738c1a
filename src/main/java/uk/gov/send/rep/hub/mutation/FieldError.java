package uk.gov.send.rep.hub.mutation;

import java.util.List;

/**
 * One thing wrong with a mutation's input, for a form to show beside the field: the path into
 * the arguments (e.g. {@code ["input", "interventionAreas", "1"]}), a stable code and a message.
 *
 * @param field path from the argument's name through input fields and list indexes
 * @param code what is wrong, one of the constants of this record
 * @param message what is wrong, in words, naming the value
 */
public record FieldError(List<String> field, String code, String message) {

    /** A value is needed and none (or only blanks, or an empty list) was given. */
    public static final String REQUIRED = "REQUIRED";
    /** A code or reference names nothing in the graph. */
    public static final String UNKNOWN_CODE = "UNKNOWN_CODE";
    /** A value is malformed (e.g. a code with characters a code may not have). */
    public static final String INVALID_FORMAT = "INVALID_FORMAT";
    /** A date is before a date it must follow, or outside the dates it must lie within. */
    public static final String DATE_ORDER = "DATE_ORDER";
    /** A number or a text's length is outside what is allowed. */
    public static final String OUT_OF_RANGE = "OUT_OF_RANGE";
    /** An area or a child does not belong to the arm it is given for. */
    public static final String ARM_MISMATCH = "ARM_MISMATCH";
    /** A measure is given for a subject or period it is not measured for. */
    public static final String LEVEL_MISMATCH = "LEVEL_MISMATCH";
    /** The thing to create exists already, or a value is given twice. */
    public static final String DUPLICATE = "DUPLICATE";
    /** The thing to change does not exist. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** The caller's scope does not cover what this value names: nothing was changed. */
    public static final String FORBIDDEN_SCOPE = "FORBIDDEN_SCOPE";
    /** The idempotency key was used before with a different input. */
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";

    public FieldError {
        field = List.copyOf(field);
    }
}
