package uk.gov.send.rep.hub.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import uk.gov.send.rep.hub.query.InvalidArgumentException;

/**
 * What a user typed, as words, and the Lucene query those words mean. The rule (also in the
 * schema's description of {@code search} and in the README):
 * <ul>
 * <li>words are the runs of letters and digits in the text (an apostrophe inside a word stays:
 *     {@code O'Brien}); everything else only separates words, so no input is Lucene syntax;</li>
 * <li>every word must match a word of the name (AND), ignoring case and English word endings as
 *     the index's {@code english} analyzer does (academy/academies, Mary's/Marys);</li>
 * <li>the last word also matches as the start of a word (type-ahead: {@code brad} finds
 *     Bradford);</li>
 * <li>English stop words (the, of, and, ...), which the index leaves out, are not required; typed
 *     last, one may still start a longer word ({@code the} finds Theatre) but never excludes
 *     a name ({@code bradford and} still finds Bradford and Keighley);</li>
 * <li>only when that finds nothing: a word of {@value #FUZZY_MIN_LENGTH} or more characters
 *     also matches with one typo (one letter added, missing, changed or two swapped).</li>
 * </ul>
 * Each word reaches Lucene escaped and lower-cased (so {@code AND}, {@code OR}, {@code NOT} are
 * plain words, not operators); the query string goes to Neo4j as a parameter.
 *
 * @param words the words, lower-cased, at least one
 */
record SearchText(List<String> words) {

    /** Longest text accepted, in characters. */
    static final int MAX_LENGTH = 200;

    /** Most words accepted. */
    static final int MAX_WORDS = 16;

    /** Words at least this long also match with one typo. */
    static final int FUZZY_MIN_LENGTH = 5;

    /**
     * The stop words of the {@code english} analyzer (Lucene's English stop set), which the index
     * does not hold; {@code NameSearchIndexTests} checks this list against the database's.
     */
    static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for",
        "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
        "there", "these", "they", "this", "to", "was", "will", "with");

    private static final String LUCENE_SPECIALS = "\\+-!():^[]\"{}~*?|&/";

    SearchText {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("A search needs at least one word");
        }
    }

    /**
     * The words of what a user typed.
     * @throws InvalidArgumentException (argument {@code text}) when the text is blank, too long,
     *     has no letter or digit, or too many words
     */
    static SearchText parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidArgumentException("text", "must contain a word to search for, was blank");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw new InvalidArgumentException("text", "must be at most " + MAX_LENGTH + " characters, was " + length);
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC)
            .replace('\u2019', '\'').replace('\u2018', '\'')
            .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        normal.codePoints().forEach(c -> {
            if (isWordCharacter(c) || c == '\'') {
                word.appendCodePoint(c);
            }
            else {
                addWord(words, word);
            }
        });
        addWord(words, word);
        if (words.isEmpty()) {
            throw new InvalidArgumentException("text", "must contain a letter or digit to search for, was '" + text + "'");
        }
        if (words.size() > MAX_WORDS) {
            throw new InvalidArgumentException("text", "must have at most " + MAX_WORDS + " words, had " + words.size());
        }
        return new SearchText(words);
    }

    /**
     * The Lucene query for the words as typed: {@code +word} for every word but the last, and
     * {@code +(last last*)} for the last. A stop word is left out or, typed last, is only the
     * optional prefix {@code last*}.
     */
    String lucene() {
        return lucene(false);
    }

    /**
     * The same query allowing one typo in each word of {@value #FUZZY_MIN_LENGTH} or more
     * characters ({@code +(word word~1)}, {@code +(last last* last~1)}), or null when no word is
     * that long. The search falls back to it only when {@link #lucene()} finds nothing, so a typo
     * match never outranks a real one.
     */
    String typoLucene() {
        return words.stream().anyMatch(SearchText::allowsTypo) ? lucene(true) : null;
    }

    private String lucene(boolean typos) {
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String escaped = escape(word);
            boolean last = i == words.size() - 1;
            if (STOP_WORDS.contains(word)) {
                if (last) {
                    clauses.add(escaped + "*");
                }
                continue;
            }
            List<String> alternatives = new ArrayList<>(List.of(escaped));
            if (last) {
                alternatives.add(escaped + "*");
            }
            if (typos && allowsTypo(word)) {
                alternatives.add(escaped + "~1");
            }
            clauses.add(alternatives.size() == 1 ? "+" + escaped : "+(" + String.join(" ", alternatives) + ")");
        }
        return String.join(" ", clauses);
    }

    private static boolean allowsTypo(String word) {
        return !STOP_WORDS.contains(word) && word.codePointCount(0, word.length()) >= FUZZY_MIN_LENGTH;
    }

    /**
     * Escapes every character the Lucene classic query parser treats as syntax, and whitespace.
     * Words hold only letters, digits and apostrophes, so this is a second line of defence.
     */
    static String escape(String word) {
        StringBuilder escaped = new StringBuilder(word.length());
        word.codePoints().forEach(c -> {
            if (LUCENE_SPECIALS.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                escaped.append('\\');
            }
            escaped.appendCodePoint(c);
        });
        return escaped.toString();
    }

    private static boolean isWordCharacter(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static void addWord(List<String> words, StringBuilder word) {
        int start = 0;
        int end = word.length();
        while (start < end && word.charAt(start) == '\'') {
            start++;
        }
        while (end > start && word.charAt(end - 1) == '\'') {
            end--;
        }
        if (start < end) {
            words.add(word.substring(start, end));
        }
        word.setLength(0);
    }
}
