package uk.gov.send.rep.hub.query.limits;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The estimated cost: connections multiply what is under their edges, fragments count where used. */
class CostEstimateTests {

    private final LimitsProperties limits = LimitsTestSupport.defaults();

    private long cost(String document, Map<String, Object> variables) {
        CostEstimate estimate = LimitsTestSupport.cost(document, variables, limits);
        assertThat(estimate.complete()).isTrue();
        return estimate.cost();
    }

    private long cost(String document) {
        return cost(document, Map.of());
    }

    @Test
    void shouldCountEachFieldOnceOutsideLists() {
        // partnership, code, name, region, region.name
        assertThat(cost("{ partnership(code: \"X\") { code name region { name } } }")).isEqualTo(5);
    }

    @Test
    void shouldMultiplyWhatIsUnderEdgesByThePageSize() {
        // regions(1) totalCount(1) edges(1) + 20 x (node, code, name)
        assertThat(cost("{ regions(first: 20) { totalCount edges { node { code name } } } }")).isEqualTo(3 + 20 * 3);
        assertThat(cost("{ regions(last: 7) { edges { node { code } } } }")).isEqualTo(2 + 7 * 2);
    }

    @Test
    void shouldMultiplyNestedConnections() {
        String nested = """
            { partnerships(first: 10) { edges { node { members(first: 5) { edges { node { code } } } } } } }""";
        // partnerships, edges | 10 x (node, members, edges) | 50 x (node, code)
        assertThat(cost(nested)).isEqualTo(2 + 10 * 3 + 50 * 2);
    }

    @Test
    void shouldReadPageSizesFromVariables() {
        String document = "query Q($n: Int!) { regions(first: $n) { edges { node { code } } } }";
        assertThat(cost(document, Map.of("n", 3))).isEqualTo(2 + 3 * 2);
        assertThat(cost(document, Map.of("n", 90))).isEqualTo(2 + 90 * 2);
    }

    @Test
    void shouldExpandFragmentsAndInlineFragmentsWhereTheyAreUsed() {
        String plain = "{ regions(first: 4) { edges { node { code name } } } }";
        String fragments = """
            { regions(first: 4) { ...Page } }
            fragment Page on RegionConnection { edges { ... on RegionEdge { node { ...Names } } } }
            fragment Names on Region { code name }""";
        assertThat(cost(fragments)).isEqualTo(cost(plain));
        // A fragment used twice counts twice.
        String twice = """
            { a: regions(first: 4) { ...Page } b: regions(first: 4) { ...Page } }
            fragment Page on RegionConnection { edges { node { code } } }""";
        assertThat(cost(twice)).isEqualTo(2 * (2 + 4 * 2));
    }

    @Test
    void shouldCountOtherListsAtTheDefaultListSize() {
        // partnership(1) leads(1) + 10 x code
        assertThat(cost("{ partnership(code: \"X\") { leads { code } } }")).isEqualTo(2 + limits.defaultListSize());
    }

    @Test
    void shouldNotWalkIntoIntrospectionButReportIt() {
        CostEstimate introspection = LimitsTestSupport.cost("{ __schema { types { name fields { name } } } }", Map.of(), limits);
        assertThat(introspection.cost()).isEqualTo(1);
        assertThat(introspection.introspects()).isTrue();
        CostEstimate typename = LimitsTestSupport.cost("{ __typename regions(first: 1) { __typename } }", Map.of(), limits);
        assertThat(typename.introspects()).isFalse();
        CostEstimate inFragment = LimitsTestSupport.cost("{ ...F } fragment F on Query { __type(name: \"Child\") { name } }",
            Map.of(), limits);
        assertThat(inFragment.introspects()).isTrue();
    }

    @Test
    void shouldStopAsSoonAsTheEstimateIsOverTheMaximum() {
        String huge = """
            { partnerships(first: 100) { edges { node { members(first: 100) { edges { node {
              settings(first: 100) { edges { node { placements(first: 100) { edges { node { ref } } } } } } } } } } } } }""";
        CostEstimate estimate = LimitsTestSupport.cost(huge, Map.of(), limits);
        assertThat(estimate.complete()).isFalse();
        assertThat(estimate.cost()).isGreaterThan(limits.maxCost());
    }

    @Test
    void shouldNotHangOnAFragmentCycle() {
        // Validation rejects cycles before execution; the estimate guards itself all the same.
        CostEstimate cycle = LimitsTestSupport.cost("""
            { partnership(code: "X") { ...A } }
            fragment A on Partnership { code ...B }
            fragment B on Partnership { name ...A }""", Map.of(), limits);
        assertThat(cycle.complete()).isTrue();
        assertThat(cycle.cost()).isEqualTo(3);
    }

    @Test
    void shouldUseTheConfiguredDefaultListSize() {
        LimitsProperties five = new LimitsProperties(15, 30, 20, 1, 300, 5000, 20000, 50000, 5, 1, 262144, 600,
            Duration.ofSeconds(10), "1g", LimitsProperties.Introspection.ANYONE);
        assertThat(LimitsTestSupport.cost("{ partnership(code: \"X\") { leads { code } } }", Map.of(), five).cost())
            .isEqualTo(2 + 5);
    }
}
