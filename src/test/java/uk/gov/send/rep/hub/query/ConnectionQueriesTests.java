package uk.gov.send.rep.hub.query;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.gov.send.rep.hub.area.AreaGraph;
import uk.gov.send.rep.hub.child.ChildGraph;
import uk.gov.send.rep.hub.query.ConnectionQueries.CypherQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the shape of the generated Cypher: keyset seeks (no SKIP), one statement for all parents
 * of a relationship field, every value a parameter. A change that reintroduces offsets, per-row
 * statements or spliced values fails here.
 */
class ConnectionQueriesTests {

    private static final NodeType<Map<String, Object>> THING = new NodeType<>("Thing", "Thing", "ref", p -> p,
        List.of(Field.string("ref"), Field.number("size"), Field.date("made"), Field.enumeration("kind")));

    private static final Relation<Map<String, Object>, Map<String, Object>, Edge<Map<String, Object>>> PARTS =
        Relation.plain("Thing.parts", THING, "HAS_PART", true, THING);

    /** "The key is set" lets the planner read the first (or last) page from the key's index in order. */
    @Test
    void shouldSeekFirstPageInKeyOrderWithoutOffset() {
        CypherQuery query = ConnectionQueries.rootPage(THING, new PageRequest(20, null, false));
        assertThat(query.cypher())
            .isEqualTo("CYPHER 5 MATCH (n:`Thing`) WHERE n.ref IS NOT NULL RETURN n{.*} AS node ORDER BY n.ref ASC LIMIT $limit");
        assertThat(query.parameters()).containsExactlyEntriesOf(Map.of("limit", 21));
    }

    @Test
    void shouldSeekLaterPageByCursorKeyNotOffset() {
        CypherQuery query = ConnectionQueries.rootPage(THING, new PageRequest(20, "C00FF", false));
        assertThat(query.cypher())
            .isEqualTo("CYPHER 5 MATCH (n:`Thing`) WHERE n.ref > $after RETURN n{.*} AS node ORDER BY n.ref ASC LIMIT $limit")
            .doesNotContain("SKIP").doesNotContain("C00FF");
        assertThat(query.parameters()).containsEntry("after", "C00FF").containsEntry("limit", 21);
    }

    @Test
    void shouldLoadEveryParentsPageInOneStatement() {
        CypherQuery query = ConnectionQueries.relatedPages(PARTS, List.of("a", "b", "c"), new PageRequest(5, null, true));
        assertThat(query.cypher()).isEqualTo("CYPHER 5 UNWIND $keys AS key MATCH (p:`Thing`) WHERE p.ref = key "
            + "CALL (p) {MATCH (p)-[r:`HAS_PART`]->(n:`Thing`) WITH r, n ORDER BY n.ref ASC LIMIT $limit "
            + "RETURN collect({node: n{.*}, rel: properties(r)}) AS rows} "
            + "RETURN key, rows, COUNT { (p)-[:`HAS_PART`]->(:`Thing`) } AS total");
        assertThat(query.parameters()).containsEntry("keys", List.of("a", "b", "c")).containsEntry("limit", 6);
    }

    @Test
    void shouldNotCountWhenTotalNotSelected() {
        CypherQuery query = ConnectionQueries.relatedPages(PARTS, List.of("a"), new PageRequest(5, "x", false));
        assertThat(query.cypher()).doesNotContain("COUNT").contains("WHERE n.ref > $after");
    }

    @Test
    void shouldFollowIncomingRelationshipsFromTheParent() {
        CypherQuery query = ConnectionQueries.relatedPages(ChildGraphAccess.areaChildren(), List.of("E06000001"),
            new PageRequest(10, null, false), RelationIndex.none(), List.of(), Scope.national("test"));
        assertThat(query.cypher()).contains("MATCH (p:`LocalArea`) WHERE p.code = key")
            .contains("(p)<-[r:`RESIDENT_IN`]-(n:`Child`)");
    }

    private static final Scope LEAD = new Scope("lead", "PARTNERSHIP_LEAD", "CPP-NE", null, Scope.Rows.AREAS,
        List.of("E06000001", "E06000002"));

