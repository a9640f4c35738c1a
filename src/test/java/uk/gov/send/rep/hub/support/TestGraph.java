package uk.gov.send.rep.hub.support;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;

/**
 * Fixtures and ground truth for tests, by plain Cypher through the driver against the shared
 * {@link TestNeo4j}. Test fixtures use keys starting with {@code TST-} so that they never collide
 * with reference or seeded data, and {@link #deleteFixtures()} removes them all.
 */
public final class TestGraph {

    private static volatile Driver driver;

    private TestGraph() {
    }

    private static synchronized Driver driver() {
        if (driver == null) {
            driver = GraphDatabase.driver(TestNeo4j.boltUri(), AuthTokens.none());
        }
        return driver;
    }

    /** Runs a statement and returns its records. */
    public static List<Record> run(String cypher, Map<String, Object> parameters) {
        return driver().executableQuery(cypher).withParameters(parameters).execute().records();
    }

    public static List<Record> run(String cypher) {
        return run(cypher, Map.of());
    }

    /** Removes every node whose natural key starts with {@code TST-}. */
    public static void deleteFixtures() {
        // CALL ... IN TRANSACTIONS needs an implicit (auto-commit) transaction.
        try (var session = driver().session()) {
            session.run("""
            MATCH (n) WHERE n.code STARTS WITH 'TST-' OR n.ref STARTS WITH 'TST-' OR n.key STARTS WITH 'TST-'
            CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS""").consume();
        }
    }

    /**
     * A partnership {@code code} with {@code areas} member areas, each with {@code settings}
     * settings, each with {@code children} children placed there and resident in the area.
     * Returns the number of children created. Children are created, not merged: call it once per
     * code between {@link #deleteFixtures()} calls.
     */
    public static long partnershipTree(String code, int areas, int settings, int children) {
        run("""
            MERGE (p:Partnership {code: $code}) SET p.name = $code + ' test partnership'
            WITH p
            UNWIND range(1, $areas) AS a
            MERGE (area:LocalArea {code: $code + '-A' + a})
              SET area.name = $code + ' area ' + a, area.dfeCode = $code + '-' + a
            MERGE (area)-[:MEMBER_OF {role: CASE a WHEN 1 THEN 'LEAD' ELSE 'MEMBER' END}]->(p)
            WITH area, a
            UNWIND range(1, $settings) AS s
            MERGE (setting:Setting {ref: $code + '-S' + a + '-' + s})
              SET setting.name = 'Setting ' + a + '-' + s, setting.kind = 'MAINSTREAM', setting.phase = 'PRIMARY',
                  setting.resourcedProvision = false
            MERGE (setting)-[:IN_AREA]->(area)
            WITH area, setting, a, s
            UNWIND range(1, $children) AS c
            CREATE (child:Child {ref: $code + '-C' + a + '-' + s + '-' + c})
              SET child.birthYear = 2012 + c % 6, child.sex = CASE c % 2 WHEN 0 THEN 'F' ELSE 'M' END,
                  child.senProvision = CASE c % 4 WHEN 0 THEN 'E' ELSE 'K' END,
                  child.primaryNeed = ['ASD', 'SLCN', 'SEMH', 'MLD'][c % 4]
            CREATE (child)-[:RESIDENT_IN]->(area)
            CREATE (child)-[:PLACED_AT {from: date('2023-09-01')}]->(setting)
            """, Map.of("code", code, "areas", areas, "settings", settings, "children", children));
        return (long) areas * settings * children;
    }
}
