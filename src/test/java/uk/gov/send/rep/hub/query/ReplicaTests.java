package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.gov.send.rep.hub.area.AreaGraph;
import uk.gov.send.rep.hub.child.ChildGraph;
import uk.gov.send.rep.hub.query.ConnectionQueries.CypherQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Replica} computes, for the usual shapes of pages, lookups and related pages, exactly the
 * parameters the builder sets (names and values), with every kind of scope; where it cannot (the
 * builder names a filter's values in another order than the argument's), the statement is built
 * every time and still gets the builder's parameters, for its own values.
 */
class ReplicaTests {

    private static final NodeType<Map<String, Object>> THING = new NodeType<>("Thing", "Thing", "ref", p -> p,
        List.of(Field.string("ref"), Field.number("size"), Field.date("made").mandatory(), Field.enumeration("kind")));

    private static final Relation<Map<String, Object>, Map<String, Object>, Edge<Map<String, Object>>> PARTS =
        Relation.plain("Thing.parts", THING, "HAS_PART", true, THING);

    private static final Relation<Map<String, Object>, Map<String, Object>, Edge<Map<String, Object>>> OWNER =
        Relation.plain("Thing.owner", THING, "OWNED_BY", true, THING).atMostOne();

    private static final RelationIndex RELATIONS = new RelationIndex(List.of(Relations.of(PARTS, OWNER)));

    private static final Scope NATIONAL = Scope.national("test");

    private static final Scope LEAD = new Scope("lead", "PARTNERSHIP_LEAD", "CPP-NE", null, Scope.Rows.AREAS,
        List.of("E06000001", "E06000002"));

    private static final Sort BY_MADE = new Sort(THING.field("made").orElseThrow(), true);

