package uk.gov.send.rep.hub.search;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.gov.send.rep.hub.query.InvalidArgumentException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** User text to Lucene: the words, the rule, and that no input is Lucene syntax. */
class SearchTextTests {

    @Test
    void shouldMatchEveryWordWithTheLastAlsoAsAPrefix() {
        assertThat(SearchText.parse("ap tier").lucene()).isEqualTo("+ap +(tier tier*)");
        assertThat(SearchText.parse("  St   Marys ").lucene()).isEqualTo("+st +(marys marys*)");
        assertThat(SearchText.parse("brad").lucene()).isEqualTo("+(brad brad*)");
    }

    @Test
    void shouldOfferATypoQueryAllowingOneTypoInWordsOfFiveOrMoreCharacters() {
        SearchText text = SearchText.parse("bradford academy");
        assertThat(text.lucene()).isEqualTo("+bradford +(academy academy*)");
        assertThat(text.typoLucene()).isEqualTo("+(bradford bradford~1) +(academy academy* academy~1)");
        assertThat(SearchText.parse("st marys").typoLucene()).isEqualTo("+st +(marys marys* marys~1)");
        // Nothing to relax: no typo query.
        assertThat(SearchText.parse("park lane").typoLucene()).isNull();
        assertThat(SearchText.parse("their park").typoLucene()).isNull();
    }

    @Test
    void shouldKeepApostrophesInsideWordsAndSplitOnEverythingElse() {
        assertThat(SearchText.parse("O'Brien (Academy)").words()).containsExactly("o'brien", "academy");
        assertThat(SearchText.parse("O\u2019Brien").words()).containsExactly("o'brien");
        assertThat(SearchText.parse("'quoted' words'").words()).containsExactly("quoted", "words");
        assertThat(SearchText.parse("Newcastle-upon-Tyne").words()).containsExactly("newcastle", "upon", "tyne");
        assertThat(SearchText.parse("name:x").words()).containsExactly("name", "x");
        assertThat(SearchText.parse("Ysgol Gymraeg Llundain, École 2").words())
            .containsExactly("ysgol", "gymraeg", "llundain", "école", "2");
    }

    @Test
    void shouldTreatOperatorsAsPlainLowerCaseWords() {
        // Lucene's operators are upper case only; lower-cased they are words (here stop words).
        assertThat(SearchText.parse("AND OR NOT").words()).containsExactly("and", "or", "not");
        assertThat(SearchText.parse("AND OR NOT").lucene()).isEqualTo("not*");
    }

    @Test
    void shouldNotRequireStopWordsButLetTheLastOneStartAWord() {
        assertThat(SearchText.parse("the school of st mary").lucene()).isEqualTo("+school +st +(mary mary*)");
        assertThat(SearchText.parse("bradford and").lucene()).isEqualTo("+bradford and*");
        assertThat(SearchText.parse("bradford and").typoLucene()).isEqualTo("+(bradford bradford~1) and*");
        assertThat(SearchText.parse("the").lucene()).isEqualTo("the*");
    }

    @ParameterizedTest
    @ValueSource(strings = { "(((", "*", "\"", "\\", "name:x", "a && b || !c", "[a TO z]", "{x}", "quill~2^10",
        "/regex/", "-quill +field", "qu?ll", "\"st marys\"", "back\\slash", "x\u0000y", "🙂 school" })
    void shouldNeverPassLuceneSyntaxThrough(String text) {
        try {
            // Every clause is one this class writes around plain words: no other syntax reaches Lucene.
            String word = "[\\p{L}\\p{N}\\p{M}']+";
            String clause = "(?:\\+" + word + "|\\+\\(" + word + "(?: " + word + "\\*)?(?: " + word + "~1)?\\)|" + word + "\\*)";
            SearchText words = SearchText.parse(text);
            assertThat(words.lucene()).matches(clause + "(?: " + clause + ")*");
            if (words.typoLucene() != null) {
                assertThat(words.typoLucene()).matches(clause + "(?: " + clause + ")*");
            }
        }
        catch (InvalidArgumentException rejected) {
            assertThat(rejected.argument()).isEqualTo("text");
        }
    }

    @Test
    void shouldEscapeEveryLuceneSpecialCharacter() {
        assertThat(SearchText.escape("a+b-c!d(e)f:g^h[i]j\"k{l}m~n*o?p|q&r/s\\t u"))
            .isEqualTo("a\\+b\\-c\\!d\\(e\\)f\\:g\\^h\\[i\\]j\\\"k\\{l\\}m\\~n\\*o\\?p\\|q\\&r\\/s\\\\t\\ u");
    }

    @Test
    void shouldRejectBlankTextSayingWhere() {
        for (String blank : List.of("", "   ", "\t\n")) {
            assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> SearchText.parse(blank))
                .satisfies(e -> assertThat(e.argument()).isEqualTo("text"))
                .withMessageContaining("was blank");
        }
    }

    @Test
    void shouldRejectTextWithoutLettersOrDigits() {
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> SearchText.parse("((( *** )))"))
            .satisfies(e -> assertThat(e.argument()).isEqualTo("text"))
            .withMessage("Invalid argument 'text': must contain a letter or digit to search for, was '((( *** )))'");
    }

    @Test
    void shouldRejectTextOverTheLengthAndWordLimits() {
        assertThat(SearchText.parse("a".repeat(SearchText.MAX_LENGTH)).words()).hasSize(1);
        assertThatExceptionOfType(InvalidArgumentException.class)
            .isThrownBy(() -> SearchText.parse("a".repeat(10_000)))
            .withMessage("Invalid argument 'text': must be at most 200 characters, was 10000");
        assertThatExceptionOfType(InvalidArgumentException.class)
            .isThrownBy(() -> SearchText.parse("w ".repeat(SearchText.MAX_WORDS + 1)))
            .withMessage("Invalid argument 'text': must have at most 16 words, had 17");
    }
}
