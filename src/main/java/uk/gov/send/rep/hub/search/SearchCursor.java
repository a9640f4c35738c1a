package uk.gov.send.rep.hub.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import uk.gov.send.rep.hub.query.InvalidArgumentException;

/**
 * The keyset cursor of a search hit: its score, then the tie-breakers label and natural key, the
 * same three values the search orders by, and whether the search had fallen back to typo
 * matching, so that every page of a search runs the query its first page ran. It also carries a
 * fingerprint of the search it came from (its words and types), so a cursor passed with other
 * text or types is rejected rather than silently skipping or repeating hits. Opaque to clients:
 * base64url text.
 *
 * @param score the hit's relevance score
 * @param label the hit's label (first tie-breaker)
 * @param key the hit's natural key (second tie-breaker)
 * @param approximate whether the hit came from the typo-tolerant query
 */
record SearchCursor(double score, String label, String key, boolean approximate) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String VERSION = "search1";
    private static final String SEPARATOR = "\u001f";

    /** The fingerprint of a search: which words, over which types. */
    static String fingerprint(SearchText text, Collection<SearchType> types) {
        String search = String.join(" ", text.words()) + SEPARATOR
            + types.stream().map(SearchType::name).sorted().collect(Collectors.joining(","));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(search.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }

    String encode(String fingerprint) {
        String text = String.join(SEPARATOR, VERSION, fingerprint, approximate ? "t" : "s", Double.toString(score), label, key);
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a client passed as {@code after}.
     * @throws InvalidArgumentException (argument {@code after}) when it is not a search cursor
     *     issued by this hub, or was issued for another search
     */
    static SearchCursor decode(String cursor, String fingerprint) {
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException notBase64) {
            throw malformed(cursor);
        }
        String[] parts = text.split(SEPARATOR, 6);
        if (parts.length != 6 || !VERSION.equals(parts[0]) || !List.of("t", "s").contains(parts[2])) {
            throw malformed(cursor);
        }
        if (!parts[1].equals(fingerprint)) {
            throw new InvalidArgumentException("after", "'" + cursor + "' was issued for another search "
                + "(other text or types); start again without after when the search changes");
        }
        double score;
        try {
            score = Double.parseDouble(parts[3]);
        }
        catch (NumberFormatException notNumber) {
            throw malformed(cursor);
        }
        if (!Double.isFinite(score) || SearchType.byLabel(parts[4]) == null || parts[5].isEmpty()) {
            throw malformed(cursor);
        }
        return new SearchCursor(score, parts[4], parts[5], "t".equals(parts[2]));
    }

    /** The cursor as the statement's {@code $after} parameter. */
    Map<String, Object> parameter() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("score", score);
        after.put("label", label);
        after.put("key", key);
        return after;
    }

    static InvalidArgumentException malformed(String cursor) {
        return new InvalidArgumentException("after", "'" + cursor + "' is not a search cursor issued by this hub");
    }
}