    private static List<Map<String, Object>> wheres() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("size", Map.of("gt", 3));
        ordered.put("kind", Map.of("in", List.of("A", "B")));
        ordered.put("OR", List.of(Map.of("ref", Map.of("startsWith", "x")), Map.of("made", Map.of("isNull", true))));
        ordered.put("NOT", Map.of("ref", Map.of("eq", "y")));
        ordered.put("parts", Map.of("some", Map.of("size", Map.of("lt", 9), "parts", Map.of("none", Map.of("kind", Map.of("eq", "C"))))));
        ordered.put("owner", Map.of("some", Map.of("ref", Map.of("eq", "T1"))));
        List<Map<String, Object>> wheres = new ArrayList<>();
        wheres.add(null);
        wheres.add(Map.of("size", Map.of("gte", 1, "lte", 5)));
        wheres.add(ordered);
        wheres.add(Map.of("AND", List.of(Map.of("kind", Map.of("eq", "A")), Map.of("parts", Map.of("all", Map.of("size", Map.of("gt", 0)))))));
        return wheres;
    }

    private static List<PageRequest> pages() {
        List<PageRequest> pages = new ArrayList<>();
        for (Map<String, Object> where : wheres()) {
            pages.add(new PageRequest(5, null, false, where));
            pages.add(new PageRequest(5, "k1", true, where));
            pages.add(new PageRequest(5, false, List.of("2024-01-02", "k2"), null, false, where, List.of(BY_MADE)));
            pages.add(new PageRequest(5, true, null, List.of("2024-01-02", "k2"), false, where, List.of(BY_MADE)));
            pages.add(new PageRequest(5, false, List.of(7, "k3"), List.of(9, "k4"), false, where,
                List.of(new Sort(THING.field("size").orElseThrow(), false))));
            pages.add(new PageRequest(5, false, java.util.Arrays.asList(null, "k5"), null, false, where,
                List.of(new Sort(THING.field("size").orElseThrow(), false))));
        }
        return pages;
    }

    private static List<List<Prefetch>> prefetches() {
        Prefetch owner = new Prefetch(OWNER, List.of());
        Prefetch parts = new Prefetch(PARTS, new PageRequest(3, null, true, Map.of("kind", Map.of("eq", "P"))), "__parts_0",
            List.of("parts"), List.of(owner), null);
        Prefetch ownerWithParts = new Prefetch(OWNER, List.of(new Prefetch(PARTS, new PageRequest(2, "z", false,
            Map.of("size", Map.of("gt", 1))), "__parts_0", List.of("parts"), List.of(), null)));
        return List.of(List.of(), List.of(owner), List.of(parts), List.of(owner, parts), List.of(ownerWithParts, parts));
    }

    @Test
    void shouldGiveTheBuildersParametersForRootPages() {
        int checked = 0;
        for (PageRequest page : pages()) {
            for (List<Prefetch> prefetch : prefetches()) {
                CypherQuery built = ConnectionQueries.buildRootPage(THING, page, RELATIONS, prefetch, NATIONAL);
                assertThat(Replica.rootPage(page, prefetch, NATIONAL, false)).as("%s, %s", page, prefetch)
                    .isEqualTo(built.parameters());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(120);
    }

    @Test
    void shouldGiveTheBuildersParametersForLookupsAndRelatedPages() {
        for (List<Prefetch> prefetch : prefetches()) {
            assertThat(Replica.byKeys(List.of("a", "b"), prefetch, NATIONAL, false))
                .isEqualTo(ConnectionQueries.buildByKeys(THING, "ref", List.of("a", "b"), prefetch, RELATIONS, null, NATIONAL)
                    .parameters());
            for (PageRequest page : pages()) {
                assertThat(Replica.relatedPages(List.of("p1"), page, prefetch, NATIONAL, false)).as("%s, %s", page, prefetch)
                    .isEqualTo(ConnectionQueries.buildRelatedPages(PARTS, List.of("p1"), page, RELATIONS, prefetch, NATIONAL)
                        .parameters());
            }
        }
    }

    /** A restricted scope's areas, on protected rows at the root, nested and through a relation. */
    @Test
    void shouldGiveTheScopesAreasWhereTheBuilderSetsThem() {
        Relation<?, ?, ?> children = Relation.plain("LocalArea.children", AreaGraph.LOCAL_AREA, "RESIDENT_IN", false,
            ChildGraph.CHILD);
        PageRequest page = new PageRequest(5, "c1", false, Map.of("birthYear", Map.of("gt", 2010)));
        CypherQuery root = ConnectionQueries.buildRootPage(ChildGraph.CHILD, page, RelationIndex.none(), List.of(), LEAD);
        assertThat(root.parameters()).containsKey(Guard.AREAS);
        assertThat(Replica.rootPage(page, List.of(), LEAD, true)).isEqualTo(root.parameters());
        CypherQuery related = ConnectionQueries.buildRelatedPages(children, List.of("E06000001"), page, RelationIndex.none(),
            List.of(), LEAD);
        assertThat(Replica.relatedPages(List.of("E06000001"), page, List.of(), LEAD, related.parameters().containsKey(Guard.AREAS)))
            .isEqualTo(related.parameters());
    }

    /**
     * A {@code some} filter joined into the match is compiled before the quantifier written ahead
     * of it, so its value is {@code w0} although it comes second in the argument: that shape is not
     * replicable, and each request builds it, with its own values.
     */
    @Test
    void shouldBuildEveryTimeAShapeWhoseParametersItCannotReplicate() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("none", Map.of("size", Map.of("gt", 1)));
        first.put("some", Map.of("ref", Map.of("eq", "K1")));
        PageRequest page = new PageRequest(4, null, false, Map.of("parts", first));
        CypherQuery built = ConnectionQueries.buildRootPage(THING, page, RELATIONS, List.of(), NATIONAL);
        assertThat(built.parameters()).containsEntry("w0", "K1").containsEntry("w1", 1);
        assertThat(Replica.rootPage(page, List.of(), NATIONAL, false)).isNotEqualTo(built.parameters());

        Map<String, Object> second = new LinkedHashMap<>();
        second.put("none", Map.of("size", Map.of("gt", 2)));
        second.put("some", Map.of("ref", Map.of("eq", "K2")));
        assertThat(ConnectionQueries.rootPage(THING, page, RELATIONS, List.of(), NATIONAL).parameters())
            .isEqualTo(built.parameters());
        CypherQuery again = ConnectionQueries.rootPage(THING, new PageRequest(4, null, false, Map.of("parts", second)), RELATIONS,
            List.of(), NATIONAL);
        assertThat(again.cypher()).isEqualTo(built.cypher());
        assertThat(again.parameters()).containsEntry("w0", "K2").containsEntry("w1", 2).containsEntry("limit", 5);
    }

    /** A known, replicable shape: the second request's text is the first's object, with its own values. */
    @Test
    void shouldUseTheKnownTextWithTheRequestsOwnValues() {
        PageRequest one = new PageRequest(5, false, List.of("2024-01-02", "k2"), null, false,
            Map.of("kind", Map.of("eq", "A")), List.of(BY_MADE));
        PageRequest two = new PageRequest(7, false, List.of("2025-05-06", "k9"), null, false,
            Map.of("kind", Map.of("eq", "B")), List.of(BY_MADE));
        CypherQuery first = ConnectionQueries.rootPage(THING, one, RELATIONS, List.of(), NATIONAL);
        CypherQuery second = ConnectionQueries.rootPage(THING, two, RELATIONS, List.of(), NATIONAL);
        assertThat(second.cypher()).isSameAs(first.cypher());
        assertThat(second.parameters()).isEqualTo(ConnectionQueries.buildRootPage(THING, two, RELATIONS, List.of(), NATIONAL)
            .parameters()).containsEntry("w0", "B").containsEntry("after0", "2025-05-06").containsEntry("limit", 8);
    }
}