    private static final String CHILD_IN_SCOPE = "EXISTS { (n)-[:`RESIDENT_IN`]->(n_area:`LocalArea`) "
        + "WHERE n_area.code IN $scopeAreas }";

    /**
     * The scope's predicate is part of every statement that reads protected rows for a restricted
     * role, at the root, nested and in a count, with the area codes as a parameter; NATIONAL's
     * statements carry none, and their cached texts are never shared with another kind of scope.
     */
    @Test
    void shouldLimitProtectedRowsToTheScopeAtTheRootNestedAndInCounts() {
        NodeType<?> child = ChildGraphAccess.areaChildren().target();
        CypherQuery root = ConnectionQueries.rootPage(child, new PageRequest(10, null, false), RelationIndex.none(),
            List.of(), LEAD);
        assertThat(root.cypher()).contains("WHERE (" + CHILD_IN_SCOPE);
        assertThat(root.parameters()).containsEntry("scopeAreas", List.of("E06000001", "E06000002"));
        assertThat(ConnectionQueries.rootPage(child, new PageRequest(10, null, false), RelationIndex.none(), List.of(),
            Scope.national("n")).cypher()).doesNotContain("scopeAreas").doesNotContain("EXISTS");
        assertThat(ConnectionQueries.rootCount(child, new PageRequest(10, null, true), RelationIndex.none(), LEAD).cypher())
            .contains(CHILD_IN_SCOPE);
        // An area's children belong to the area: the condition is on the parent, once, not per row;
        // totalCount counts only the rows in scope too.
        CypherQuery nested = ConnectionQueries.relatedPages(ChildGraphAccess.areaChildren(), List.of("E06000001"),
            new PageRequest(10, null, true), RelationIndex.none(), List.of(), LEAD);
        assertThat(nested.cypher()).doesNotContain("EXISTS")
            .contains("MATCH (p)<-[r:`RESIDENT_IN`]-(n:`Child`) WHERE p.code IN $scopeAreas WITH r, n")
            .contains("COUNT { (p)<-[:`RESIDENT_IN`]-(n:`Child`) WHERE p.code IN $scopeAreas } AS total");
        // A setting's children do not: each row is checked.
        CypherQuery placed = ConnectionQueries.relatedPages(ChildGraphAccess.settingPlacements(), List.of("S1"),
            new PageRequest(10, null, false), RelationIndex.none(), List.of(), LEAD);
        assertThat(placed.cypher()).contains(CHILD_IN_SCOPE);
        assertThat(ConnectionQueries.byKeys(child, "ref", List.of("C1"), List.of(), RelationIndex.none(), null, LEAD).cypher())
            .contains("WHERE (n.ref IN $keys AND " + CHILD_IN_SCOPE);
    }

