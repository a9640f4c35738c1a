package uk.gov.send.rep.hub.mutation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.gov.send.rep.hub.support.RoleClient;
import uk.gov.send.rep.hub.support.RoleClient.Answer;
import uk.gov.send.rep.hub.support.TestGraph;
import uk.gov.send.rep.hub.support.TestTokens;

/**
 * The mutation tests' fixture and helpers. Partnerships TST-MA and TST-MB, two areas each, one
 * setting per area, 16 children per setting resident in its area; TST-MA-A1 has DfE code 996 for
 * a LOCAL_AREA token (a code no other test uses: the hub caches the area a DfE code names). Reforms TST-MR1, TST-MR2; measures TST-MC (child, term, percent, RATE),
 * TST-MN (child, academic year, count, MEAN) and TST-MAREA (area, academic year). Pilot TST-MP run
 * by TST-MA (intervention TST-MA-A1, comparison TST-MB-A1, 2024-09-01 to 2026-08-31) and pilot
 * TST-MQ run by TST-MB (intervention TST-MB-A1), with children 6 to 10 of both TST-MP areas in
 * TST-MP's cohort. Each test class that extends it has the fixture for its tests and asks over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MutationFixture {

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    /** Asks the hub over HTTP with this token (none: PUBLIC). */
    Answer ask(String token, String document) {
        return new RoleClient(port).ask(token, document);
    }

    @BeforeAll
    static void create() {
        TestGraph.partnershipTree("TST-MA", 2, 1, 16);
        TestGraph.partnershipTree("TST-MB", 2, 1, 16);
        TestGraph.run("""
            MATCH (a:LocalArea {code: 'TST-MA-A1'}) SET a.dfeCode = '996'
            CREATE (:Reform {code: 'TST-MR1', name: 'Test reform 1', strand: 'TEST', description: 'A test reform'})
            CREATE (:Reform {code: 'TST-MR2', name: 'Test reform 2', strand: 'TEST', description: 'A test reform'})
            CREATE (:Measure {code: 'TST-MC', name: 'Test child rate', unit: 'PERCENT', polarity: 'LOWER_IS_BETTER',
                level: 'CHILD', periodType: 'TERM', valueKind: 'RATE'})
            CREATE (:Measure {code: 'TST-MN', name: 'Test child count', unit: 'COUNT', polarity: 'LOWER_IS_BETTER',
                level: 'CHILD', periodType: 'ACADEMIC_YEAR', valueKind: 'MEAN'})
            CREATE (:Measure {code: 'TST-MAREA', name: 'Test area measure', unit: 'PERCENT', polarity: 'NEUTRAL',
                level: 'AREA', periodType: 'ACADEMIC_YEAR', valueKind: 'MEAN'})""");
        TestGraph.run("""
            MATCH (ma:Partnership {code: 'TST-MA'}), (mb:Partnership {code: 'TST-MB'}),
                  (a1:LocalArea {code: 'TST-MA-A1'}), (b1:LocalArea {code: 'TST-MB-A1'}), (r:Reform {code: 'TST-MR1'})
            CREATE (ma)-[:RUNS]->(p:Pilot {code: 'TST-MP', name: 'Test pilot', start: date('2024-09-01'),
                end: date('2026-08-31'), status: 'ACTIVE'})-[:TESTS]->(r)
            CREATE (p)-[:IN_AREA {arm: 'INTERVENTION'}]->(a1), (p)-[:IN_AREA {arm: 'COMPARISON'}]->(b1)
            CREATE (mb)-[:RUNS]->(q:Pilot {code: 'TST-MQ', name: 'Other pilot', start: date('2024-09-01'),
                end: date('2026-08-31'), status: 'ACTIVE'})-[:TESTS]->(r)
            CREATE (q)-[:IN_AREA {arm: 'INTERVENTION'}]->(b1)
            WITH p
            MATCH (c:Child)-[:RESIDENT_IN]->(a:LocalArea)<-[in:IN_AREA]-(p)
            WHERE toInteger(split(c.ref, '-')[-1]) IN range(6, 10)
            CREATE (c)-[:IN_COHORT {arm: in.arm, enrolled: date('2024-10-01')}]->(p)""");
    }

    @AfterAll
    static void delete() {
        TestGraph.deleteFixtures();
        TestGraph.run("MATCH (r:IdempotencyRecord) WHERE r.key CONTAINS '|TST-' DETACH DELETE r");
    }

    /** A child of the fixture: {@code TST-MA-C1-1-7} is child 7 of TST-MA's first area. */
    static String child(String partnership, int area, int number) {
        return partnership + "-C" + area + "-1-" + number;
    }

    /** The payload's errors as {@code path:CODE}, e.g. {@code input.reforms.1:UNKNOWN_CODE}. */
    @SuppressWarnings("unchecked")
    static List<String> errors(Answer answer, String mutation) {
        return answer.values(mutation + ".errors[*]").stream()
            .map(error -> (Map<String, Object>) error)
            .map(error -> String.join(".", (List<String>) error.get("field")) + ":" + error.get("code"))
            .toList();
    }

    /** One value of a single-row Cypher answer. */
    static Object one(String cypher, Map<String, Object> parameters) {
        List<Record> rows = TestGraph.run(cypher, parameters);
        return rows.isEmpty() ? null : rows.getFirst().get(0).asObject();
    }

    static long count(String cypher, Map<String, Object> parameters) {
        return ((Number) one(cypher, parameters)).longValue();
    }
}
