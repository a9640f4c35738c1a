package uk.gov.send.rep.hub.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.query.GlobalId;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Query.search} over HTTP on the real index: ranking, type restriction, prefix and typo
 * matching, keyset paging compared hit by hit with {@code db.index.fulltext.queryNodes} called
 * directly, hostile input, and one statement per search field. Fixture names use made-up words
 * (quillfield, marrowby) that no reference or demo name contains.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class SearchIntegrationTests {

    /** One search hit as the tests compare it. */
    record Hit(String type, String key, double score) {
    }

    @Autowired
    HttpGraphQlTester http;

    @Autowired
    CypherStatementCounter statements;

    @BeforeAll
    static void fixture() {
        TestGraph.run("""
            UNWIND $settings AS s
            CREATE (:Setting {ref: s[0], name: s[1], kind: 'MAINSTREAM', phase: 'PRIMARY', resourcedProvision: false})""",
            Map.of("settings", List.of(
                List.of("TST-SR-S01", "Quillfield"),
                List.of("TST-SR-S02", "Quillfield Academy"),
                List.of("TST-SR-S03", "Quillfield Park Primary School"),
                List.of("TST-SR-S04", "St Mary's Quillfield Catholic School"),
                List.of("TST-SR-S05", "O'Brien (Quillfield) Academy"),
                List.of("TST-SR-S06", "Quillfieldian Studio School"))));
        // Forty settings in four groups of equal names: equal scores, ordered by key.
        TestGraph.run("""
            UNWIND range(10, 49) AS i
            CREATE (:Setting {ref: 'TST-SR-S' + i, name: 'Quillfield ' + ['North', 'South', 'East', 'West'][i % 4] + ' School',
                kind: 'SPECIAL', phase: 'SECONDARY', resourcedProvision: false})""");
        TestGraph.run("""
            CREATE (:LocalArea {code: 'TST-SR-A1', dfeCode: 'TST-SR-A1', name: 'Quillfield'})
            CREATE (:Partnership {code: 'TST-SR-P1', name: 'Quillfield and Marrowby Partnership'})
            CREATE (:Pilot {code: 'TST-SR-PL1', name: 'Quillfield AP Tier Pilot', start: date('2024-09-01'),
                end: date('2026-08-31'), status: 'ACTIVE'})
            CREATE (:Reform {code: 'TST-SR-R1', name: 'Marrowby Tiered Reform', strand: 'Test', description: 'Test'})
            CREATE (:Reform {code: 'TST-SR-R2', name: 'Quilfield Standards Reform', strand: 'Test', description: 'Spelt with one l'})""");
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    private GraphQlTester graphQl() {
        return http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    private GraphQlTester.Response search(String text, List<String> types, Integer first, String after) {
        return graphQl().documentName("search").variable("text", text).variable("types", types)
            .variable("first", first).variable("after", after).execute();
    }

    private List<Hit> hits(GraphQlTester.Response response) {
        List<Map<String, Object>> edges = response.errors().verify().path("search.edges")
            .entity(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() { }).get();
        return edges.stream().map(SearchIntegrationTests::hit).toList();
    }

    @SuppressWarnings("unchecked")
    private static Hit hit(Map<String, Object> edge) {
        Map<String, Object> node = (Map<String, Object>) edge.get("node");
        return new Hit((String) node.get("__typename"), (String) node.get("key"), ((Number) edge.get("score")).doubleValue());
    }

    private List<String> names(String text, List<String> types) {
        return search(text, types, 100, null).errors().verify().path("search.edges[*].node.name")
            .entityList(String.class).get();
    }

    /** The hits straight from the index for a hand-written Lucene query, in the order search promises. */
    private static List<Hit> truth(String lucene, List<String> labels) {
        return TestGraph.run("""
            CALL db.index.fulltext.queryNodes('name_search', $lucene) YIELD node, score
            WITH node, score, CASE WHEN node:Setting THEN 'Setting' WHEN node:LocalArea THEN 'LocalArea'
              WHEN node:Partnership THEN 'Partnership' WHEN node:Pilot THEN 'Pilot' WHEN node:Reform THEN 'Reform' END AS label
            WHERE label IN $labels
            RETURN label, CASE label WHEN 'Setting' THEN node.ref ELSE node.code END AS key, score
            ORDER BY score DESC, label, key""", Map.of("lucene", lucene, "labels", labels))
            .stream().map(r -> new Hit(r.get("label").asString(), r.get("key").asString(), r.get("score").asDouble()))
            .toList();
    }

    private static final List<String> ALL_LABELS = List.of("Setting", "LocalArea", "Partnership", "Pilot", "Reform");

    /** Follows endCursor from the first page to the last. */
    private List<Hit> walk(String text, List<String> types, int first, int[] pages) {
        List<Hit> all = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = search(text, types, first, after);
            List<Hit> hits = hits(page);
            assertThat(hits).hasSizeLessThanOrEqualTo(first);
            all.addAll(hits);
            more = page.path("search.pageInfo.hasNextPage").entity(Boolean.class).get();
            page.path("search.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            after = page.path("search.pageInfo.endCursor").entity(String.class).get();
            pages[0]++;
            assertThat(pages[0]).as("pages").isLessThan(100);
        }
        return all;
    }

    @Test
    void shouldRankAnExactNameAbovePartialMatches() {
        List<Hit> top = hits(search("quillfield", null, 4, null));

        // The two names that are exactly the word tie, and the type name breaks the tie.
        assertThat(top.subList(0, 2)).extracting(Hit::type, Hit::key)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("LocalArea", "TST-SR-A1"),
                org.assertj.core.groups.Tuple.tuple("Setting", "TST-SR-S01"));
        assertThat(top.get(0).score()).isEqualTo(top.get(1).score()).isGreaterThan(top.get(2).score());
        assertThat(names("quillfield academy", List.of("SETTING")))
            .startsWith("Quillfield Academy", "O'Brien (Quillfield) Academy");
        // A prefix-only match ("Quillfieldian") comes after every whole-word match.
        assertThat(names("quillfield", List.of("SETTING"))).hasSize(46).endsWith("Quillfieldian Studio School");
    }

    @Test
    void shouldRestrictToTheGivenTypes() {
        assertThat(hits(search("marrowby", List.of("PARTNERSHIP", "REFORM"), 10, null)))
            .extracting(Hit::type, Hit::key).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Partnership", "TST-SR-P1"),
                org.assertj.core.groups.Tuple.tuple("Reform", "TST-SR-R1"));
        assertThat(hits(search("quillfield", List.of("PILOT", "LOCAL_AREA"), 10, null)))
            .extracting(Hit::type).containsExactly("LocalArea", "Pilot");
        search("quillfield", List.of(), 10, null).errors().verify()
            .path("search.totalCount").entity(Integer.class).isEqualTo(0)
            .path("search.approximate").entity(Boolean.class).isEqualTo(false)
            .path("search.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldMatchTheLastWordAsAPrefixAndEveryWordInFull() {
        assertThat(names("quillfield marrow", null)).containsExactly("Quillfield and Marrowby Partnership");
        // Only the last word is a prefix.
        assertThat(names("marrow quillfield", null)).isEmpty();
        assertThat(names("quillfield prim", null)).containsExactly("Quillfield Park Primary School");
        // A stop word typed last requires nothing: the partnership's "and" is not in the index.
        assertThat(names("quillfield and", List.of("PARTNERSHIP"))).containsExactly("Quillfield and Marrowby Partnership");
        assertThat(names("ap tier quillfield", null)).containsExactly("Quillfield AP Tier Pilot");
    }

    @Test
    void shouldIgnoreCaseWordEndingsPunctuationAndStopWords() {
        assertThat(names("ST MARYS quillfield", null)).containsExactly("St Mary's Quillfield Catholic School");
        assertThat(names("O'Brien (Quillfield)", null)).containsExactly("O'Brien (Quillfield) Academy");
        assertThat(names("quillfield academies", null)).containsExactlyInAnyOrder("Quillfield Academy", "O'Brien (Quillfield) Academy");
        assertThat(names("the quillfield of marrowby", null)).containsExactly("Quillfield and Marrowby Partnership");
    }

    @Test
    void shouldFallBackToOneTypoInALongWordOnlyWhenNothingMatchesAsTyped() {
        List<String> typo = names("quilfield", List.of("SETTING", "LOCAL_AREA"));
        assertThat(typo).hasSize(46).startsWith("Quillfield", "Quillfield").doesNotContain("Quillfieldian Studio School");
        search("quilfield", List.of("SETTING", "LOCAL_AREA"), 5, null).path("search.approximate").entity(Boolean.class).isEqualTo(true);
        // Whether to fall back is decided for the types searched: over all types a reform matches as typed.
        assertThat(names("quilfield", null)).containsExactly("Quilfield Standards Reform");
        search("quilfield", null, 5, null).path("search.approximate").entity(Boolean.class).isEqualTo(false);
        assertThat(names("quilfield marrowby", null)).containsExactly("Quillfield and Marrowby Partnership");
        assertThat(names("qilfeld", null)).as("two typos").isEmpty();
        // "marrow" is one letter from a real place name (Harrow), but it starts Marrowby: no fallback.
        assertThat(names("marrow", null)).containsExactlyInAnyOrder("Quillfield and Marrowby Partnership", "Marrowby Tiered Reform");
        search("marrow", null, 5, null).path("search.approximate").entity(Boolean.class).isEqualTo(false);
        assertThat(names("quillfeld tier", List.of("PILOT"))).containsExactly("Quillfield AP Tier Pilot");
    }

    @Test
    void shouldWalkEveryHitOnceInScoreOrderAsTheIndexRanksThem() {
        int[] pages = { 0 };
        List<Hit> walked = walk("Quillfield", null, 7, pages);
        List<Hit> truth = truth("+(quillfield quillfield*)", ALL_LABELS);

        assertThat(truth).hasSizeGreaterThanOrEqualTo(49);
        assertThat(walked).isEqualTo(truth);
        assertThat(new HashSet<>(walked)).hasSameSizeAs(walked);
        assertThat(pages[0]).isEqualTo((truth.size() + 6) / 7);
        search("Quillfield", null, 7, null).path("search.totalCount").entity(Integer.class).isEqualTo(truth.size());

        // Two words, settings only: groups of equal scores cross page boundaries.
        pages[0] = 0;
        List<Hit> settings = walk("quillfield school", List.of("SETTING"), 3, pages);
        assertThat(settings).isEqualTo(truth("+quillfield +(school school*)", List.of("Setting")))
            .hasSizeGreaterThanOrEqualTo(42);
        assertThat(settings.stream().map(Hit::score).distinct().count()).isLessThan(settings.size());

        // Typo fallback: every page keeps to the typo-tolerant query the first page chose.
        pages[0] = 0;
        List<Hit> typos = walk("quilfield schol", List.of("SETTING", "LOCAL_AREA"), 4, pages);
        assertThat(typos).isEqualTo(truth("+(quilfield quilfield~1) +(schol schol* schol~1)", List.of("Setting", "LocalArea")))
            .hasSizeGreaterThanOrEqualTo(42);
    }

    @Test
    void shouldAnswerHostileInputWithResultsOrAClearErrorNeverAnInternalOne() {
        List<String> hostile = List.of("(((", ")))", "AND OR NOT", "*", "?", "name:x", "name:quillfield", "\"", "\"quillfield",
            "\"quillfield\"", "'", "\\", "quillfield\\", "\\\\quillfield", "+quillfield", "-quillfield", "!quillfield",
            "quillfield~", "quillfield^10", "quillfield*", "[a TO z]", "{a TO z}", "a && b || c", "/quill.*/",
            "quill?field", "~", "^", ":", "&&", "||", "NOT", "x".repeat(200), "x ".repeat(16), "x".repeat(201),
            "quillfield ".repeat(40), "a".repeat(100_000), "\u0000", "quill\u0000field", "🙂", "\t\n", "", "   ",
            "ＱＵＩＬＬＦＩＥＬＤ", "<script>alert(1)</script>", "'; DROP INDEX name_search; //", "$query", "%s");
        for (String text : hostile) {
            GraphQlTester.Response response = search(text, null, 5, null);
            response.errors().satisfy(errors -> {
                for (ResponseError error : errors) {
                    assertThat(error.getErrorType()).as("error type for %.40s", text).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getExtensions()).as("argument for %.40s", text).containsEntry("argument", "text");
                    assertThat(error.getMessage()).startsWith("Invalid argument 'text': must");
                }
            });
        }
        // Syntax around a word is ignored, not obeyed: the word is still found.
        for (String text : List.of("+quillfield", "-quillfield", "\"quillfield\"", "quillfield~", "quillfield*",
                "(quillfield)", "quillfield AND", "'quillfield'")) {
            assertThat(names(text, List.of("LOCAL_AREA"))).as(text).containsExactly("Quillfield");
        }
    }

    @Test
    void shouldRejectBadArgumentsAsBadRequestsNamingTheArgument() {
        String cursor = search("quillfield", null, 2, null).path("search.pageInfo.endCursor").entity(String.class).get();

        badRequest(search("   ", null, 5, null), "text", "must contain a word to search for, was blank");
        badRequest(search("q".repeat(201), null, 5, null), "text", "must be at most 200 characters, was 201");
        badRequest(search("((( )))", null, 5, null), "text", "must contain a letter or digit");
        badRequest(search("quillfield", null, 101, null), "first", "must be at most 100");
        badRequest(search("quillfield", null, -1, null), "first", "must not be negative");
        badRequest(search("quillfield", null, 5, "not-a-cursor"), "after", "is not a search cursor issued by this hub");
        // A cursor of another connection is not a search cursor.
        badRequest(search("quillfield", null, 5, uk.gov.send.rep.hub.query.Cursors.encode("TST-SR-S01")), "after",
            "is not a search cursor issued by this hub");
        badRequest(search("quillfield academy", null, 5, cursor), "after", "was issued for another search");
        badRequest(search("quillfield", List.of("SETTING"), 5, cursor), "after", "was issued for another search");
        hits(search("QUILLFIELD", null, 5, cursor));
    }

    private static void badRequest(GraphQlTester.Response response, String argument, String message) {
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(errors.getFirst().getExtensions()).containsEntry("argument", argument);
            assertThat(errors.getFirst().getMessage()).startsWith("Invalid argument '" + argument + "'").contains(message);
            assertThat(errors.getFirst().getPath()).isEqualTo("search");
        });
    }

    @Test
    void shouldCostOneStatementPerSearchField() {
        search("quillfield", null, 5, null).errors().verify(); // warm-up
        long before = statements.count();
        search("quillfield", null, 50, null).errors().verify();
        assertThat(statements.count() - before).as("one search with totalCount").isEqualTo(1);

        before = statements.count();
        graphQl().document("{ search(text: \"quillfield school\", first: 100) { edges { score node { name } } } }")
            .execute().errors().verify();
        assertThat(statements.count() - before).as("one search without totalCount").isEqualTo(1);

        before = statements.count();
        graphQl().document("""
                { a: search(text: "quillfield", first: 20) { totalCount edges { node { id } } }
                  b: search(text: "marrowby", types: [REFORM], first: 20) { edges { node { name } } } }""")
            .execute().errors().verify();
        assertThat(statements.count() - before).as("two searches").isEqualTo(2);
    }

    @Test
    void shouldResolveEveryTypeWithInlineFragments() {
        graphQl().document("""
                { search(text: "quillfield marrowby", first: 5) { edges { node {
                    __typename id name
                    ... on Partnership { code }
                    ... on Setting { kind } } } }
                  s: search(text: "quillfield", types: [SETTING, LOCAL_AREA, PILOT], first: 3) { edges { node {
                    __typename id
                    ... on Setting { ref kind phase }
                    ... on LocalArea { code dfeCode }
                    ... on Pilot { code status start } } } }
                  r: search(text: "marrowby tiered", types: [REFORM], first: 5) { edges { node { ... on Reform { code strand } } } } }""")
            .execute().errors().verify()
            .path("search.edges[0].node.__typename").entity(String.class).isEqualTo("Partnership")
            .path("search.edges[0].node.code").entity(String.class).isEqualTo("TST-SR-P1")
            .path("search.edges[0].node.id").entity(String.class).isEqualTo(GlobalId.encode("Partnership", "TST-SR-P1"))
            .path("s.edges[0].node.__typename").entity(String.class).isEqualTo("LocalArea")
            .path("s.edges[0].node.dfeCode").entity(String.class).isEqualTo("TST-SR-A1")
            .path("s.edges[1].node.kind").entity(String.class).isEqualTo("MAINSTREAM")
            .path("r.edges[0].node.strand").entity(String.class).isEqualTo("Test");
        List<String> pilot = names("quillfield pilot", List.of("PILOT"));
        assertThat(pilot).containsExactly("Quillfield AP Tier Pilot");
    }

    @Test
    void shouldFindANameAsSoonAsItIsWritten() {
        TestGraph.run("CREATE (:Setting {ref: 'TST-SR-NEW', name: 'Zephyrquill Free School', kind: 'MAINSTREAM', "
            + "phase: 'PRIMARY', resourcedProvision: false})");
        assertThat(names("zephyrquill", null)).containsExactly("Zephyrquill Free School");
        TestGraph.run("MATCH (s:Setting {ref: 'TST-SR-NEW'}) SET s.name = 'Renamed Vexquill School'");
        assertThat(names("zephyrquill", null)).isEmpty();
        assertThat(names("vexquill", null)).containsExactly("Renamed Vexquill School");
        TestGraph.run("MATCH (s:Setting {ref: 'TST-SR-NEW'}) DETACH DELETE s");
        assertThat(names("vexquill", null)).isEmpty();
    }
}
