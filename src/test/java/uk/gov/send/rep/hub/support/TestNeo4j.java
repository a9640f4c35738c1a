package uk.gov.send.rep.hub.support;

import java.net.URI;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import uk.gov.send.rep.hub.database.Migrations;

/**
 * The one embedded Neo4j of a test JVM (neo4j-harness, in-process, Bolt on an ephemeral
 * loopback port). Every Spring test context points {@code spring.neo4j.uri} at it through
 * {@link TestNeo4jContextCustomizerFactory}; tests that need the raw database use
 * {@link #boltUri()} with the driver.
 */
public final class TestNeo4j {

    private static volatile Neo4j instance;

    private TestNeo4j() {
    }

    /** Starts the shared database on first use. */
    public static synchronized Neo4j get() {
        if (instance == null) {
            long started = System.nanoTime();
            Neo4j neo4j = Neo4jBuilders.newInProcessBuilder()
                .withDisabledServer()
                // Transactions past their timeout are stopped within 100 ms rather than Neo4j's
                // default 2 s check, so a test of a short statement timeout stays short.
                .withConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
                .build();
            Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close, "test-neo4j-shutdown"));
            // Constraints and indexes first, so that fixtures created before any Spring context
            // (in @BeforeAll) MERGE on indexed keys, as the hub does.
            try (Driver driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none())) {
                new Migrations().apply(driver);
            }
            instance = neo4j;
            System.out.printf("test-neo4j: started and migrated in %d ms at %s%n",
                (System.nanoTime() - started) / 1_000_000, neo4j.boltURI());
        }
        return instance;
    }

    public static URI boltUri() {
        return get().boltURI();
    }
}
