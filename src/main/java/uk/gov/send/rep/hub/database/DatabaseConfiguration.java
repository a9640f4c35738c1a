package uk.gov.send.rep.hub.database;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import uk.gov.send.rep.hub.database.internal.DriverConnectivity;
import uk.gov.send.rep.hub.database.internal.EmbeddedNeo4j;
import uk.gov.send.rep.hub.database.internal.EmbeddedNeo4jConfiguration;

/**
 * The database feature's beans in either mode: embedded ({@link EmbeddedNeo4jConfiguration},
 * when {@code spring.neo4j.uri} is not set) or external (Spring Boot's own driver).
 */
@Configuration(proxyBeanMethods = false)
@Import(EmbeddedNeo4jConfiguration.class)
class DatabaseConfiguration {

    private static final Log log = LogFactory.getLog(DatabaseConfiguration.class);

    // Static: a post-processor must not drag this configuration into early initialisation.
    @Bean
    static CountingDriverPostProcessor countingDriverPostProcessor() {
        return new CountingDriverPostProcessor();
    }

    @Bean
    CypherStatementCounter cypherStatementCounter() {
        return new CypherStatementCounter();
    }

    // Never lazy: whoever injects DatabaseReady, and the web server, must find the schema migrated.
    @Bean
    @Lazy(false)
    DatabaseReady databaseReady(Driver driver, ObjectProvider<EmbeddedNeo4j> embedded, Environment environment,
            ResourceLoader resourceLoader) {
        EmbeddedNeo4j neo4j = embedded.getIfAvailable();
        String target = neo4j != null
            ? "the embedded database (" + neo4j.boltUri() + ")"
            : environment.getProperty("spring.neo4j.uri") + " (spring.neo4j.uri)";
        DriverConnectivity.verify(driver, target);
        Migrations migrations = new Migrations(Migrations.DEFAULT_LOCATION, resourceLoader);
        List<Migration> appliedNow = migrations.apply(driver);
        List<Integer> versions = migrations.discover().stream().map(Migration::version).toList();
        DatabaseReady ready = new DatabaseReady(versions, neo4j != null, defaultLanguage(driver));
        log.info("Database ready: %s, schema version %d (%s), default language %s".formatted(
            neo4j != null ? "embedded" : "external at " + environment.getProperty("spring.neo4j.uri"),
            ready.schemaVersion(), appliedNow.isEmpty() ? "no migration needed"
                : "applied " + appliedNow.stream().map(Migration::label).toList(),
            ready.defaultLanguage() == null ? "unknown (statements keep their CYPHER 5 prefix)" : ready.defaultLanguage()));
        return ready;
    }

    /**
     * The home database's default Cypher version ({@code SHOW HOME DATABASE}), or null when the
     * server does not say (an older server, or a user without the right to list databases).
     */
    static String defaultLanguage(Driver driver) {
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            List<Record> rows = session.run("SHOW HOME DATABASE YIELD defaultLanguage").list();
            return rows.size() == 1 ? rows.getFirst().get(0).asString(null) : null;
        }
        catch (Neo4jException unknown) {
            log.warn("Could not read the home database's default Cypher version (" + unknown.getMessage()
                + "); statements keep their CYPHER 5 prefix");
            return null;
        }
    }
}
