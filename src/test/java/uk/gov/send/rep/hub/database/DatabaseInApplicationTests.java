package uk.gov.send.rep.hub.database;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole hub as other features' tests see it: pointed at the shared test database, migrated,
 * with its driver counting statements.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "hub.seed.scale=none")
class DatabaseInApplicationTests {

    @Autowired
    DatabaseReady ready;

    @Autowired
    CypherStatementCounter counter;

    @Autowired
    Driver driver;

    @Autowired
    Neo4jClient client;

    @Test
    void shouldStartMigratedAgainstTheExternalTestDatabase() {
        assertThat(ready.embedded()).isFalse();
        assertThat(ready.appliedVersions()).startsWith(1, 2, 3);
        assertThat(client.query("MATCH (m:Migration) WHERE m.version IN [1, 2, 3] RETURN count(m)")
            .fetchAs(Long.class).one()).contains(3L);
    }

    @Test
    void shouldKnowThatTheDatabaseRunsUnversionedStatementsAsCypher5() {
        // The test server, like the embedded default, has no db.query.default_language: Cypher 5 (ADR 0020).
        assertThat(ready.defaultLanguage()).isEqualTo("CYPHER 5");
        assertThat(ready.cypher5ByDefault()).isTrue();
        assertThat(new DatabaseReady(java.util.List.of(1), false, "CYPHER 25").cypher5ByDefault()).isFalse();
        assertThat(new DatabaseReady(java.util.List.of(1), false).cypher5ByDefault()).isFalse();
    }

    @Test
    void shouldCountTheStatementsOfTheApplicationsNeo4jClient() {
        assertThat(StatementCounting.isCounting(driver)).isTrue();
        long before = counter.count();

        client.query("RETURN 1").fetch().one();

        assertThat(counter.count() - before).isEqualTo(1);
    }
}
