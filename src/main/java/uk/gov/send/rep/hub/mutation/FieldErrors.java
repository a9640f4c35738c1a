package uk.gov.send.rep.hub.mutation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Collects a mutation's field errors, in the order its checks find them. */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    /** Adds an error at the path given as names and list indexes, e.g. {@code "input", "areas", 1}. */
    public FieldErrors add(String code, String message, Object... path) {
        errors.add(new FieldError(Arrays.stream(path).map(String::valueOf).toList(), code, message));
        return this;
    }

    /** Adds {@link FieldError#REQUIRED} when the text is missing or blank; says whether it was given. */
    public boolean required(String value, Object... path) {
        if (value == null || value.isBlank()) {
            add(FieldError.REQUIRED, "A value is required", path);
            return false;
        }
        return true;
    }

    /** Adds {@link FieldError#REQUIRED} when the value (or list) is missing or empty; says whether it was given. */
    public boolean required(Object value, Object... path) {
        if (value == null || value instanceof Collection<?> list && list.isEmpty()) {
            add(FieldError.REQUIRED, value == null ? "A value is required" : "At least one value is required", path);
            return false;
        }
        return true;
    }

    /**
     * Checks each code of a list against the codes that exist: {@link FieldError#UNKNOWN_CODE} or
     * {@link FieldError#DUPLICATE} at {@code [field..., index]}.
     */
    public void eachKnown(List<String> codes, Collection<String> known, String what, Object... field) {
        if (codes == null) {
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            Object[] path = Arrays.copyOf(field, field.length + 1);
            path[field.length] = i;
            if (!known.contains(code)) {
                add(FieldError.UNKNOWN_CODE, "No " + what + " has the code '" + code + "'", path);
            }
            else if (codes.indexOf(code) < i) {
                add(FieldError.DUPLICATE, what.substring(0, 1).toUpperCase() + what.substring(1) + " '" + code
                    + "' is given twice", path);
            }
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }
}
