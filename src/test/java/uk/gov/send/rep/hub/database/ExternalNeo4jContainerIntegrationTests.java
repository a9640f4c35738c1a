package uk.gov.send.rep.hub.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import uk.gov.send.rep.hub.HubApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub against a real Neo4j server (the official image, of the version the hub embeds):
 * migrations, reference data and GraphQL with no embedded database. Needs Docker;
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

    @Test
    void shouldServeGraphQlFromTheServerWithNoEmbeddedDatabase() throws Exception {
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).run(
                "--spring.neo4j.uri=" + neo4j.getBoltUrl(), "--server.port=0", "--hub.seed.scale=none",
                "--spring.main.banner-mode=off")) {
            assertThat(hub.getBeanProvider(org.neo4j.dbms.api.DatabaseManagementService.class).getIfAvailable()).isNull();
            assertThat(hub.getBean(DatabaseReady.class).embedded()).isFalse();
            int port = hub.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"{ regions(first: 0) { totalCount } localAreas(first: 0) { totalCount } partnerships(first: 0) { totalCount } }\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).contains("\"regions\":{\"totalCount\":9}")
                .contains("\"localAreas\":{\"totalCount\":153}")
                .contains("\"partnerships\":{\"totalCount\":9}");
        }
    }
}