    /** A role that may read no child rows is refused before any statement is built. */
    @Test
    void shouldRefuseProtectedRowsToRolesThatMayReadNone() {
        NodeType<?> child = ChildGraphAccess.areaChildren().target();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConnectionQueries.rootPage(child,
                new PageRequest(10, null, false), RelationIndex.none(), List.of(), Scope.anonymous()))
            .isInstanceOf(AccessRefusedException.class).hasMessageContaining("Role PUBLIC may not read Child rows");
        Scope evaluator = new Scope("e", "EVALUATOR", null, null, Scope.Rows.NONE, List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConnectionQueries.relatedPages(
                ChildGraphAccess.areaChildren(), List.of("E06000001"), new PageRequest(10, null, false),
                RelationIndex.none(), List.of(), evaluator))
            .isInstanceOf(AccessRefusedException.class).hasMessageContaining("Role EVALUATOR may not read Child rows");
    }

    /**
     * An aggregate over children for a restricted role counts every matching child (not only its
     * own) and, in the same statement, how many of them it may read; a group key that identifies
     * a child is refused.
     */
    @Test
    void shouldCountRowsInScopeBesideEveryAggregateOfProtectedRows() {
        NodeType<?> child = ChildGraphAccess.areaChildren().target();
        AggregateSpec spec = new AggregateSpec(List.of(), List.of(), List.of(), List.of(), List.of(), 0);
        CypherQuery query = ConnectionQueries.aggregate(child, null, spec, RelationIndex.none(), LEAD, true);
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Child`) RETURN count(n) AS count, count(CASE WHEN "
            + CHILD_IN_SCOPE + " THEN 1 END) AS inScope");
        // First without: the count is needed only when a set is small (GraphReader).
        assertThat(ConnectionQueries.aggregate(child, null, spec, RelationIndex.none(), LEAD, false).cypher())
            .isEqualTo("CYPHER 5 MATCH (n:`Child`) RETURN count(n) AS count");
        assertThat(ConnectionQueries.aggregate(child, null, spec, RelationIndex.none(), Scope.national("n"), false).cypher())
            .isEqualTo("CYPHER 5 MATCH (n:`Child`) RETURN count(n) AS count");
        AggregateSpec byRef = new AggregateSpec(List.of(GroupKey.own(child.field("ref").orElseThrow())), List.of(),
            List.of(), List.of(), List.of(), 10);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConnectionQueries.aggregate(child, null, byRef,
                RelationIndex.none(), LEAD, false))
            .isInstanceOf(AccessRefusedException.class).hasMessageContaining("group Child rows by `ref`");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConnectionQueries.aggregate(child,
                Map.of("ref", Map.of("eq", "C1")), spec, RelationIndex.none(), LEAD, false))
            .isInstanceOf(AccessRefusedException.class).hasMessageContaining("filter on `ref` of Child (where.ref)");
    }

    @Test
    void shouldCompileWhereIntoParametersNeverSplicedValues() {
        Map<String, Object> where = Map.of("AND", List.of(
            Map.of("kind", Map.of("in", List.of("SPECIAL", "AP"))),
            Map.of("size", Map.of("gte", 3)),
            Map.of("NOT", Map.of("ref", Map.of("startsWith", "x' OR 1=1 //")))));
        CypherQuery query = ConnectionQueries.rootPage(THING, new PageRequest(10, null, false, where));
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) WHERE (n.kind IN $w0 AND n.size >= $w1 "
            + "AND NOT (n.ref STARTS WITH $w2) AND n.ref IS NOT NULL) RETURN n{.*} AS node ORDER BY n.ref ASC LIMIT $limit");
        assertThat(query.parameters()).containsEntry("w0", List.of("SPECIAL", "AP")).containsEntry("w1", 3)
            .containsEntry("w2", "x' OR 1=1 //");
    }

    @Test
    void shouldCountOnlyFilteredRelatedRows() {
        CypherQuery query = ConnectionQueries.relatedPages(PARTS, List.of("a"),
            new PageRequest(5, null, true, Map.of("size", Map.of("lt", 2))));
        assertThat(query.cypher()).contains("MATCH (p)-[r:`HAS_PART`]->(n:`Thing`) WHERE n.size < $w0 WITH r, n")
            .contains("COUNT { (p)-[:`HAS_PART`]->(n:`Thing`) WHERE n.size < $w0 } AS total");
    }

    @Test
    void shouldRejectAFieldTheTypeDoesNotDeclare() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConnectionQueries.rootPage(THING,
                new PageRequest(10, null, false, Map.of("secret", Map.of("eq", 1)))))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("where.secret")
            .hasMessageContaining("not a filterable field of Thing");
    }

    @Test
    void shouldSeekPastTheCursorInTheRequestedOrderWithTheKeyBreakingTies() {
        Sort bySizeDescending = new Sort(THING.field("size").orElseThrow(), true);
        Sort byKind = new Sort(THING.field("kind").orElseThrow(), false);
        CypherQuery query = ConnectionQueries.rootPage(THING, new PageRequest(10,
            java.util.Arrays.asList(7L, null, "k9"), false, null, List.of(bySizeDescending, byKind)));
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) WHERE (n.size < $after0 OR (n.size = $after0 "
            + "AND n.kind IS NULL AND n.ref > $after)) RETURN n{.*} AS node "
            + "ORDER BY n.size DESC, n.kind ASC, n.ref ASC LIMIT $limit");
        assertThat(query.parameters()).containsEntry("after0", 7L).containsEntry("after", "k9").doesNotContainKey("after1");
    }

    @Test
    void shouldReadTheLastPageInReversedKeyOrderWithoutOffset() {
        CypherQuery query = ConnectionQueries.rootPage(THING, new PageRequest(20, true, null, null, false, null, List.of()));
        assertThat(query.cypher())
            .isEqualTo("CYPHER 5 MATCH (n:`Thing`) WHERE n.ref IS NOT NULL RETURN n{.*} AS node ORDER BY n.ref DESC LIMIT $limit");
        assertThat(query.parameters()).containsExactlyEntriesOf(Map.of("limit", 21));
    }

    @Test
    void shouldSeekBeforeTheCursorInTheReversedOrderWithEveryKeyFlipped() {
        Sort bySizeDescending = new Sort(THING.field("size").orElseThrow(), true);
        Sort byKind = new Sort(THING.field("kind").orElseThrow(), false);
        CypherQuery query = ConnectionQueries.rootPage(THING, new PageRequest(10, true, null,
            java.util.Arrays.asList(7L, null, "k9"), false, null, List.of(bySizeDescending, byKind)));
        // Before (7, null, k9) in "size DESC, kind ASC, ref ASC": a larger size, or a missing one
        // (first descending); or size 7 and any kind (a missing kind is last ascending); or size 7,
        // no kind and a smaller key. Read nearest-first: size ASC, kind DESC, ref DESC.
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) WHERE ((n.size > $before0 OR n.size IS NULL) "
            + "OR (n.size = $before0 AND (n.kind IS NOT NULL OR (n.kind IS NULL AND n.ref < $before)))) "
            + "RETURN n{.*} AS node ORDER BY n.size ASC, n.kind DESC, n.ref DESC LIMIT $limit")
            .doesNotContain("SKIP");
        assertThat(query.parameters()).containsEntry("before0", 7L).containsEntry("before", "k9")
            .containsEntry("limit", 11).doesNotContainKey("before1");
    }

    @Test
    void shouldBoundAWindowByBothCursors() {
        CypherQuery query = ConnectionQueries.rootPage(THING, new PageRequest(5, false, List.of("a"), List.of("m"),
            false, null, List.of()));
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) WHERE (n.ref > $after AND n.ref < $before) "
            + "RETURN n{.*} AS node ORDER BY n.ref ASC LIMIT $limit");
    }

    @Test
    void shouldSeekEveryParentsLastPageInOneStatement() {
        Sort bySize = new Sort(THING.field("size").orElseThrow(), false);
        CypherQuery query = ConnectionQueries.relatedPages(PARTS, List.of("a", "b"), new PageRequest(3, true, null,
            java.util.Arrays.asList(4L, "k2"), true, null, List.of(bySize)));
        assertThat(query.cypher()).isEqualTo("CYPHER 5 UNWIND $keys AS key MATCH (p:`Thing`) WHERE p.ref = key "
            + "CALL (p) {MATCH (p)-[r:`HAS_PART`]->(n:`Thing`) WHERE (n.size < $before0 OR (n.size = $before0 "
            + "AND n.ref < $before)) WITH r, n ORDER BY n.size DESC, n.ref DESC LIMIT $limit "
            + "RETURN collect({node: n{.*}, rel: properties(r)}) AS rows} "
            + "RETURN key, rows, COUNT { (p)-[:`HAS_PART`]->(:`Thing`) } AS total");
        assertThat(query.parameters()).containsEntry("limit", 4).containsEntry("before0", 4L).containsEntry("before", "k2");
    }

    @Test
    void shouldCompileRelationshipFiltersToExistentialSubqueries() {
        RelationIndex relations = new RelationIndex(List.of(Relations.of(PARTS)));
        Map<String, Object> some = new java.util.LinkedHashMap<>();
        some.put("size", Map.of("gt", 2));
        some.put("parts", Map.of("none", Map.of("kind", Map.of("eq", "X"))));
        Map<String, Object> where = Map.of("parts", Map.of("some", some));
        CypherQuery query = ConnectionQueries.rootPage(THING, new PageRequest(5, null, false, where), relations);
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) WHERE (EXISTS { (n)-[r1:`HAS_PART`]->(m1:`Thing`) "
            + "WHERE (m1.size > $w0 AND NOT (EXISTS { (m1)-[r2:`HAS_PART`]->(m2:`Thing`) WHERE m2.kind = $w1 })) } "
            + "AND n.ref IS NOT NULL) RETURN n{.*} AS node ORDER BY n.ref ASC LIMIT $limit");
        assertThat(query.parameters()).containsEntry("w0", 2).containsEntry("w1", "X");
    }

    private static final Relation<Map<String, Object>, Map<String, Object>, Edge<Map<String, Object>>> OWNER =
        Relation.plain("Thing.owner", THING, "OWNED_BY", true, THING).atMostOne();

    /** A to-one {@code some} joins the match (the planner may start at either end) and repeats no row. */
    @Test
    void shouldJoinAToOneSomeFilterIntoTheMatch() {
        RelationIndex relations = new RelationIndex(List.of(Relations.of(PARTS, OWNER)));
        Map<String, Object> where = Map.of("owner", Map.of("some", Map.of("kind", Map.of("eq", "X"))));
        CypherQuery query = ConnectionQueries.rootPage(THING, new PageRequest(5, null, false, where), relations);
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) MATCH (n)-[r1:`OWNED_BY`]->(m1:`Thing`) "
            + "WHERE (m1.kind = $w0 AND n.ref IS NOT NULL) RETURN n{.*} AS node ORDER BY n.ref ASC LIMIT $limit");
    }

    /**
     * A {@code some} chain that pins a node by key starts from it; the to-many hop before the pinned
     * node may repeat a row, so the rows are made distinct before the order, and counted distinct.
     */
    @Test
    void shouldStartFromANodeAFilterPinsByKeyAndKeepRowsDistinct() {
        RelationIndex relations = new RelationIndex(List.of(Relations.of(PARTS, OWNER)));
        Map<String, Object> where = Map.of("parts", Map.of("some",
            Map.of("owner", Map.of("some", Map.of("ref", Map.of("eq", "T1"))))));
        PageRequest page = new PageRequest(5, null, true, where);
        CypherQuery query = ConnectionQueries.rootPage(THING, page, relations);
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) MATCH (n)-[r1:`HAS_PART`]->(m1:`Thing`) "
            + "MATCH (m1)-[r2:`OWNED_BY`]->(m2:`Thing`) WHERE m2.ref = $w0 "
            + "WITH DISTINCT n RETURN n{.*} AS node ORDER BY n.ref ASC LIMIT $limit");
        assertThat(ConnectionQueries.rootCount(THING, page, relations).cypher())
            .isEqualTo("CYPHER 5 MATCH (n:`Thing`) MATCH (n)-[r1:`HAS_PART`]->(m1:`Thing`) "
                + "MATCH (m1)-[r2:`OWNED_BY`]->(m2:`Thing`) WHERE m2.ref = $w0 RETURN count(DISTINCT n) AS total");
    }

    /** A to-many hop to the one node its key names repeats no row: no DISTINCT. */
    @Test
    void shouldNotDeduplicateAHopToTheOneNodeItsKeyNames() {
        RelationIndex relations = new RelationIndex(List.of(Relations.of(PARTS, OWNER)));
        Map<String, Object> where = Map.of("parts", Map.of("some", Map.of("ref", Map.of("eq", "T1"))));
        CypherQuery query = ConnectionQueries.rootCount(THING, new PageRequest(5, null, true, where), relations);
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) MATCH (n)-[r1:`HAS_PART`]->(m1:`Thing`) "
            + "WHERE m1.ref = $w0 RETURN count(n) AS total");
    }

    /**
     * Without a pin, a to-many {@code some} stays a subquery (a first page in key order can then
     * stop early); so does any {@code some} under OR or NOT.
     */
    @Test
    void shouldKeepUnpinnedToManyAndDisjunctiveFiltersAsSubqueries() {
        RelationIndex relations = new RelationIndex(List.of(Relations.of(PARTS, OWNER)));
        Map<String, Object> where = new java.util.LinkedHashMap<>();
        where.put("parts", Map.of("some", Map.of("kind", Map.of("eq", "X"))));
        where.put("OR", List.of(Map.of("owner", Map.of("some", Map.of("ref", Map.of("eq", "T1"))))));
        CypherQuery query = ConnectionQueries.rootPage(THING, new PageRequest(5, null, false, where), relations);
        assertThat(query.cypher()).startsWith("CYPHER 5 MATCH (n:`Thing`) WHERE (")
            .contains("EXISTS { (n)-[r1:`HAS_PART`]->(m1:`Thing`) WHERE m1.kind = $w0 }")
            .contains("EXISTS { (n)-[r2:`OWNED_BY`]->(m2:`Thing`) WHERE m2.ref = $w1 }")
            .doesNotContain("DISTINCT");
    }

    /** Aggregates over a filter that may repeat rows aggregate distinct rows. */
    @Test
    void shouldAggregateDistinctRowsOfAHoistedFilter() {
        RelationIndex relations = new RelationIndex(List.of(Relations.of(PARTS, OWNER)));
        Map<String, Object> where = Map.of("parts", Map.of("some",
            Map.of("owner", Map.of("some", Map.of("ref", Map.of("in", List.of("T1", "T2")))))));
        CypherQuery query = ConnectionQueries.aggregate(THING, where,
            new AggregateSpec(List.of(), List.of(), List.of(), List.of(THING.field("size").orElseThrow()), List.of(), 10),
            relations);
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) MATCH (n)-[r1:`HAS_PART`]->(m1:`Thing`) "
            + "MATCH (m1)-[r2:`OWNED_BY`]->(m2:`Thing`) WHERE m2.ref IN $w0 WITH DISTINCT n "
            + "RETURN count(n) AS count, avg(n.size) AS avg_size");
    }

    /**
     * A to-one field selected under the rows is read in the rows' statement, after the page (so
     * for LIMIT rows only), nested fields inside it; the page's order is restored for the result.
     */
    @Test
    void shouldReadSelectedToOneFieldsAfterThePageInTheSameStatement() {
        Prefetch owner = new Prefetch(OWNER, List.of(new Prefetch(OWNER, List.of())));
        CypherQuery query = ConnectionQueries.rootPage(THING, new PageRequest(5, null, false), RelationIndex.none(),
            List.of(owner), Scope.national("test"));
        assertThat(query.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) WHERE n.ref IS NOT NULL WITH n ORDER BY n.ref ASC "
            + "LIMIT $limit CALL (n) {OPTIONAL MATCH (n)-[:`OWNED_BY`]->(t1:`Thing`) CALL (t1) {OPTIONAL MATCH "
            + "(t1)-[:`OWNED_BY`]->(t2:`Thing`) RETURN t2{.*} AS v2 LIMIT 1} RETURN t1{.*, __owner: v2} AS v1 LIMIT 1} "
            + "RETURN n{.*, __owner: v1} AS node ORDER BY n.ref ASC");
        CypherQuery related = ConnectionQueries.relatedPages(PARTS, List.of("a"), new PageRequest(5, null, false),
            RelationIndex.none(), List.of(new Prefetch(OWNER, List.of())), Scope.national("test"));
        assertThat(related.cypher()).contains("LIMIT $limit CALL (n) {OPTIONAL MATCH (n)-[:`OWNED_BY`]->(t1:`Thing`) "
            + "RETURN t1{.*} AS v1 LIMIT 1} WITH r, n, v1 ORDER BY n.ref ASC "
            + "RETURN collect({node: n{.*, __owner: v1}, rel: properties(r)}) AS rows}");
    }

    /**
     * Texts are rendered once per shape of the inputs: equal shapes share the text (values differ
     * only in the parameters); anything that changes the text gives another shape.
     */
    @Test
    void shouldShareTextsOnlyBetweenInputsOfOneShape() {
        CypherQuery a = ConnectionQueries.rootPage(THING, new PageRequest(5, null, false, Map.of("size", Map.of("gt", 1))));
        CypherQuery b = ConnectionQueries.rootPage(THING, new PageRequest(9, null, false, Map.of("size", Map.of("gt", 7))));
        assertThat(b.cypher()).isEqualTo(a.cypher());
        assertThat(b.parameters()).containsEntry("w0", 7).containsEntry("limit", 10);

        CypherQuery missing = ConnectionQueries.rootPage(THING, new PageRequest(5, null, false, Map.of("size", Map.of("isNull", true))));
        CypherQuery present = ConnectionQueries.rootPage(THING, new PageRequest(5, null, false, Map.of("size", Map.of("isNull", false))));
        assertThat(missing.cypher()).contains("n.size IS NULL");
        assertThat(present.cypher()).contains("n.size IS NOT NULL");

        List<Sort> bySize = List.of(new Sort(THING.field("size").orElseThrow(), false));
        CypherQuery afterValue = ConnectionQueries.rootPage(THING, new PageRequest(5, java.util.Arrays.asList(3, "T1"), false, null, bySize));
        CypherQuery afterMissing = ConnectionQueries.rootPage(THING, new PageRequest(5, java.util.Arrays.asList(null, "T1"), false, null, bySize));
        assertThat(afterValue.cypher()).isNotEqualTo(afterMissing.cypher());
        assertThat(afterMissing.cypher()).contains("n.size IS NULL");

        CypherQuery none = ConnectionQueries.rootPage(THING, new PageRequest(5, null, false, Map.of("OR", List.of())));
        CypherQuery one = ConnectionQueries.rootPage(THING, new PageRequest(5, null, false,
            Map.of("OR", List.of(Map.of("kind", Map.of("in", List.of("A")))))));
        assertThat(none.cypher()).contains("false");
        assertThat(one.cypher()).contains("n.kind IN $w0");
    }

    /**
     * A page reads only the properties its selection needs (with the key and sort keys), not n{.*},
     * as columns of its own (their names sent once per answer, not with every row); every property,
     * or a column named like one of the statement's variables, stays one map column {@code node}.
     */
    @Test
    void shouldReadOnlyTheSelectedProperties() {
        PageRequest page = new PageRequest(5, null, false).withColumns(List.of("ref", "size"));
        CypherQuery selected = ConnectionQueries.rootPage(THING, page);
        assertThat(selected.cypher()).isEqualTo("CYPHER 5 MATCH (n:`Thing`) "
            + "WHERE n.ref IS NOT NULL RETURN n.ref AS ref, n.size AS size ORDER BY n.ref ASC LIMIT $limit");
        assertThat(selected.flat()).isTrue();
        CypherQuery all = ConnectionQueries.rootPage(THING, new PageRequest(5, null, false));
        assertThat(all.cypher()).contains("RETURN n{.*} AS node");
        assertThat(all.flat()).isFalse();
        NodeType<Map<String, Object>> keyed = new NodeType<>("Keyed", "Keyed", "ref", p -> p,
            List.of(Field.string("ref"), Field.string("key")));
        CypherQuery reserved = ConnectionQueries.rootPage(keyed, new PageRequest(5, null, false).withColumns(List.of("ref", "key")));
        assertThat(reserved.cypher()).contains("RETURN n{.ref, .key} AS node");
        assertThat(reserved.flat()).isFalse();
        CypherQuery lookup = ConnectionQueries.byKeys(THING, "ref", List.of("a"), List.of(), RelationIndex.none(),
            List.of("ref", "kind"), Scope.national("test"));
        assertThat(lookup.cypher()).endsWith("RETURN n.ref AS ref, n.kind AS kind");
        assertThat(lookup.flat()).isTrue();
    }

    @Test
    void shouldCountFromTheCountStore() {
        assertThat(ConnectionQueries.rootCount(AreaGraph.REGION, new PageRequest(1, null, true)).cypher())
            .isEqualTo("CYPHER 5 MATCH (n:`Region`) RETURN count(n) AS total");
    }

    /** The child feature's relation, rebuilt from its public node types. */
    private static final class ChildGraphAccess {
        static Relation<?, ?, ?> areaChildren() {
            return Relation.plain("LocalArea.children", AreaGraph.LOCAL_AREA, "RESIDENT_IN", false, ChildGraph.CHILD);
        }

        static Relation<?, ?, ?> settingPlacements() {
            return Relation.plain("Setting.placements", uk.gov.send.rep.hub.setting.SettingGraph.SETTING, "PLACED_AT", false,
                ChildGraph.CHILD);
        }
    }
}
