package uk.gov.send.rep.hub.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code aggregate} and {@code groupBy} on root and nested connections, each answer compared with
 * hand-written Cypher over the same fixture, and the round trips they cost. The group cap is
 * lowered to 50 here so that "too many groups" can be shown on a small fixture.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hub.graphql.max-groups=50")
@AutoConfigureHttpGraphQlTester
class AggregateIntegrationTests {

    private static final String PLANS = "{ref: {startsWith: \"TST-G-\"}}";

    @Autowired
    HttpGraphQlTester http;

    @Autowired
    CypherStatementCounter statements;

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-G", 3, 4, 8);
        // One plan per child: templates, weeks to issue and dates that vary, some never issued.
        TestGraph.run("""
            MATCH (c:Child)-[:RESIDENT_IN]->(a:LocalArea) WHERE c.ref STARTS WITH 'TST-G-'
            WITH c, a, toInteger(split(c.ref, '-')[-1]) + 10 * toInteger(split(c.ref, '-')[-2]) AS i
            SET c.primaryNeed = ['ASD', 'SLCN', 'SEMH'][i % 3]
            CREATE (c)-[:HAS_PLAN]->(p:Plan {ref: 'TST-G-P' + c.ref, kind: 'EHC_PLAN',
                status: CASE i % 5 WHEN 0 THEN 'REQUESTED' ELSE 'ISSUED' END,
                template: ['LOCAL', 'STANDARDISED'][i % 2],
                requested: date('2024-01-01') + duration({days: i * 3}),
                issued: CASE i % 5 WHEN 0 THEN null ELSE date('2024-06-01') + duration({days: i}) END,
                weeksToIssue: CASE i % 5 WHEN 0 THEN null ELSE 10.0 + i % 13 END,
                digital: i % 2 = 0, exceptionsApply: false})
            CREATE (p)-[:MAINTAINED_BY]->(a)""");
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    private GraphQlTester graphQl() {
        return http.mutate().webTestClient(client -> client.responseTimeout(Duration.ofSeconds(60)))
            .responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** A first request, so that the driver's one-off version check is not counted as a round trip. */
    private void warmUp() {
        graphQl().document("{ regions(first: 1) { totalCount } }").execute().errors().verify();
    }

    @Test
    void shouldAggregateARootConnectionInOneStatementAsCypherDoes() {
        warmUp();
        long before = statements.count();
        Map<String, Object> aggregate = graphQl().document("{ plans(where: " + PLANS + ") { aggregate { count "
                + "min { requested weeksToIssue } max { issued weeksToIssue } avg { weeksToIssue } sum { weeksToIssue } } } }")
            .execute().errors().verify().path("plans.aggregate").entity(Map.class).get();
        assertThat(statements.count() - before).as("round trips: the aggregate only, no page").isEqualTo(1);

        Record truth = TestGraph.run("""
            MATCH (p:Plan) WHERE p.ref STARTS WITH 'TST-G-'
            RETURN count(p) AS count, min(p.requested) AS minRequested, min(p.weeksToIssue) AS minWeeks,
                   max(p.issued) AS maxIssued, max(p.weeksToIssue) AS maxWeeks, avg(p.weeksToIssue) AS avgWeeks,
                   sum(p.weeksToIssue) AS sumWeeks""").getFirst();
        assertThat(((Number) aggregate.get("count")).longValue()).isEqualTo(truth.get("count").asLong()).isEqualTo(96);
        assertThat(field(aggregate, "min", "requested")).isEqualTo(truth.get("minRequested").asLocalDate().toString());
        assertThat(number(aggregate, "min", "weeksToIssue")).isEqualTo(truth.get("minWeeks").asDouble());
        assertThat(field(aggregate, "max", "issued")).isEqualTo(truth.get("maxIssued").asLocalDate().toString());
        assertThat(number(aggregate, "max", "weeksToIssue")).isEqualTo(truth.get("maxWeeks").asDouble());
        assertThat(number(aggregate, "avg", "weeksToIssue")).isCloseTo(truth.get("avgWeeks").asDouble(), within(1e-9));
        assertThat(number(aggregate, "sum", "weeksToIssue")).isCloseTo(truth.get("sumWeeks").asDouble(), within(1e-9));
    }

    @Test
    void shouldAggregateOverAFilterThatFollowsRelationships() {
        Map<String, Object> aggregate = graphQl().document("""
                { children(where: {ref: {startsWith: "TST-G-"}, plans: {some: {issued: {isNull: true}}},
                                   primaryNeed: {in: [ASD, SLCN]}}) {
                    aggregate { count min { birthYear } max { birthYear } avg { birthYear } } } }""")
            .execute().errors().verify().path("children.aggregate").entity(Map.class).get();
        Record truth = TestGraph.run("""
            MATCH (c:Child) WHERE c.ref STARTS WITH 'TST-G-' AND c.primaryNeed IN ['ASD', 'SLCN']
              AND EXISTS { (c)-[:HAS_PLAN]->(p:Plan) WHERE p.issued IS NULL }
            RETURN count(c) AS count, min(c.birthYear) AS lo, max(c.birthYear) AS hi, avg(c.birthYear) AS mean""").getFirst();
        assertThat(((Number) aggregate.get("count")).longValue()).isEqualTo(truth.get("count").asLong()).isPositive();
        assertThat(number(aggregate, "min", "birthYear")).isEqualTo(truth.get("lo").asDouble());
        assertThat(number(aggregate, "max", "birthYear")).isEqualTo(truth.get("hi").asDouble());
        assertThat(number(aggregate, "avg", "birthYear")).isCloseTo(truth.get("mean").asDouble(), within(1e-9));
    }

    @Test
    void shouldAggregateNothingAsZeroAndNulls() {
        Map<String, Object> aggregate = graphQl().document("{ plans(where: {ref: {eq: \"TST-G-none\"}}) { "
                + "aggregate { count min { weeksToIssue } avg { weeksToIssue } } groupBy(by: [template]) { count } } }")
            .execute().errors().verify().path("plans").entity(Map.class).get();
        assertThat(aggregate.get("groupBy")).isEqualTo(List.of());
        Map<?, ?> values = (Map<?, ?>) aggregate.get("aggregate");
        assertThat(values.get("count")).isEqualTo(0);
        assertThat(((Map<?, ?>) values.get("min")).get("weeksToIssue")).isNull();
        assertThat(((Map<?, ?>) values.get("avg")).get("weeksToIssue")).isNull();
    }

    @Test
    void shouldGroupByAnOwnFieldAndAKeyAcrossARelationshipAsCypherDoes() {
        warmUp();
        long before = statements.count();
        List<Map<String, Object>> groups = groups(graphQl().document("{ plans(where: " + PLANS + ") { "
                + "groupBy(by: [maintainedByCode, template]) { key { maintainedByCode template } count "
                + "avg { weeksToIssue } max { issued } } } }")
            .execute().errors().verify().path("plans.groupBy").entityList(Map.class).get());
        assertThat(statements.count() - before).isEqualTo(1);

        List<Record> truth = TestGraph.run("""
            MATCH (p:Plan)-[:MAINTAINED_BY]->(a:LocalArea) WHERE p.ref STARTS WITH 'TST-G-'
            RETURN a.code AS area, p.template AS template, count(p) AS count, avg(p.weeksToIssue) AS mean,
                   max(p.issued) AS last
            ORDER BY area, template""");
        assertThat(groups).hasSize(truth.size()).hasSize(6);
        for (int i = 0; i < truth.size(); i++) {
            Record row = truth.get(i);
            Map<String, Object> group = groups.get(i);
            assertThat(field(group, "key", "maintainedByCode")).isEqualTo(row.get("area").asString());
            assertThat(field(group, "key", "template")).isEqualTo(row.get("template").asString());
            assertThat(((Number) group.get("count")).longValue()).isEqualTo(row.get("count").asLong());
            assertThat(number(group, "avg", "weeksToIssue")).isCloseTo(row.get("mean").asDouble(), within(1e-9));
            assertThat(field(group, "max", "issued")).isEqualTo(row.get("last").asLocalDate().toString());
        }
    }

    @Test
    void shouldPutTheGroupOfMissingValuesLast() {
        List<Map<String, Object>> groups = groups(graphQl().document("{ plans(where: " + PLANS + ") { "
                + "groupBy(by: [weeksToIssue]) { key { weeksToIssue } count } } }")
            .execute().errors().verify().path("plans.groupBy").entityList(Map.class).get());
        List<Record> truth = TestGraph.run("""
            MATCH (p:Plan) WHERE p.ref STARTS WITH 'TST-G-'
            RETURN p.weeksToIssue AS weeks, count(p) AS count ORDER BY weeks""");
        assertThat(groups).hasSize(truth.size());
        assertThat(groups.getLast().get("key")).isEqualTo(new HashMap<>(java.util.Collections.singletonMap("weeksToIssue", null)));
        for (int i = 0; i < truth.size(); i++) {
            Value weeks = truth.get(i).get("weeks");
            Object key = ((Map<?, ?>) groups.get(i).get("key")).get("weeksToIssue");
            assertThat(key == null ? null : ((Number) key).doubleValue()).isEqualTo(weeks.isNull() ? null : weeks.asDouble());
            assertThat(((Number) groups.get(i).get("count")).longValue()).isEqualTo(truth.get(i).get("count").asLong());
        }
    }

    @Test
    void shouldGroupNestedConnectionsOfEveryParentInOneStatementPerField() {
        warmUp();
        long before = statements.count();
        List<Map<String, Object>> areas = graphQl().document("""
                { localAreas(first: 10, where: {code: {startsWith: "TST-G-"}}) { edges { node { code
                    plans(where: {status: {eq: ISSUED}}) {
                      aggregate { count }
                      groupBy(by: [childPrimaryNeed, template]) { key { childPrimaryNeed template } count } } } } } }""")
            .execute().errors().verify().path("localAreas.edges[*].node").entityList(Map.class).get().stream()
            .map(m -> (Map<String, Object>) m).toList();
        assertThat(statements.count() - before).as("areas page + one aggregate + one groupBy statement").isEqualTo(3);
        assertThat(areas).hasSize(3);

        for (Map<String, Object> area : areas) {
            String code = (String) area.get("code");
            Map<?, ?> plans = (Map<?, ?>) area.get("plans");
            List<Record> truth = TestGraph.run("""
                MATCH (a:LocalArea {code: $code})<-[:MAINTAINED_BY]-(p:Plan {status: 'ISSUED'})<-[:HAS_PLAN]-(c:Child)
                RETURN c.primaryNeed AS need, p.template AS template, count(p) AS count ORDER BY need, template""",
                Map.of("code", code));
            long total = truth.stream().mapToLong(r -> r.get("count").asLong()).sum();
            assertThat(((Number) ((Map<?, ?>) plans.get("aggregate")).get("count")).longValue()).as(code).isEqualTo(total);
            List<?> groups = (List<?>) plans.get("groupBy");
            assertThat(groups).as(code).hasSize(truth.size());
            for (int i = 0; i < truth.size(); i++) {
                Map<?, ?> group = (Map<?, ?>) groups.get(i);
                Map<?, ?> key = (Map<?, ?>) group.get("key");
                assertThat(key.get("childPrimaryNeed")).isEqualTo(truth.get(i).get("need").asString());
                assertThat(key.get("template")).isEqualTo(truth.get(i).get("template").asString());
                assertThat(((Number) group.get("count")).longValue()).isEqualTo(truth.get(i).get("count").asLong());
            }
        }
    }

    @Test
    void shouldTakeTheFirstGroupsWhenAskedAndRefuseTooManyOtherwise() {
        List<Map<String, Object>> first = groups(graphQl().document("{ plans(where: " + PLANS + ") { "
                + "groupBy(by: [ref], first: 10) { key { ref } count } } }")
            .execute().errors().verify().path("plans.groupBy").entityList(Map.class).get());
        assertThat(first).hasSize(10);
        assertThat(first).extracting(g -> ((Map<?, ?>) g.get("key")).get("ref")).isSorted();

        graphQl().document("{ plans(where: " + PLANS + ") { groupBy(by: [ref]) { count } } }").execute().errors()
            .expect(e -> e.getMessage().contains("more than 50 groups") && e.getPath().equals("plans.groupBy")
                && "by".equals(e.getExtensions().get("argument")))
            .verify();
    }

    @Test
    void shouldRejectBadGroupingWithAnErrorThatSaysWhatAndWhere() {
        graphQl().document("{ plans { groupBy(by: []) { count } } }").execute().errors()
            .expect(e -> e.getMessage().contains("'by'") && e.getMessage().contains("one or two group keys")).verify();
        graphQl().document("{ plans { groupBy(by: [template, status, kind]) { count } } }").execute().errors()
            .expect(e -> e.getMessage().contains("one or two group keys, was 3")).verify();
        graphQl().document("{ plans { groupBy(by: [template, template]) { count } } }").execute().errors()
            .expect(e -> e.getMessage().contains("'by[1]'") && e.getMessage().contains("given twice")).verify();
        graphQl().document("{ plans { groupBy(by: [template], first: 51) { count } } }").execute().errors()
            .expect(e -> e.getMessage().contains("'first'") && e.getMessage().contains("between 0 and 50")).verify();
        // Unknown keys and wrong types are caught by validation against the schema.
        graphQl().document("{ plans { groupBy(by: [shoeSize]) { count } } }").execute().errors()
            .expect(e -> e.getErrorType() == graphql.ErrorType.ValidationError && e.getMessage().contains("shoeSize")).verify();
        graphQl().document("{ plans { aggregate { avg { requested } } } }").execute().errors()
            .expect(e -> e.getErrorType() == graphql.ErrorType.ValidationError && e.getMessage().contains("requested")).verify();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Map<String, Object>> groups(List<Map> groups) {
        List<Map<String, Object>> typed = new ArrayList<>();
        groups.forEach(g -> typed.add((Map<String, Object>) g));
        return typed;
    }

    private static Object field(Map<?, ?> object, String function, String field) {
        return ((Map<?, ?>) object.get(function)).get(field);
    }

    private static double number(Map<?, ?> object, String function, String field) {
        return ((Number) field(object, function, field)).doubleValue();
    }
}
