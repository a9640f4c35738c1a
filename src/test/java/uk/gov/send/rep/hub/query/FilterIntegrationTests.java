package uk.gov.send.rep.hub.query;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code where} on root and nested connections, operator by operator, each answer compared with
 * hand-written Cypher over the same fixture.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class FilterIntegrationTests {

    @Autowired
    HttpGraphQlTester http;

    @Autowired
    CypherStatementCounter statements;

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-F", 2, 5, 8);
        TestGraph.run("""
            MATCH (s:Setting) WHERE s.ref STARTS WITH 'TST-F-'
            WITH s, toInteger(right(s.ref, 1)) AS i
            SET s.kind = ['SPECIAL', 'MAINSTREAM', 'ALTERNATIVE_PROVISION'][i % 3],
                s.apTier = CASE i % 3 WHEN 2 THEN 2 ELSE null END,
                s.name = CASE i % 2 WHEN 0 THEN 'Oak Academy ' + s.ref ELSE 'Riverside School ' + s.ref END""");
        TestGraph.run("""
            MATCH (c:Child) WHERE c.ref STARTS WITH 'TST-F-'
            WITH c, toInteger(split(c.ref, '-')[-1]) AS i
            SET c.secondaryNeed = CASE i % 3 WHEN 0 THEN 'SPLD' ELSE null END
            WITH c, i WHERE c.senProvision = 'E'
            CREATE (c)-[:HAS_PLAN]->(:Plan {ref: 'TST-F-P' + c.ref, kind: 'EHC_PLAN', status: 'ISSUED',
                requested: date('2024-01-01') + duration({days: i * 10}),
                issued: CASE i % 8 WHEN 0 THEN null ELSE date('2024-06-01') + duration({days: i}) END,
                template: 'LOCAL', digital: false, exceptionsApply: false})""");
        TestGraph.run("""
            MATCH (c:Child)-[p:PLACED_AT]->(:Setting) WHERE c.ref STARTS WITH 'TST-F-' AND c.birthYear % 2 = 0
            SET p.to = date('2024-07-19')""");
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    private GraphQlTester graphQl() {
        // Both timeouts: the tester's and its WebTestClient's (5 s by default, too short for a
        // context's first request on a busy machine).
        return http.mutate().webTestClient(client -> client.responseTimeout(Duration.ofSeconds(60)))
            .responseTimeout(Duration.ofSeconds(60)).build();
    }

    private List<String> children(String where) {
        return graphQl().document("{ children(first: 100, where: {AND: [{ref: {startsWith: \"TST-F-\"}}, " + where + "]}) "
                + "{ totalCount edges { node { ref } } } }")
            .execute().errors().verify().path("children.edges[*].node.ref").entityList(String.class).get();
    }

    private static List<String> truth(String label, String condition) {
        return TestGraph.run("MATCH (n:" + label + ") WHERE n.ref STARTS WITH 'TST-F-' AND (" + condition
                + ") RETURN n.ref AS ref ORDER BY ref")
            .stream().map(r -> r.get("ref").asString()).toList();
    }

    @Test
    void shouldFilterEnumsWithEqAndIn() {
        assertThat(children("{senProvision: {eq: E}}")).isEqualTo(truth("Child", "n.senProvision = 'E'")).isNotEmpty();
        assertThat(children("{primaryNeed: {in: [ASD, SLCN]}}"))
            .isEqualTo(truth("Child", "n.primaryNeed IN ['ASD', 'SLCN']")).isNotEmpty();
    }

    @Test
    void shouldFilterNumbersByRange() {
        assertThat(children("{birthYear: {gt: 2013, lte: 2016}}"))
            .isEqualTo(truth("Child", "n.birthYear > 2013 AND n.birthYear <= 2016")).isNotEmpty();
        assertThat(children("{birthYear: {lt: 2014}}")).isEqualTo(truth("Child", "n.birthYear < 2014")).isNotEmpty();
        assertThat(children("{birthYear: {gte: 2017}}")).isEqualTo(truth("Child", "n.birthYear >= 2017")).isNotEmpty();
        assertThat(children("{birthYear: {in: [2012, 2015]}}")).isEqualTo(truth("Child", "n.birthYear IN [2012, 2015]"));
    }

    @Test
    void shouldFilterMissingValuesWithIsNull() {
        assertThat(children("{secondaryNeed: {isNull: true}}")).isEqualTo(truth("Child", "n.secondaryNeed IS NULL")).isNotEmpty();
        assertThat(children("{secondaryNeed: {isNull: false}}"))
            .isEqualTo(truth("Child", "n.secondaryNeed IS NOT NULL")).isNotEmpty();
    }

    @Test
    void shouldCombineWithOrAndNot() {
        assertThat(children("{OR: [{primaryNeed: {eq: ASD}}, {birthYear: {eq: 2017}}], NOT: {senProvision: {eq: E}}}"))
            .isEqualTo(truth("Child", "(n.primaryNeed = 'ASD' OR n.birthYear = 2017) AND NOT n.senProvision = 'E'"))
            .isNotEmpty();
    }

    @Test
    void shouldFilterTextAndBooleansAndTiers() {
        List<String> settings = graphQl().document("""
                { settings(first: 100, where: {ref: {startsWith: "TST-F-"}, name: {contains: "Oak"},
                    kind: {in: [SPECIAL, ALTERNATIVE_PROVISION]}, resourcedProvision: {eq: false}}) { edges { node { ref } } } }""")
            .execute().errors().verify().path("settings.edges[*].node.ref").entityList(String.class).get();
        assertThat(settings).isEqualTo(truth("Setting",
            "n.name CONTAINS 'Oak' AND n.kind IN ['SPECIAL', 'ALTERNATIVE_PROVISION'] AND n.resourcedProvision = false"))
            .isNotEmpty();
        List<String> tiered = graphQl().document("""
                { settings(first: 100, where: {ref: {startsWith: "TST-F-"}, apTier: {eq: 2}}) { edges { node { ref } } } }""")
            .execute().errors().verify().path("settings.edges[*].node.ref").entityList(String.class).get();
        assertThat(tiered).isEqualTo(truth("Setting", "n.apTier = 2")).isNotEmpty();
    }

    @Test
    void shouldFilterDates() {
        List<String> plans = graphQl().document("""
                { plans(first: 100, where: {ref: {startsWith: "TST-F-"}, requested: {gte: "2024-01-21"}, issued: {isNull: false}})
                  { totalCount edges { node { ref } } } }""")
            .execute().errors().verify()
            .path("plans.edges[*].node.ref").entityList(String.class).get();
        assertThat(plans).isEqualTo(truth("Plan", "n.requested >= date('2024-01-21') AND n.issued IS NOT NULL")).isNotEmpty();
    }

    @Test
    void shouldFilterNestedConnectionsAndCountOnlyMatchingRowsInOneStatement() {
        String query = """
            { partnership(code: "TST-F") { members(first: 10) { edges { node { code
                children(first: 100, where: {primaryNeed: {eq: ASD}}) { totalCount edges { node { ref } } } } } } } }""";
        graphQl().document(query).execute(); // warm-up
        long before = statements.count();
        List<Map<String, Object>> areas = graphQl().document(query).execute().errors().verify()
            .path("partnership.members.edges[*].node").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
            .get();
        // partnership, members, their filtered children and counts: one statement (ADR 0008), + the audit log's write (ADR 0011).
        assertThat(statements.count() - before).isEqualTo(2);
        assertThat(areas).hasSize(2);
        for (Map<String, Object> area : areas) {
            List<String> truth = TestGraph.run("""
                    MATCH (:LocalArea {code: $area})<-[:RESIDENT_IN]-(c:Child {primaryNeed: 'ASD'})
                    RETURN c.ref AS ref ORDER BY ref""", Map.of("area", area.get("code")))
                .stream().map(r -> r.get("ref").asString()).toList();
            Map<?, ?> children = (Map<?, ?>) area.get("children");
            assertThat(((List<?>) children.get("edges")).stream().map(e -> ((Map<?, ?>) ((Map<?, ?>) e).get("node")).get("ref")).toList())
                .isEqualTo(truth);
            assertThat(children.get("totalCount")).isEqualTo(truth.size());
        }
    }

    @Test
    void shouldFilterBySomeNoneAllAndSingleRelatedRows() {
        assertThat(children("{plans: {some: {issued: {gt: \"2024-06-01\"}}}}")).isEqualTo(truth("Child",
            "EXISTS { (n)-[:HAS_PLAN]->(p:Plan) WHERE p.issued > date('2024-06-01') }")).isNotEmpty();
        assertThat(children("{plans: {none: {}}}")).isEqualTo(truth("Child", "NOT EXISTS { (n)-[:HAS_PLAN]->(:Plan) }"))
            .isNotEmpty();
        assertThat(children("{placements: {all: {node: {kind: {eq: MAINSTREAM}}}}}")).isEqualTo(truth("Child",
            "NOT EXISTS { (n)-[:PLACED_AT]->(s:Setting) WHERE NOT s.kind = 'MAINSTREAM' }")).isNotEmpty();
        assertThat(children("{placements: {single: {node: {name: {contains: \"Oak\"}}}}}")).isEqualTo(truth("Child",
            "COUNT { (n)-[:PLACED_AT]->(s:Setting) WHERE s.name CONTAINS 'Oak' } = 1")).isNotEmpty();
    }

    @Test
    void shouldNestRelationshipFiltersTwoLevelsDeep() {
        // Children placed at a special setting in area A2, and none of whose plans is still unissued.
        assertThat(children("{placements: {some: {node: {kind: {eq: SPECIAL}, area: {some: {code: {eq: \"TST-F-A2\"}}}}}}, "
                + "plans: {none: {issued: {isNull: true}}}}"))
            .isEqualTo(truth("Child", """
                EXISTS { (n)-[:PLACED_AT]->(s:Setting)-[:IN_AREA]->(a:LocalArea) WHERE s.kind = 'SPECIAL' AND a.code = 'TST-F-A2' }
                AND NOT EXISTS { (n)-[:HAS_PLAN]->(p:Plan) WHERE p.issued IS NULL }"""))
            .isNotEmpty();
        List<String> areas = graphQl().document("""
                { localAreas(first: 10, where: {code: {startsWith: "TST-F-"}, settings: {some: {placements: {some: {node: {birthYear: {eq: 2017}}}}}}})
                  { edges { node { code } } } }""")
            .execute().errors().verify().path("localAreas.edges[*].node.code").entityList(String.class).get();
        List<String> truth = TestGraph.run("""
                MATCH (a:LocalArea) WHERE a.code STARTS WITH 'TST-F-'
                  AND EXISTS { (a)<-[:IN_AREA]-(:Setting)<-[:PLACED_AT]-(c:Child) WHERE c.birthYear = 2017 }
                RETURN a.code AS code ORDER BY code""").stream().map(r -> r.get("code").asString()).toList();
        assertThat(areas).isEqualTo(truth).isNotEmpty();
    }

    /**
     * This filter pins an area by code at the end of a to-many hop, so the compiler joins it into
     * the match (ADR 0008): area A1 is reached once through each of its settings, yet it is
     * listed, counted and aggregated once.
     */
    @Test
    void shouldListEachRowOnceWhenAJoinedFilterReachesItBySeveralPaths() {
        long settingsInA1 = TestGraph.run("MATCH (:LocalArea {code: 'TST-F-A1'})<-[:IN_AREA]-(s:Setting) RETURN count(s) AS n")
            .getFirst().get("n").asLong();
        assertThat(settingsInA1).isGreaterThan(1);
        var response = graphQl().document("""
                { localAreas(first: 10, where: {code: {startsWith: "TST-F-"}, settings: {some: {area: {some: {code: {eq: "TST-F-A1"}}}}}})
                  { totalCount aggregate { count } edges { node { code } } } }""")
            .execute().errors().verify();
        response.path("localAreas.edges[*].node.code").entityList(String.class).containsExactly("TST-F-A1");
        response.path("localAreas.totalCount").entity(Long.class).isEqualTo(1L);
        response.path("localAreas.aggregate.count").entity(Long.class).isEqualTo(1L);
    }

    @Test
    void shouldFilterOnRelationshipProperties() {
        assertThat(children("{placements: {some: {to: {isNull: true}, node: {kind: {eq: SPECIAL}}}}}")).isEqualTo(truth("Child",
            "EXISTS { (n)-[p:PLACED_AT]->(s:Setting) WHERE p.to IS NULL AND s.kind = 'SPECIAL' }")).isNotEmpty();
        assertThat(children("{placements: {some: {to: {lt: \"2025-01-01\"}}}}")).isEqualTo(truth("Child",
            "EXISTS { (n)-[p:PLACED_AT]->(:Setting) WHERE p.to < date('2025-01-01') }")).isNotEmpty();
        List<String> leads = graphQl().document("""
                { localAreas(first: 10, where: {code: {startsWith: "TST-F-"}, partnership: {some: {role: {in: [LEAD, JOINT_LEAD]}}}})
                  { edges { node { code } } } }""")
            .execute().errors().verify().path("localAreas.edges[*].node.code").entityList(String.class).get();
        assertThat(leads).containsExactly("TST-F-A1");
    }

    @Test
    void shouldRejectAnUnknownFieldAndAWrongTypeBeforeRunning() {
        long before = statements.count();
        graphQl().document("{ children(first: 10, where: {favouriteColour: {eq: \"blue\"}}) { totalCount } }").execute().errors()
            .expect(e -> e.getMessage().contains("favouriteColour")).verify();
        graphQl().document("{ children(first: 10, where: {birthYear: {gt: \"old\"}}) { totalCount } }").execute().errors()
            .expect(e -> e.getMessage().contains("birthYear") || e.getMessage().contains("gt")).verify();
        assertThat(statements.count()).isEqualTo(before);
    }
}
