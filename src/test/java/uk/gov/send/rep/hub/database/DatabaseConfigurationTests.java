package uk.gov.send.rep.hub.database;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.neo4j.autoconfigure.DataNeo4jAutoConfiguration;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.data.neo4j.core.Neo4jClient;

import uk.gov.send.rep.hub.database.internal.EmbeddedNeo4j;
import uk.gov.send.rep.hub.database.internal.Neo4jConnectionException;
import uk.gov.send.rep.hub.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** The feature's beans wired with Spring Boot's Neo4j auto-configuration, in both modes. */
class DatabaseConfigurationTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(Neo4jAutoConfiguration.class, DataNeo4jAutoConfiguration.class,
            TransactionAutoConfiguration.class))
        .withUserConfiguration(DatabaseConfiguration.class);

    @TempDir
    Path directory;

    @Test
    void shouldRunEmbeddedWhenNoUriIsSetAndShutItDownWithTheContext() {
        String[] boltUri = new String[1];
        contexts.withPropertyValues("hub.neo4j.embedded.data-dir=" + directory, "hub.neo4j.embedded.bolt-port=0",
                "hub.neo4j.embedded.page-cache=64m")
            .run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(EmbeddedNeo4j.class).hasSingleBean(Driver.class);
                DatabaseReady ready = context.getBean(DatabaseReady.class);
                assertThat(ready.embedded()).isTrue();
                assertThat(ready.appliedVersions()).startsWith(1, 2, 3);
                assertThat(StatementCounting.isCounting(context.getBean(Driver.class))).isTrue();
                assertThat(context.getBean(Neo4jClient.class).query("MATCH (m:Migration) RETURN count(m)")
                    .fetchAs(Long.class).one()).hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(3));
                boltUri[0] = context.getBean(EmbeddedNeo4j.class).boltUri().toString();
            });

        // Closed with the context: nothing answers on its port any more.
        try (Driver driver = GraphDatabase.driver(boltUri[0], AuthTokens.none())) {
            assertThatException().isThrownBy(driver::verifyConnectivity);
        }
    }

    @Test
    void shouldUseBootsDriverAndNoEmbeddedDatabaseWhenUriIsSet() {
        contexts.withPropertyValues("spring.neo4j.uri=" + TestNeo4j.boltUri(),
                "hub.neo4j.embedded.data-dir=" + directory.resolve("never-created"))
            .run(context -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedNeo4j.class).hasSingleBean(Driver.class);
                assertThat(context.getBean(DatabaseReady.class).embedded()).isFalse();
                assertThat(context.getBean(DatabaseReady.class).appliedVersions()).startsWith(1, 2, 3);
                assertThat(StatementCounting.isCounting(context.getBean(Driver.class))).isTrue();
            });
        assertThat(directory.resolve("never-created")).doesNotExist();
    }

    @Test
    void shouldTreatABlankUriAsUnset() {
        contexts.withPropertyValues("spring.neo4j.uri= ", "hub.neo4j.embedded.data-dir=" + directory,
                "hub.neo4j.embedded.bolt-port=-1", "hub.neo4j.embedded.page-cache=64m")
            .run(context -> assertThat(context).hasNotFailed().hasSingleBean(EmbeddedNeo4j.class));
    }

    @Test
    void shouldFailFastWhenTheExternalDatabaseIsUnreachable() {
        contexts.withPropertyValues("spring.neo4j.uri=bolt://127.0.0.1:1")
            .run(context -> {
                assertThat(context).hasFailed();
                Throwable failure = context.getStartupFailure();
                while (failure != null && !(failure instanceof Neo4jConnectionException)) {
                    failure = failure.getCause();
                }
                assertThat(failure).isNotNull()
                    .hasMessageStartingWith("Cannot connect to Neo4j at bolt://127.0.0.1:1 (spring.neo4j.uri): ");
            });
    }
}
