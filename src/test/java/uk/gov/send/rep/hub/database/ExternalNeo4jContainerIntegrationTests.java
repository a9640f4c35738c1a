package uk.gov.send.rep.hub.database;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's migrations against a real Neo4j server of the version the hub embeds. Needs Docker;
 * where Docker does not run this class is reported as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class ExternalNeo4jContainerIntegrationTests {

    @Container
    static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1-community").withoutAuthentication();

    @Test
    void shouldApplyTheMigrationsToAServerAndCreateTheConstraints() {
        try (Driver driver = GraphDatabase.driver(neo4j.getBoltUrl(), AuthTokens.none())) {
            List<Migration> applied = new Migrations().apply(driver);

            assertThat(applied).extracting(Migration::version).startsWith(1, 2, 3);
            assertThat(driver.executableQuery("SHOW CONSTRAINTS YIELD name").execute().records())
                .extracting(row -> row.get("name").asString())
                .contains("region_code", "local_area_dfe_code", "observation_key", "migration_version");
            assertThat(driver.executableQuery("SHOW INDEXES YIELD name").execute().records())
                .extracting(row -> row.get("name").asString()).contains("observation_measure_period");
            assertThat(new Migrations().apply(driver)).isEmpty();
        }
    }
}
