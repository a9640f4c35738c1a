package uk.gov.send.rep.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import uk.gov.send.rep.hub.query.GlobalId;
import uk.gov.send.rep.hub.support.RoleClient;
import uk.gov.send.rep.hub.support.RoleClient.Answer;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees what (issue 4, ADR 0010): for each role and each query of the matrix, the exact rows the
 * hub returns, compared with hand-written Cypher over the same fixture with the role's scope
 * applied by hand; or the refusal, when the role may read none of what the query asks for. The
 * queries include the abuse paths: guessing a global id, filtering through a protected related
 * type, nested relationship filters, a to-one field read ahead in the same statement, a nested
 * connection, group-by keys and aggregates over other areas.
 *
 * <p>The fixture: partnerships TST-RA and TST-RB, two areas each, two settings per area, six
 * children per setting resident in its area (24 per partnership), one plan per child maintained by
 * its area, one observation per child and per area; one child of TST-RA also placed at a TST-RB
 * setting; pilot TST-RP run by TST-RA with TST-RA-A1 as intervention and TST-RB-A1 as comparison
 * area, the children of both areas in its cohort.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleMatrixIntegrationTests {

    /** The roles of the matrix and the local areas whose rows each may read (null: all; empty: none). */
    enum Role {
        NATIONAL(null), LEAD(List.of("TST-RA-A1", "TST-RA-A2")), LOCAL(List.of("TST-RA-A1")), EVALUATOR(List.of()),
        PUBLIC(List.of());

        final List<String> areas;

        Role(List<String> areas) {
            this.areas = areas;
        }

        /** The role's name in tokens and messages. */
        String roleName() {
            return switch (this) {
                case LEAD -> "PARTNERSHIP_LEAD";
                case LOCAL -> "LOCAL_AREA";
                default -> name();
            };
        }

        /** Parameters for a ground-truth statement: {@code $all}, and {@code $areas} the role may read. */
        Map<String, Object> scope() {
            return Map.of("all", areas == null, "areas", areas == null ? List.of() : areas);
        }
    }

    private static final Set<Role> ROWS_REFUSED = Set.of(Role.EVALUATOR, Role.PUBLIC);

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    uk.gov.send.rep.hub.support.TestTokens tokens;

    /**
     * Asks as a role over HTTP with a real token minted by the hub's own key (as the {@code token}
     * command does; PUBLIC sends none): the filter chain, decoder and scope interceptor make the
     * scope, exactly as for a user.
     */
    private final class Client {

        Answer ask(Role role, String query) {
            String token = switch (role) {
                case NATIONAL -> tokens.national();
                case LEAD -> tokens.lead("TST-RA");
                case LOCAL -> tokens.localArea("999");
                case EVALUATOR -> tokens.evaluator();
                case PUBLIC -> null;
            };
            return new RoleClient(port).ask(token, query);
        }
    }

    private final Client client = new Client();

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-RA", 2, 2, 6);
        TestGraph.partnershipTree("TST-RB", 2, 2, 6);
        // A DfE code, so that a LOCAL_AREA token can name the area (tokens carry ONS or DfE codes).
        TestGraph.run("MATCH (a:LocalArea {code: 'TST-RA-A1'}) SET a.dfeCode = '999'");
        TestGraph.run("""
            MATCH (c:Child)-[:RESIDENT_IN]->(a:LocalArea) WHERE c.ref STARTS WITH 'TST-R'
            WITH c, a, toInteger(split(c.ref, '-')[-1]) AS i
            CREATE (c)-[:HAS_PLAN]->(p:Plan {ref: 'TST-RP-' + c.ref, kind: 'EHC_PLAN',
                status: CASE i % 3 WHEN 0 THEN 'REQUESTED' ELSE 'ISSUED' END, template: ['LOCAL', 'STANDARDISED'][i % 2],
                requested: date('2024-01-01') + duration({days: i * 5}),
                issued: CASE i % 3 WHEN 0 THEN null ELSE date('2024-06-01') + duration({days: i}) END,
                weeksToIssue: CASE i % 3 WHEN 0 THEN null ELSE 10.0 + i END, digital: false, exceptionsApply: false})
            CREATE (p)-[:MAINTAINED_BY]->(a)
            CREATE (c)-[:OBSERVED]->(:Observation {key: 'TST-RO|' + c.ref, measure: 'TST-M', timePeriod: 202324,
                timeIdentifier: 'Academic year', periodStart: date('2023-09-01'), value: toFloat(i)})""");
        TestGraph.run("""
            MATCH (a:LocalArea) WHERE a.code STARTS WITH 'TST-R'
            CREATE (a)-[:OBSERVED]->(:Observation {key: 'TST-RAO|' + a.code, measure: 'TST-M', timePeriod: 202324,
                timeIdentifier: 'Academic year', periodStart: date('2023-09-01'),
                value: CASE a.code WHEN 'TST-RB-A1' THEN 3.0 WHEN 'TST-RB-A2' THEN 8.0 ELSE 1.0 END})""");
        // TST-M as a published area-level measure, for area benchmarking (its children's observations never count).
        TestGraph.run("""
            CREATE (:Measure {code: 'TST-M', name: 'Role matrix measure', unit: 'SCORE', polarity: 'HIGHER_IS_BETTER',
                level: 'AREA', periodType: 'ACADEMIC_YEAR'})""");
        TestGraph.run("""
            MATCH (c:Child {ref: 'TST-RA-C1-1-1'}), (s:Setting {ref: 'TST-RB-S1-1'})
            CREATE (c)-[:PLACED_AT {from: date('2024-01-01')}]->(s)""");
        TestGraph.run("""
            MATCH (lead:Partnership {code: 'TST-RA'}), (i:LocalArea {code: 'TST-RA-A1'}), (k:LocalArea {code: 'TST-RB-A1'})
            CREATE (lead)-[:RUNS]->(p:Pilot {code: 'TST-RP', name: 'Role matrix pilot', start: date('2024-01-01'),
                end: date('2025-08-31'), status: 'ACTIVE'})
            CREATE (p)-[:IN_AREA {arm: 'INTERVENTION'}]->(i)
            CREATE (p)-[:IN_AREA {arm: 'COMPARISON'}]->(k)
            WITH p, i, k
            MATCH (c:Child)-[:RESIDENT_IN]->(a) WHERE a IN [i, k]
            CREATE (c)-[:IN_COHORT {arm: CASE a WHEN i THEN 'INTERVENTION' ELSE 'COMPARISON' END,
                enrolled: date('2024-01-15')}]->(p)""");
        // A child-level measure for the evaluation (issue 5): every child, the academic years
        // before and after the pilot's start.
        TestGraph.run("""
            CREATE (:Measure {code: 'TST-RM', name: 'Role matrix child measure', unit: 'SCORE', polarity: 'HIGHER_IS_BETTER',
                level: 'CHILD', periodType: 'ACADEMIC_YEAR', definition: 'Test', source: 'Test'})
            WITH 1 AS one
            MATCH (c:Child) WHERE c.ref STARTS WITH 'TST-R'
            WITH c, toInteger(split(c.ref, '-')[-1]) AS i
            UNWIND [[202324, date('2023-09-01'), 0], [202425, date('2024-09-01'), 1]] AS year
            CREATE (c)-[:OBSERVED]->(:Observation {key: 'TST-RM|' + c.ref + '|' + year[0], measure: 'TST-RM',
                timePeriod: year[0], timeIdentifier: 'Academic year', periodStart: year[1], value: toFloat(i + year[2] * (i % 3))})""");
    }

    @Autowired
    uk.gov.send.rep.hub.outcome.ObservationSummaries summaries;

    /** The fixture's children's observations summarised per area, as every writer leaves them. */
    @org.junit.jupiter.api.BeforeEach
    void summarise() {
        uk.gov.send.rep.hub.support.FixtureSummaries.ensure(summaries, "TST-RM");
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    /**
     * One query of the matrix: the GraphQL, where its rows are in the answer, the ground truth
     * (a statement returning one column {@code v}, ordered as the answer, with {@code $all} and
     * {@code $areas} for the role's scope), and the roles that are refused.
     */
    record Case(String name, String query, String path, String truth, Set<Role> refused) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String IN_SCOPE = "($all OR a.code IN $areas)";

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // Root connections of protected rows.
        cases.add(new Case("children page", "{ children(first: 100, where: {ref: {startsWith: \"TST-R\"}}) { edges { node { ref } } } }",
            "children.edges[*].node.ref",
            "MATCH (c:Child)-[:RESIDENT_IN]->(a) WHERE c.ref STARTS WITH 'TST-R' AND " + IN_SCOPE + " RETURN c.ref AS v ORDER BY v",
            ROWS_REFUSED));
        cases.add(new Case("children totalCount", "{ children(first: 0, where: {ref: {startsWith: \"TST-R\"}}) { totalCount } }",
            "children.totalCount",
            "MATCH (c:Child)-[:RESIDENT_IN]->(a) WHERE c.ref STARTS WITH 'TST-R' AND " + IN_SCOPE + " RETURN count(c) AS v",
            ROWS_REFUSED));
        cases.add(new Case("children backward page", "{ children(last: 5, where: {ref: {startsWith: \"TST-R\"}}) { edges { node { ref } } } }",
            "children.edges[*].node.ref",
            "MATCH (c:Child)-[:RESIDENT_IN]->(a) WHERE c.ref STARTS WITH 'TST-R' AND " + IN_SCOPE
                + " WITH c ORDER BY c.ref DESC LIMIT 5 RETURN c.ref AS v ORDER BY v", ROWS_REFUSED));
        cases.add(new Case("children sorted by birth year",
            "{ children(first: 7, where: {ref: {startsWith: \"TST-R\"}}, orderBy: [{field: birthYear, direction: DESC}]) { edges { node { ref } } } }",
            "children.edges[*].node.ref",
            "MATCH (c:Child)-[:RESIDENT_IN]->(a) WHERE c.ref STARTS WITH 'TST-R' AND " + IN_SCOPE
                + " RETURN c.ref AS v ORDER BY c.birthYear DESC, c.ref DESC LIMIT 7", ROWS_REFUSED));
        cases.add(new Case("plans page", "{ plans(first: 100, where: {ref: {startsWith: \"TST-RP-\"}}) { edges { node { ref } } } }",
            "plans.edges[*].node.ref",
            "MATCH (p:Plan)-[:MAINTAINED_BY]->(a) WHERE p.ref STARTS WITH 'TST-RP-' AND " + IN_SCOPE + " RETURN p.ref AS v ORDER BY v",
            ROWS_REFUSED));
        // Guessing: by ref, by global id, several ids.
        cases.add(new Case("child by ref of another partnership", "{ child(ref: \"TST-RB-C1-1-1\") { ref } }", "child.ref",
            "MATCH (c:Child {ref: 'TST-RB-C1-1-1'})-[:RESIDENT_IN]->(a) WHERE " + IN_SCOPE + " RETURN c.ref AS v", ROWS_REFUSED));
        cases.add(new Case("child by ref in the lead's second area", "{ child(ref: \"TST-RA-C2-1-1\") { ref birthYear } }",
            "child.ref",
            "MATCH (c:Child {ref: 'TST-RA-C2-1-1'})-[:RESIDENT_IN]->(a) WHERE " + IN_SCOPE + " RETURN c.ref AS v", ROWS_REFUSED));
        cases.add(new Case("node by guessed global id", "{ node(id: \"" + GlobalId.encode("Child", "TST-RB-C2-2-3")
                + "\") { id ... on Child { ref } } }", "node.ref",
            "MATCH (c:Child {ref: 'TST-RB-C2-2-3'})-[:RESIDENT_IN]->(a) WHERE " + IN_SCOPE + " RETURN c.ref AS v", ROWS_REFUSED));
        cases.add(new Case("nodes: own and other", "{ nodes(ids: [\"" + GlobalId.encode("Plan", "TST-RP-TST-RA-C1-1-1") + "\", \""
                + GlobalId.encode("Plan", "TST-RP-TST-RB-C1-1-1") + "\"]) { ... on Plan { ref } } }", "nodes[*].ref",
            "UNWIND ['TST-RP-TST-RA-C1-1-1', 'TST-RP-TST-RB-C1-1-1'] AS ref OPTIONAL MATCH (p:Plan {ref: ref})-[:MAINTAINED_BY]->(a) "
                + "WHERE " + IN_SCOPE + " RETURN p.ref AS v", ROWS_REFUSED));
        // Nested connections and lists of protected rows under reference data.
        cases.add(new Case("another area's children, nested", "{ localArea(code: \"TST-RB-A1\") { children(first: 50) { edges { node { ref } } } } }",
            "localArea.children.edges[*].node.ref",
            "MATCH (c:Child)-[:RESIDENT_IN]->(a {code: 'TST-RB-A1'}) WHERE " + IN_SCOPE + " RETURN c.ref AS v ORDER BY v", ROWS_REFUSED));
        cases.add(new Case("own second area's children totalCount, nested", "{ localArea(code: \"TST-RA-A2\") { children(first: 0) { totalCount } } }",
            "localArea.children.totalCount",
            "MATCH (c:Child)-[:RESIDENT_IN]->(a {code: 'TST-RA-A2'}) WHERE " + IN_SCOPE + " RETURN count(c) AS v", ROWS_REFUSED));
        cases.add(new Case("children placed at another partnership's setting",
            "{ setting(ref: \"TST-RB-S1-1\") { placements(first: 50) { edges { from node { ref } } } } }",
            "setting.placements.edges[*].node.ref",
            "MATCH (a)<-[:RESIDENT_IN]-(c:Child)-[:PLACED_AT]->(:Setting {ref: 'TST-RB-S1-1'}) WHERE " + IN_SCOPE
                + " RETURN c.ref AS v ORDER BY v", ROWS_REFUSED));
        cases.add(new Case("pilot cohort, both arms", "{ pilot(code: \"TST-RP\") { cohort(first: 100) { edges { arm node { ref } } } } }",
            "pilot.cohort.edges[*].node.ref",
            "MATCH (a)<-[:RESIDENT_IN]-(c:Child)-[:IN_COHORT]->(:Pilot {code: 'TST-RP'}) WHERE " + IN_SCOPE
                + " RETURN c.ref AS v ORDER BY v", ROWS_REFUSED));
        cases.add(new Case("pilot cohort totalCount", "{ pilot(code: \"TST-RP\") { cohort(first: 0) { totalCount } } }",
            "pilot.cohort.totalCount",
            "MATCH (a)<-[:RESIDENT_IN]-(c:Child)-[:IN_COHORT]->(:Pilot {code: 'TST-RP'}) WHERE " + IN_SCOPE + " RETURN count(c) AS v",
            ROWS_REFUSED));
        cases.add(new Case("another area's plans, nested", "{ localArea(code: \"TST-RB-A2\") { plans(first: 50) { edges { node { ref } } } } }",
            "localArea.plans.edges[*].node.ref",
            "MATCH (p:Plan)-[:MAINTAINED_BY]->(a {code: 'TST-RB-A2'}) WHERE " + IN_SCOPE + " RETURN p.ref AS v ORDER BY v", ROWS_REFUSED));
        cases.add(new Case("a child's plans list", "{ child(ref: \"TST-RA-C1-2-2\") { plans { ref } } }", "child.plans[*].ref",
            "MATCH (c:Child {ref: 'TST-RA-C1-2-2'})-[:RESIDENT_IN]->(a) WHERE " + IN_SCOPE
                + " MATCH (c)-[:HAS_PLAN]->(p) RETURN p.ref AS v ORDER BY v", ROWS_REFUSED));
        cases.add(new Case("a plan's child, read ahead in the same statement",
            "{ plans(first: 100, where: {ref: {startsWith: \"TST-RP-TST-RA-C1\"}}) { edges { node { child { ref } } } } }",
            "plans.edges[*].node.child.ref",
            "MATCH (c:Child)-[:HAS_PLAN]->(p:Plan)-[:MAINTAINED_BY]->(a) WHERE p.ref STARTS WITH 'TST-RP-TST-RA-C1' AND "
                + IN_SCOPE + " RETURN c.ref AS v ORDER BY p.ref", ROWS_REFUSED));
        cases.add(new Case("placements of one's own children, nested two levels",
            "{ localArea(code: \"TST-RA-A1\") { children(first: 3) { edges { node { ref placements(first: 5) { edges { node { ref } } } } } } } }",
            "localArea.children.edges[*].node.placements.edges[*].node.ref",
            "MATCH (c:Child)-[:RESIDENT_IN]->(a {code: 'TST-RA-A1'}) WHERE " + IN_SCOPE
                + " WITH c ORDER BY c.ref LIMIT 3 MATCH (c)-[:PLACED_AT]->(s) RETURN s.ref AS v ORDER BY c.ref, s.ref", ROWS_REFUSED));
        cases.add(new Case("a child's observations", "{ child(ref: \"TST-RA-C1-1-2\") { observations(first: 10) { edges { node { id } } } } }",
            "child.observations.edges[*].node.id",
            "MATCH (c:Child {ref: 'TST-RA-C1-1-2'})-[:RESIDENT_IN]->(a) WHERE " + IN_SCOPE
                + " MATCH (c)-[:OBSERVED]->(o) RETURN o.key AS v ORDER BY v", ROWS_REFUSED));
        // Filters through protected related rows: only the rows in scope may make a parent match.
        cases.add(new Case("areas with some ASD child (filter through children)",
            "{ localAreas(first: 10, where: {code: {startsWith: \"TST-R\"}, children: {some: {primaryNeed: {eq: ASD}}}}) { edges { node { code } } } }",
            "localAreas.edges[*].node.code",
            "MATCH (a:LocalArea) WHERE a.code STARTS WITH 'TST-R' AND EXISTS { (a)<-[:RESIDENT_IN]-(c:Child {primaryNeed: 'ASD'}) } AND "
                + IN_SCOPE + " RETURN a.code AS v ORDER BY v", ROWS_REFUSED));
        cases.add(new Case("settings where a named child was placed (filter pins a guessed ref)",
            "{ settings(first: 10, where: {placements: {some: {node: {ref: {eq: \"TST-RB-C1-1-1\"}}}}}) { edges { node { ref } } } }",
            "settings.edges[*].node.ref",
            "MATCH (c:Child {ref: 'TST-RB-C1-1-1'})-[:PLACED_AT]->(s:Setting) MATCH (c)-[:RESIDENT_IN]->(a) WHERE " + IN_SCOPE
                + " RETURN s.ref AS v ORDER BY v", ROWS_REFUSED));
        cases.add(new Case("settings none of whose children is TST-RA's (none through children)",
            "{ settings(first: 20, where: {ref: {startsWith: \"TST-R\"}, placements: {none: {node: {ref: {startsWith: \"TST-RA\"}}}}}) { edges { node { ref } } } }",
            "settings.edges[*].node.ref",
            "MATCH (s:Setting) WHERE s.ref STARTS WITH 'TST-R' AND NOT EXISTS { MATCH (a)<-[:RESIDENT_IN]-(c:Child)-[:PLACED_AT]->(s) "
                + "WHERE c.ref STARTS WITH 'TST-RA' AND " + IN_SCOPE + " } RETURN s.ref AS v ORDER BY v", ROWS_REFUSED));
        cases.add(new Case("children with some issued plan (nested filter through plans)",
            "{ children(first: 100, where: {ref: {startsWith: \"TST-RB\"}, plans: {some: {status: {eq: ISSUED}}}}) { edges { node { ref } } } }",
            "children.edges[*].node.ref",
            "MATCH (c:Child)-[:RESIDENT_IN]->(a) WHERE c.ref STARTS WITH 'TST-RB' AND " + IN_SCOPE
                + " AND EXISTS { (c)-[:HAS_PLAN]->(:Plan {status: 'ISSUED'}) } RETURN c.ref AS v ORDER BY v", ROWS_REFUSED));
        cases.add(new Case("pilots whose cohort has a child of another area (all/some nested)",
            "{ pilots(first: 5, where: {code: {eq: \"TST-RP\"}, cohort: {some: {node: {area: {some: {code: {eq: \"TST-RB-A1\"}}}}}}}) { edges { node { code } } } }",
            "pilots.edges[*].node.code",
            "MATCH (p:Pilot {code: 'TST-RP'}) WHERE EXISTS { MATCH (p)<-[:IN_COHORT]-(c:Child)-[:RESIDENT_IN]->(a:LocalArea {code: 'TST-RB-A1'}) "
                + "WHERE " + IN_SCOPE + " } RETURN p.code AS v", ROWS_REFUSED));
        cases.add(new Case("settings sorted by their number of placed children (counts rows beyond the scope)",
            "{ settings(first: 3, where: {ref: {startsWith: \"TST-RB\"}}, orderBy: [{field: placementsCount, direction: DESC}]) { edges { cursor node { ref } } } }",
            "settings.edges[*].node.ref",
            "MATCH (s:Setting) WHERE s.ref STARTS WITH 'TST-RB' RETURN s.ref AS v ORDER BY COUNT { (s)<-[:PLACED_AT]-() } DESC, v DESC LIMIT 3",
            Set.of(Role.LEAD, Role.LOCAL, Role.EVALUATOR, Role.PUBLIC)));
        // Reference data and published statistics: every role, every row.
        cases.add(new Case("partnerships", "{ partnerships(first: 20, where: {code: {startsWith: \"TST-R\"}}) { edges { node { code } } } }",
            "partnerships.edges[*].node.code",
            "MATCH (p:Partnership) WHERE p.code STARTS WITH 'TST-R' RETURN p.code AS v ORDER BY v", Set.of()));
        cases.add(new Case("settings of another partnership", "{ localArea(code: \"TST-RB-A2\") { settings(first: 10) { edges { node { ref } } } } }",
            "localArea.settings.edges[*].node.ref",
            "MATCH (s:Setting)-[:IN_AREA]->(:LocalArea {code: 'TST-RB-A2'}) RETURN s.ref AS v ORDER BY v", Set.of()));
        cases.add(new Case("pilot areas and arms", "{ pilot(code: \"TST-RP\") { areas(first: 5) { edges { arm node { code } } } } }",
            "pilot.areas.edges[*].node.code",
            "MATCH (:Pilot {code: 'TST-RP'})-[:IN_AREA]->(a) RETURN a.code AS v ORDER BY v", Set.of()));
        cases.add(new Case("an area's published observations", "{ localArea(code: \"TST-RB-A1\") { observations(first: 5) { edges { node { id } } } } }",
            "localArea.observations.edges[*].node.id",
            "MATCH (:LocalArea {code: 'TST-RB-A1'})-[:OBSERVED]->(o) RETURN o.key AS v", Set.of()));
        cases.add(new Case("node: another child's observation by guessed id", "{ node(id: \"" + GlobalId.encode("Observation", "TST-RO|TST-RB-C1-1-1")
                + "\") { id } }", "node.id",
            "MATCH (a)<-[:RESIDENT_IN]-(:Child {ref: 'TST-RB-C1-1-1'})-[:OBSERVED]->(o {key: 'TST-RO|TST-RB-C1-1-1'}) WHERE "
                + IN_SCOPE + " RETURN o.key AS v",
            Set.of()));
        cases.add(new Case("periods (reference: no rows at all)",
            "{ periods(from: {timePeriod: 202324, timeIdentifier: \"Academic year\"}, to: {timePeriod: 202526, timeIdentifier: \"Academic year\"}) { label } }",
            "periods[*].label", "UNWIND ['2023/24', '2024/25', '2025/26'] AS v RETURN v", Set.of()));
        cases.add(new Case("an area's observations with their periods", "{ localArea(code: \"TST-RB-A2\") { observations(first: 5) { edges { node { period { label } } } } } }",
            "localArea.observations.edges[*].node.period.label",
            "MATCH (:LocalArea {code: 'TST-RB-A2'})-[:OBSERVED]->(o) RETURN CASE o.timeIdentifier WHEN 'Academic year' "
                + "THEN toString(o.timePeriod / 100) + '/' + right(toString(o.timePeriod), 2) END AS v", Set.of()));
        cases.add(new Case("a child's observations with their periods", "{ child(ref: \"TST-RA-C2-1-2\") { observations(first: 10) { edges { node { period { label start } } } } } }",
            "child.observations.edges[*].node.period.label",
            "MATCH (c:Child {ref: 'TST-RA-C2-1-2'})-[:RESIDENT_IN]->(a) WHERE " + IN_SCOPE
                + " MATCH (c)-[:OBSERVED]->(o) RETURN toString(o.timePeriod / 100) + '/' + right(toString(o.timePeriod), 2) AS v"
                + " ORDER BY o.key",
            ROWS_REFUSED));
        cases.add(new Case("node: an area's observation", "{ node(id: \"" + GlobalId.encode("Observation", "TST-RAO|TST-RB-A2")
                + "\") { id } }", "node.id", "MATCH (o:Observation {key: 'TST-RAO|TST-RB-A2'}) RETURN o.key AS v", Set.of()));
        // Pilot evaluation (issue 5): aggregates of children, twelve a side, shown to every role.
        cases.add(new Case("a pilot's series", "{ pilot(code: \"TST-RP\") { series(measure: \"TST-RM\") { lines { points { n } } } } }",
            "pilot.series.lines[*].points[*].n",
            """
            CALL () {
              MATCH (c:Child)-[m:IN_COHORT]->(:Pilot {code: 'TST-RP'}) RETURN c, CASE m.arm WHEN 'INTERVENTION' THEN 0 ELSE 1 END AS line
              UNION ALL
              MATCH (:Partnership {code: 'TST-RA'})<-[:MEMBER_OF]-(:LocalArea)<-[:RESIDENT_IN]-(c:Child) RETURN c, 2 AS line
              UNION ALL
              MATCH (c:Child) WHERE c.ref STARTS WITH 'TST-R' RETURN c, 3 AS line
            }
            MATCH (c)-[:OBSERVED]->(o:Observation {measure: 'TST-RM'})
            WITH line, o.periodStart AS start, count(*) AS v RETURN v ORDER BY line, start""", Set.of()));
        cases.add(new Case("a pilot's effect: children per arm", "{ pilot(code: \"TST-RP\") { effect(measure: \"TST-RM\") { changes { units } } } }",
            "pilot.effect.changes[*].units",
            "MATCH (c:Child)-[m:IN_COHORT]->(:Pilot {code: 'TST-RP'}) WITH m.arm AS arm, count(c) AS v RETURN v ORDER BY arm DESC",
            Set.of()));
        cases.add(new Case("pilots compared: children per cell", "{ pilotComparison(measure: \"TST-RM\", pilots: [\"TST-RP\"]) { rows { cells { units } } } }",
            "pilotComparison.rows[*].cells[*].units",
            "MATCH (c:Child)-[m:IN_COHORT]->(:Pilot {code: 'TST-RP'}) WITH m.arm AS arm, count(c) AS n "
                + "UNWIND [n, n] AS v RETURN v ORDER BY arm DESC",
            Set.of()));
        // Area benchmarking: published area statistics only, the same for every role; the children's
        // observations of the same measure never count.
        cases.add(new Case("area benchmark: each line's mean", "{ areaBenchmark(area: \"TST-RB-A1\", measure: \"TST-M\") { lines { points { value } } } }",
            "areaBenchmark.lines[*].points[*].value", """
                MATCH (:LocalArea {code: 'TST-RB-A1'})-[:OBSERVED]->(o:Observation {measure: 'TST-M'}) RETURN o.value AS v
                UNION ALL
                MATCH (:LocalArea {code: 'TST-RB-A1'})-[:MEMBER_OF]->(p:Partnership)
                MATCH (p)<-[:MEMBER_OF]-(:LocalArea)-[:OBSERVED]->(o:Observation {measure: 'TST-M'}) RETURN avg(o.value) AS v
                UNION ALL
                MATCH (:LocalArea)-[:OBSERVED]->(o:Observation {measure: 'TST-M'}) RETURN avg(o.value) AS v""", Set.of()));
        cases.add(new Case("area benchmark: the lines", "{ areaBenchmark(area: \"TST-RB-A2\", measure: \"TST-M\") { lines { label } } }",
            "areaBenchmark.lines[*].label", """
                MATCH (a:LocalArea {code: 'TST-RB-A2'}) RETURN a.name AS v
                UNION ALL
                MATCH (:LocalArea {code: 'TST-RB-A2'})-[:MEMBER_OF]->(p:Partnership) RETURN p.name AS v
                UNION ALL
                RETURN 'England' AS v""", Set.of()));
        return cases;
    }

    static Stream<Arguments> matrix() {
        return cases().stream().flatMap(c -> Stream.of(Role.values()).map(role -> Arguments.of(c, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void shouldReturnExactlyTheRowsInTheRolesScope(Case c, Role role) {
        Answer answer = client.ask(role, c.query());
        if (c.refused().contains(role)) {
            assertThat(answer.errors()).as("errors").isNotEmpty();
            assertThat(answer.errors()).allSatisfy(error -> {
                assertThat(error.classification()).isEqualTo("FORBIDDEN");
                assertThat(error.message()).startsWith("Role " + role.roleName() + " may not");
            });
            assertThat(answer.values(c.path())).as("no rows at all").allMatch(v -> v == null);
            return;
        }
        assertThat(answer.errors()).as("errors").isEmpty();
        List<Object> expected = new ArrayList<>();
        for (Record record : TestGraph.run(c.truth(), role.scope())) {
            Object value = record.get("v").asObject();
            expected.add(value instanceof String text && (text.startsWith("TST-RO|") || text.startsWith("TST-RAO|")
                || text.startsWith("TST-RM|")) ? GlobalId.encode("Observation", text)
                : value instanceof Long count ? (Object) Math.toIntExact(count) : value);
        }
        if (c.path().endsWith("totalCount")) {
            assertThat(answer.values(c.path())).containsExactly(((Number) expected.getFirst()).intValue());
            return;
        }
        List<Object> actual = answer.values(c.path()).stream().filter(v -> v != null).toList();
        assertThat(actual).as("rows").containsExactlyElementsOf(expected.stream().filter(v -> v != null).toList());
        if (role == Role.NATIONAL) {
            assertThat(actual).as("the fixture gives every query some rows for NATIONAL").isNotEmpty();
        }
    }

    /**
     * The fields of every row a role may read are exactly the stored ones, for each role that
     * reads rows (a child's page with its plans, and its placement edges' dates), compared value by
     * value with the database.
     */
    @Test
    void shouldReturnExactlyTheStoredFieldsOfEachVisibleRow() {
        String query = """
            { children(first: 100, where: {area: {some: {code: {startsWith: "TST-R"}}}}) { edges { node {
                ref birthYear sex senProvision primaryNeed
                plans { ref status template requested issued weeksToIssue }
                placements(first: 5) { edges { from to node { ref } } } } } } }""";
        for (Role role : List.of(Role.NATIONAL, Role.LEAD, Role.LOCAL)) {
            Answer answer = client.ask(role, query);
            assertThat(answer.errors()).as(role.name()).isEmpty();
            List<Object> rows = answer.values("children.edges[*].node");
            List<Record> truth = TestGraph.run("""
                MATCH (c:Child)-[:RESIDENT_IN]->(a) WHERE a.code STARTS WITH 'TST-R' AND ($all OR a.code IN $areas)
                RETURN c{.ref, .birthYear, .sex, .senProvision, .primaryNeed,
                    plans: [(c)-[:HAS_PLAN]->(p)-[:MAINTAINED_BY]->(m) WHERE $all OR m.code IN $areas
                        | p{.ref, .status, .template, requested: toString(p.requested), issued: toString(p.issued),
                           .weeksToIssue}],
                    placements: [(c)-[r:PLACED_AT]->(s) | {from: toString(r.from), to: toString(r.to), ref: s.ref}]} AS c
                ORDER BY c.ref""", role.scope());
            assertThat(rows).as(role.name()).hasSize(truth.size()).isNotEmpty();
            for (int i = 0; i < rows.size(); i++) {
                Map<?, ?> row = (Map<?, ?>) rows.get(i);
                Map<String, Object> expected = truth.get(i).get("c").asMap();
                for (String field : List.of("ref", "birthYear", "sex", "senProvision", "primaryNeed")) {
                    assertThat(String.valueOf(row.get(field))).as(role + " " + expected.get("ref") + "." + field)
                        .isEqualTo(String.valueOf(expected.get(field)));
                }
                assertThat(lines((List<?>) row.get("plans"), RoleMatrixIntegrationTests::plan))
                    .as(role + " plans of " + expected.get("ref"))
                    .isEqualTo(lines((List<?>) expected.get("plans"), RoleMatrixIntegrationTests::plan));
                assertThat(lines((List<?>) ((Map<?, ?>) row.get("placements")).get("edges"),
                        edge -> edge.get("from") + "|" + edge.get("to") + "|" + ((Map<?, ?>) edge.get("node")).get("ref")))
                    .as(role + " placements of " + expected.get("ref"))
                    .isEqualTo(lines((List<?>) expected.get("placements"),
                        placement -> placement.get("from") + "|" + placement.get("to") + "|" + placement.get("ref")));
            }
        }
    }

    /** Each item of a list of maps as one line, sorted. */
    private static List<String> lines(List<?> items, java.util.function.Function<Map<?, ?>, String> line) {
        return items.stream().map(item -> line.apply((Map<?, ?>) item)).sorted().toList();
    }

    private static String plan(Map<?, ?> plan) {
        Object weeks = plan.get("weeksToIssue");
        return plan.get("ref") + "|" + plan.get("status") + "|" + plan.get("template") + "|" + plan.get("requested") + "|"
            + plan.get("issued") + "|" + (weeks == null ? null : ((Number) weeks).doubleValue());
    }

    /** The matrix holds at least 30 queries, each run by every role. */
    @Test
    void shouldCoverAtLeastThirtyQueries() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(30);
    }

    // --- Aggregates: over every row, exact for NATIONAL and one's own rows, disclosure-controlled otherwise.

    private static Map<String, Object> counts(String cypher, Role role) {
        Record record = TestGraph.run(cypher, role.scope()).getFirst();
        return Map.of("count", record.get("count").asLong(), "inScope", record.get("inScope").asLong());
    }

    private static Object expected(Map<String, Object> counts, Role role) {
        long count = (Long) counts.get("count");
        long inScope = (Long) counts.get("inScope");
        if (role == Role.NATIONAL || inScope == count || count == 0 || count >= 10) {
            return count;
        }
        return "c";
    }

    @Test
    void shouldAggregateOverEveryRowAndSuppressSmallCellsOutsideTheScope() {
        String query = """
            { localArea(code: "TST-RB-A1") {
                big: children { aggregate { count } }
                small: children(where: {primaryNeed: {eq: ASD}, birthYear: {eq: 2016}}) { aggregate { count suppressed { symbol reason threshold } } }
                none: children(where: {birthYear: {eq: 1990}}) { aggregate { count } } } }""";
        for (Role role : Role.values()) {
            Answer answer = client.ask(role, query);
            assertThat(answer.errors()).as(role.name()).isEmpty();
            Map<String, Object> big = counts("MATCH (c:Child)-[:RESIDENT_IN]->(a {code: 'TST-RB-A1'}) "
                + "RETURN count(c) AS count, count(CASE WHEN " + IN_SCOPE + " THEN 1 END) AS inScope", role);
            Map<String, Object> small = counts("MATCH (c:Child {primaryNeed: 'ASD', birthYear: 2016})-[:RESIDENT_IN]->(a {code: 'TST-RB-A1'}) "
                + "RETURN count(c) AS count, count(CASE WHEN " + IN_SCOPE + " THEN 1 END) AS inScope", role);
            assertThat((Long) big.get("count")).isEqualTo(12);
            assertThat((Long) small.get("count")).isBetween(1L, 9L);
            assertThat(answer.values("localArea.big.aggregate.count")).as(role.name()).containsExactly(number(expected(big, role)));
            assertThat(answer.values("localArea.small.aggregate.count")).as(role.name()).containsExactly(number(expected(small, role)));
            assertThat(answer.values("localArea.none.aggregate.count")).as(role.name()).containsExactly(0);
            if (role != Role.NATIONAL) {
                assertThat(answer.values("localArea.small.aggregate.suppressed.reason")).containsExactly("PRIMARY");
                assertThat(answer.values("localArea.small.aggregate.suppressed.threshold")).containsExactly(10);
            }
        }
        // A lead's own area: exact however small.
        Answer own = client.ask(Role.LEAD, """
            { localArea(code: "TST-RA-A1") { children(where: {primaryNeed: {eq: ASD}, birthYear: {eq: 2016}}) { aggregate { count suppressed { symbol } } } } }""");
        long ownSmall = TestGraph.run("MATCH (c:Child {primaryNeed: 'ASD', birthYear: 2016})-[:RESIDENT_IN]->({code: 'TST-RA-A1'}) "
            + "RETURN count(c) AS n").getFirst().get("n").asLong();
        assertThat(ownSmall).isBetween(1L, 9L);
        assertThat(own.values("localArea.children.aggregate.count")).containsExactly((int) ownSmall);
        assertThat(own.values("localArea.children.aggregate.suppressed")).containsExactly((Object) null);
    }

    @Test
    void shouldSuppressASecondGroupWhenOneAloneWouldBeSuppressed() {
        // (Aggregates may not filter on a child's ref for anyone but NATIONAL: the fixture's children
        // are picked by their area.) The pilot's cohort, 12 children in each arm's area, by primary need: ASD 4, MLD 4, SEMH 8,
        // SLCN 8, every group mixing the lead's children with another partnership's.
        String query = """
            { pilot(code: "TST-RP") { cohort { groupBy(by: [primaryNeed]) { key { primaryNeed } count suppressed { reason } } } }
              children(where: {area: {some: {code: {eq: "TST-RB-A1"}}}}) { groupBy(by: [birthYear]) { key { birthYear } count suppressed { reason } } } }""";
        Answer national = client.ask(Role.NATIONAL, query);
        assertThat(national.errors()).isEmpty();
        assertThat(national.values("pilot.cohort.groupBy[*].count")).containsExactly(4, 4, 8, 8);
        for (Role role : List.of(Role.LEAD, Role.EVALUATOR, Role.PUBLIC)) {
            Answer answer = client.ask(role, query);
            assertThat(answer.errors()).as(role.name()).isEmpty();
            assertThat(answer.values("pilot.cohort.groupBy[*].count")).as(role.name()).containsExactly("c", "c", "c", "c");
        }
        // TST-RB-A1's twelve children: two born in each year from 2012 to 2017: all suppressed
        // (primary) for anyone but NATIONAL.
        assertThat(client.ask(Role.EVALUATOR, query).values("children.groupBy[*].suppressed.reason"))
            .containsOnly("PRIMARY").hasSize(6);
        // A one-key grouping where exactly one cell is small: TST-RB's 24 children by senProvision,
        // E (one child per setting) and K.
        Answer split = client.ask(Role.EVALUATOR, """
            { children(where: {area: {some: {code: {startsWith: "TST-RB-"}}}}) { groupBy(by: [senProvision]) { key { senProvision } count suppressed { reason } } } }""");
        assertThat(split.errors()).isEmpty();
        List<Record> truth = TestGraph.run("MATCH (c:Child) WHERE c.ref STARTS WITH 'TST-RB-' "
            + "RETURN c.senProvision AS k, count(c) AS n ORDER BY k");
        assertThat(truth).extracting(r -> r.get("n").asLong()).containsExactly(4L, 20L);
        // E: 4 (primary); K: 20 would give E away from the total (24): secondary.
        assertThat(split.values("children.groupBy[*].count")).containsExactly("c", "c");
        assertThat(split.values("children.groupBy[*].suppressed.reason")).containsExactly("PRIMARY", "SECONDARY");
        assertThat(client.ask(Role.NATIONAL, """
            { children(where: {area: {some: {code: {startsWith: "TST-RB-"}}}}) { groupBy(by: [senProvision]) { count } } }""")
            .values("children.groupBy[*].count")).containsExactly(4, 20);
    }

    @Test
    void shouldRefuseIdentifyingFieldsInAggregatesForAllButNational() {
        String byRef = "{ children(where: {area: {some: {code: {eq: \"TST-RB-A1\"}}}}) { groupBy(by: [ref]) { count } } }";
        String filterRef = "{ localArea(code: \"TST-RB-A1\") { children(where: {ref: {eq: \"TST-RB-C1-1-1\"}}) { aggregate { count } } } }";
        for (Role role : List.of(Role.LEAD, Role.LOCAL, Role.EVALUATOR, Role.PUBLIC)) {
            assertThat(client.ask(role, byRef).errors()).singleElement().satisfies(error -> {
                assertThat(error.classification()).isEqualTo("FORBIDDEN");
                assertThat(error.message()).contains("group Child rows by `ref`");
            });
            assertThat(client.ask(role, filterRef).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("filter on `ref` of Child"));
        }
        assertThat(client.ask(Role.NATIONAL, byRef).values("children.groupBy[*].count")).hasSize(12).containsOnly(1);
        assertThat(client.ask(Role.NATIONAL, filterRef).values("localArea.children.aggregate.count")).containsExactly(1);
    }

    @Autowired
    uk.gov.send.rep.hub.database.CypherStatementCounter statements;

    /**
     * The scope costs an aggregate nothing unless a set is small: then (and only for a scope that
     * may read some rows) a second statement counts the rows in scope.
     */
    @Test
    void shouldCountRowsInScopeOnlyWhenASetIsSmall() {
        String big = "{ localArea(code: \"TST-RB-A1\") { children { aggregate { count } } } }";
        String small = "{ localArea(code: \"TST-RB-A1\") { children(where: {primaryNeed: {eq: ASD}}) { aggregate { count } } } }";
        client.ask(Role.NATIONAL, big);
        for (Role role : List.of(Role.NATIONAL, Role.LEAD, Role.EVALUATOR)) {
            // localArea + the aggregate
            assertThat(roundTrips(role, big)).as(role + " big").isEqualTo(2);
        }
        assertThat(roundTrips(Role.NATIONAL, small)).isEqualTo(2);
        assertThat(roundTrips(Role.LEAD, small)).as("lead, small: counts its rows in scope").isEqualTo(3);
        assertThat(roundTrips(Role.EVALUATOR, small)).as("evaluator: none in scope, nothing to count").isEqualTo(2);
    }

    private long roundTrips(Role role, String query) {
        // Once first, so that the scope's member areas (cached for a minute) are not counted.
        client.ask(role, query);
        long before = statements.count();
        assertThat(client.ask(role, query).errors()).isEmpty();
        return statements.count() - before;
    }

    /** Evaluators answer their questions with aggregates: filters through other protected rows define the population. */
    @Test
    void shouldLetEvaluatorsFilterAggregatesThroughProtectedRows() {
        Answer answer = client.ask(Role.EVALUATOR, """
            { children(where: {area: {some: {code: {startsWith: "TST-R"}}}, plans: {some: {status: {eq: ISSUED}}}}) { aggregate { count avg { birthYear } min { birthYear } } } }""");
        assertThat(answer.errors()).isEmpty();
        long truth = TestGraph.run("MATCH (c:Child) WHERE c.ref STARTS WITH 'TST-R' AND EXISTS { (c)-[:HAS_PLAN]->(:Plan {status: 'ISSUED'}) } "
            + "RETURN count(c) AS n").getFirst().get("n").asLong();
        assertThat(truth).isGreaterThanOrEqualTo(10);
        assertThat(answer.values("children.aggregate.count")).containsExactly((int) truth);
        assertThat(answer.values("children.aggregate.avg.birthYear")).doesNotContainNull();
        assertThat(answer.values("children.aggregate.min")).as("one child's value").containsExactly((Object) null);
    }

    private static Object number(Object value) {
        return value instanceof Long n ? (Object) n.intValue() : value;
    }
}
