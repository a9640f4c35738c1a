package uk.gov.send.rep.hub.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.gov.send.rep.hub.query.InvalidArgumentException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Search cursors: exact round trip of the score, validation, and tied to one search. */
class SearchCursorTests {

    private static final Set<SearchType> ALL = EnumSet.allOf(SearchType.class);

    private final String fingerprint = SearchCursor.fingerprint(SearchText.parse("bradford"), ALL);

    @Test
    void shouldRoundTripScoreAndTieBreakersExactly() {
        SearchCursor cursor = new SearchCursor(1.7629387378692627, "Setting", "107258", false);

        assertThat(SearchCursor.decode(cursor.encode(fingerprint), fingerprint)).isEqualTo(cursor);
        SearchCursor typo = new SearchCursor(0.25, "LocalArea", "E08000032", true);
        assertThat(SearchCursor.decode(typo.encode(fingerprint), fingerprint)).isEqualTo(typo);
        assertThat(cursor.encode(fingerprint)).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void shouldTieTheCursorToTheTextAndTypesOfItsSearch() {
        String cursor = new SearchCursor(1.5, "LocalArea", "E08000032", false).encode(fingerprint);

        for (String other : new String[] {
                SearchCursor.fingerprint(SearchText.parse("bradfor"), ALL),
                SearchCursor.fingerprint(SearchText.parse("bradford"), EnumSet.of(SearchType.SETTING)) }) {
            assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> SearchCursor.decode(cursor, other))
                .satisfies(e -> assertThat(e.argument()).isEqualTo("after"))
                .withMessageContaining("was issued for another search");
        }
        // The same search typed differently is the same search.
        assertThat(SearchCursor.fingerprint(SearchText.parse("  BRADFORD "), EnumSet.allOf(SearchType.class)))
            .isEqualTo(fingerprint);
    }

    @Test
    void shouldRejectAnythingThisHubDidNotIssue() {
        String[] bad = { "abc", "!!!", "", encoded("search1\u001f" + fingerprint + "\u001fs\u001fNaN\u001fSetting\u001fx"),
            encoded("search1\u001f" + fingerprint + "\u001fs\u001f1.0\u001fChild\u001fx"),
            encoded("search1\u001f" + fingerprint + "\u001fs\u001f1.0\u001fSetting\u001f"),
            encoded("search1\u001f" + fingerprint + "\u001fs\u001fhigh\u001fSetting\u001fx"),
            encoded("search1\u001f" + fingerprint + "\u001fx\u001f1.0\u001fSetting\u001fx"),
            encoded("search1\u001f" + fingerprint + "\u001f1.0\u001fSetting\u001fx"),
            encoded("v1\u001f\u001fs:x"), encoded("search1\u001f" + fingerprint) };
        for (String cursor : bad) {
            assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> SearchCursor.decode(cursor, fingerprint))
                .satisfies(e -> assertThat(e.argument()).isEqualTo("after"))
                .withMessageContaining("is not a search cursor issued by this hub");
        }
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
