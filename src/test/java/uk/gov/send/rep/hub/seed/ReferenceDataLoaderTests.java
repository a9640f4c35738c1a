package uk.gov.send.rep.hub.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import uk.gov.send.rep.hub.database.Migrations;
import uk.gov.send.rep.hub.support.TestNeo4j;

/** The reference data in the shared test database (which other tests use too: nothing is wiped). */
class ReferenceDataLoaderTests {

    private static Driver driver;
    private static ReferenceDataLoader loader;
    private static SeedInputs inputs;

    @BeforeAll
    static void load() {
        driver = GraphDatabase.driver(TestNeo4j.boltUri(), AuthTokens.none());
        new Migrations().apply(driver);
        inputs = SeedInputs.load();
        loader = new ReferenceDataLoader(new SeedDatabase(driver));
        loader.load(inputs);
    }

    @AfterAll
    static void close() {
        driver.close();
    }

    @Test
    void shouldLoadNineRegionsAnd153AreasWithBothCodes() {
        assertThat(count("MATCH (r:Region) RETURN count(r)")).isEqualTo(9);
        assertThat(count("MATCH (a:LocalArea) RETURN count(a)")).isEqualTo(153);
        assertThat(count("""
            MATCH (a:LocalArea)-[:IN_REGION]->(:Region)
            WHERE a.code =~ 'E(06|08|09|10)\\\\d{6}' AND a.dfeCode =~ '\\\\d{3}' AND a.name IS NOT NULL
            RETURN count(DISTINCT a)""")).isEqualTo(153);
    }

    @Test
    void shouldLoadNinePartnershipsWith32MemberAreas() {
        assertThat(count("MATCH (p:Partnership)-[:IN_REGION]->(:Region) RETURN count(p)")).isEqualTo(9);
        assertThat(count("MATCH (a:LocalArea)-[:MEMBER_OF]->(:Partnership) RETURN count(DISTINCT a)")).isEqualTo(32);
        assertThat(count("""
            MATCH (a:LocalArea)-[:MEMBER_OF]->(p:Partnership)-[:IN_REGION]->(r:Region)<-[:IN_REGION]-(a)
            RETURN count(a)""")).isEqualTo(32);
    }

    @Test
    void shouldGiveLeadsTheirRoles() {
        assertThat(roles("CPP-NE", "LEAD")).containsExactly("Hartlepool");
        assertThat(roles("CPP-EM", "JOINT_LEAD")).containsExactly("Leicester", "Leicestershire", "Rutland");
        assertThat(roles("CPP-SW", "JOINT_LEAD")).containsExactly("Gloucestershire", "Swindon");
    }

    @Test
    void shouldLoadReformsAndMeasures() {
        assertThat(count("MATCH (r:Reform) RETURN count(r)")).isEqualTo(inputs.reforms().size());
        assertThat(count("MATCH (m:Measure) WHERE m.unit IS NOT NULL AND m.level IS NOT NULL RETURN count(m)"))
            .isEqualTo(inputs.measures().size());
    }

    @Test
    void shouldChangeNothingWhenLoadedTwice() {
        List<Map<String, Object>> before = snapshot();
        long[] created = loader.load(inputs);
        assertThat(created).containsExactly(0, 0);
        assertThat(snapshot()).isEqualTo(before);
    }

    private List<String> roles(String partnership, String role) {
        return driver.executableQuery("""
            MATCH (a:LocalArea)-[m:MEMBER_OF {role: $role}]->(:Partnership {code: $partnership})
            RETURN a.name AS name ORDER BY name""")
            .withParameters(Map.of("partnership", partnership, "role", role)).execute()
            .records().stream().map(r -> r.get("name").asString()).toList();
    }

    private static long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
    }

    private static List<Map<String, Object>> snapshot() {
        return driver.executableQuery("""
            MATCH (n) WHERE n:Region OR n:LocalArea OR n:Partnership OR n:Reform OR n:Measure
            OPTIONAL MATCH (n)-[r:IN_REGION|MEMBER_OF]->(m)
            WITH n, r, m ORDER BY elementId(n), type(r), elementId(m)
            RETURN labels(n) AS labels, properties(n) AS node, type(r) AS type, properties(r) AS rel,
              elementId(m) AS target""").execute().records().stream().map(r -> r.asMap()).toList();
    }
}
