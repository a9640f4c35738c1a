package uk.gov.send.rep.hub.query;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Opaque keyset cursors. A cursor encodes the sort values of its row and the row's natural key
 * (not an offset), so the next page is a seek that stays correct when rows are inserted between
 * requests. A cursor names a position, not a direction: any cursor serves as {@code after} or
 * {@code before}. It also records the order it was made for: a cursor used with another
 * {@code orderBy} is rejected rather than silently skipping or repeating rows.
 */
public final class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String SEPARATOR = "\u001f";

    private Cursors() {
    }

    /** The cursor of a row in natural-key order. */
    public static String encode(Object key) {
        return encode(List.of(), java.util.Collections.singletonList(key));
    }

    /** The cursor of a row: its sort values, then its natural key. */
    public static String encode(List<Sort> orderBy, List<Object> values) {
        StringBuilder text = new StringBuilder("v1").append(SEPARATOR).append(signature(orderBy));
        for (Object value : values) {
            text.append(SEPARATOR).append(switch (value) {
                case null -> "0";
                case Long l -> "n:" + l;
                case Integer i -> "n:" + i;
                case Double d -> "f:" + d;
                case Float f -> "f:" + f;
                case LocalDate date -> "d:" + date;
                case Boolean b -> "b:" + b;
                default -> "s:" + value;
            });
        }
        return ENCODER.encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The natural key of a cursor made in key order. */
    public static Object decode(String cursor) {
        return decode(cursor, List.of()).getFirst();
    }

    /**
     * The values of a cursor made for this order, given as {@code after}.
     * @throws InvalidArgumentException when the cursor was not issued by this hub for this order
     */
    public static List<Object> decode(String cursor, List<Sort> orderBy) {
        return decode(cursor, orderBy, "after");
    }

    /**
     * The values of a cursor made for this order.
     * @param argument the argument that carried the cursor ({@code after} or {@code before}), named by errors
     * @throws InvalidArgumentException when the cursor was not issued by this hub for this order
     */
    public static List<Object> decode(String cursor, List<Sort> orderBy, String argument) {
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException notBase64) {
            throw malformed(cursor, argument);
        }
        String[] parts = text.split(SEPARATOR, -1);
        if (parts.length < 3 || !"v1".equals(parts[0])) {
            throw malformed(cursor, argument);
        }
        if (!parts[1].equals(signature(orderBy))) {
            throw new InvalidArgumentException(argument, "'" + cursor + "' was issued for another orderBy; "
                + "start again without " + argument + " when the order changes");
        }
        if (parts.length != orderBy.size() + 3) {
            throw malformed(cursor, argument);
        }
        List<Object> values = new ArrayList<>(parts.length - 2);
        for (int i = 2; i < parts.length; i++) {
            values.add(value(parts[i], cursor, argument));
        }
        if (values.getLast() == null) {
            throw malformed(cursor, argument);
        }
        return values;
    }

    private static Object value(String part, String cursor, String argument) {
        if (part.equals("0")) {
            return null;
        }
        if (part.length() < 2 || part.charAt(1) != ':') {
            throw malformed(cursor, argument);
        }
        String body = part.substring(2);
        try {
            return switch (part.charAt(0)) {
                case 's' -> body;
                case 'n' -> Long.parseLong(body);
                case 'f' -> Double.parseDouble(body);
                case 'd' -> LocalDate.parse(body);
                case 'b' -> Boolean.parseBoolean(body);
                default -> throw malformed(cursor, argument);
            };
        }
        catch (NumberFormatException | DateTimeParseException bad) {
            throw malformed(cursor, argument);
        }
    }

    private static String signature(List<Sort> orderBy) {
        return orderBy.stream().map(Sort::signature).collect(Collectors.joining(","));
    }

    private static InvalidArgumentException malformed(String cursor, String argument) {
        return new InvalidArgumentException(argument, "'" + cursor + "' is not a cursor issued by this hub");
    }
}
