package uk.gov.send.rep.hub.search;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;

import uk.gov.send.rep.hub.query.ConnectionQueries.CypherQuery;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/** The index migration V004 creates, and the shape of the one statement a search sends. */
class NameSearchIndexTests {

    @Test
    void shouldIndexTheNamesOfEverySearchTypeWithTheEnglishAnalyzerConsistently() {
        List<Record> indexes = TestGraph.run("""
            SHOW FULLTEXT INDEXES YIELD name, entityType, labelsOrTypes, properties, options, state
            WHERE name = $name RETURN *""", Map.of("name", SearchRepository.INDEX));

        assertThat(indexes).hasSize(1);
        Record index = indexes.getFirst();
        assertThat(index.get("entityType").asString()).isEqualTo("NODE");
        assertThat(index.get("labelsOrTypes").asList(v -> v.asString())).containsExactlyInAnyOrderElementsOf(
            Arrays.stream(SearchType.values()).map(SearchType::label).toList());
        assertThat(index.get("properties").asList(v -> v.asString())).containsExactly("name");
        assertThat(index.get("state").asString()).isEqualTo("ONLINE");
        Map<String, Object> config = index.get("options").get("indexConfig").asMap();
        assertThat(config).containsEntry("fulltext.analyzer", "english")
            .containsEntry("fulltext.eventually_consistent", false);
    }

    @Test
    void shouldKnowTheStopWordsTheIndexLeavesOut() {
        List<String> stopWords = TestGraph.run("""
            CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords
            WHERE analyzer = 'english' RETURN stopwords""").getFirst().get("stopwords").asList(v -> v.asString());

        assertThat(SearchText.STOP_WORDS).containsExactlyInAnyOrderElementsOf(stopWords);
    }

    @Test
    void shouldSendTheSameStatementWhateverTheUserTyped() {
        CypherQuery plain = SearchRepository.query(SearchText.parse("bradford"), EnumSet.allOf(SearchType.class), 20, null, false);
        CypherQuery hostile = SearchRepository.query(SearchText.parse("' }) MATCH (n) DETACH DELETE n //"),
            EnumSet.of(SearchType.SETTING), 5, null, false);

        assertThat(hostile.cypher()).isEqualTo(plain.cypher()).startsWith("CYPHER 5\n")
            .doesNotContain("bradford").doesNotContain("DELETE");
        assertThat(hostile.parameters()).containsEntry("query", "+match +n +detach +delete +(n n*)")
            .containsEntry("typoQuery", "+(match match~1) +n +(detach detach~1) +(delete delete~1) +(n n*)")
            .containsEntry("labels", List.of("Setting")).containsEntry("limit", 6);

        CypherQuery next = SearchRepository.query(SearchText.parse("' }) MATCH (n) DETACH DELETE n //"),
            EnumSet.of(SearchType.SETTING), 5, new SearchCursor(1.5, "Setting", "x' OR 1=1", true), false);
        assertThat(next.cypher()).doesNotContain("DELETE").doesNotContain("x'");
        assertThat(next.parameters())
            .containsEntry("query", "+(match match~1) +n +(detach detach~1) +(delete delete~1) +(n n*)")
            .containsEntry("approximate", true)
            .containsEntry("after", Map.of("score", 1.5, "label", "Setting", "key", "x' OR 1=1"));
    }

    @Test
    void shouldProbeOnlyOnFirstPagesAndCountInTheSameStatement() {
        SearchText words = SearchText.parse("bradford");
        SearchCursor after = new SearchCursor(1.0, "Setting", "100000", false);
        // Index lookups per statement: page, plus the typo probe on a first page, plus the count.
        assertThat(lookups(SearchRepository.query(words, EnumSet.allOf(SearchType.class), 20, null, false))).isEqualTo(2);
        assertThat(lookups(SearchRepository.query(words, EnumSet.allOf(SearchType.class), 20, null, true))).isEqualTo(3);
        assertThat(lookups(SearchRepository.query(words, EnumSet.allOf(SearchType.class), 20, after, false))).isEqualTo(1);
        assertThat(lookups(SearchRepository.query(words, EnumSet.allOf(SearchType.class), 20, after, true))).isEqualTo(2);
        assertThat(lookups(SearchRepository.query(SearchText.parse("ap tier"), EnumSet.allOf(SearchType.class), 20, null, true)))
            .isEqualTo(2);
    }

    @Test
    void shouldRunEveryStatementShapeAsOneStatement() {
        SearchText words = SearchText.parse("bradford");
        SearchCursor after = new SearchCursor(100.0, "Setting", "100000", false);
        for (CypherQuery query : List.of(
                SearchRepository.query(words, EnumSet.allOf(SearchType.class), 20, null, false),
                SearchRepository.query(words, EnumSet.allOf(SearchType.class), 20, null, true),
                SearchRepository.query(words, EnumSet.of(SearchType.REFORM), 20, after, false),
                SearchRepository.query(SearchText.parse("ap"), EnumSet.allOf(SearchType.class), 20, after, true))) {
            List<Record> rows = TestGraph.run(query.cypher(), query.parameters());
            assertThat(rows).as(query.cypher()).hasSize(1);
            assertThat(rows.getFirst().keys()).contains("hits", "approximate");
        }
    }

    private static int lookups(CypherQuery query) {
        return query.cypher().split("db.index.fulltext.queryNodes", -1).length - 1;
    }
}
