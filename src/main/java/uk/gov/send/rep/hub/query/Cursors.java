package uk.gov.send.rep.hub.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursors. A cursor encodes the sort key of its row (not an offset), so the next
 * page is a range seek on an index and stays correct when rows are inserted between requests.
 */
public final class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursors() {
    }

    public static String encode(Object key) {
        String text = key instanceof Number number ? "n:" + number : "s:" + key;
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws InvalidArgumentException when the cursor was not issued by this hub
     */
    public static Object decode(String cursor) {
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException notBase64) {
            throw malformed(cursor);
        }
        if (text.startsWith("s:")) {
            return text.substring(2);
        }
        if (text.startsWith("n:")) {
            try {
                return Long.parseLong(text.substring(2));
            }
            catch (NumberFormatException notNumber) {
                throw malformed(cursor);
            }
        }
        throw malformed(cursor);
    }

    private static InvalidArgumentException malformed(String cursor) {
        return new InvalidArgumentException("after", "'" + cursor + "' is not a cursor issued by this hub");
    }
}
