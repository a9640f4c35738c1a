package uk.gov.send.rep.hub.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A Relay global id: the GraphQL type name and the node's natural key, as opaque base64url
 * text. Natural keys never change, so ids are stable across restarts, reloads and exports.
 */
public record GlobalId(String typeName, String key) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static String encode(String typeName, String key) {
        return ENCODER.encodeToString((typeName + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws InvalidArgumentException when the text is not an id this hub issued
     */
    public static GlobalId decode(String id) {
        String text;
        try {
            text = new String(DECODER.decode(id), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException notBase64) {
            throw new InvalidArgumentException("id", "'" + id + "' is not a global id issued by this hub");
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new InvalidArgumentException("id", "'" + id + "' is not a global id issued by this hub");
        }
        return new GlobalId(text.substring(0, colon), text.substring(colon + 1));
    }

    public String encoded() {
        return encode(typeName, key);
    }
}
