package uk.gov.send.rep.hub.database.internal;

import org.neo4j.driver.Driver;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Runs Neo4j in-process when no external one is configured, and provides the {@link Driver} that
 * makes Spring Boot's own Neo4j driver auto-configuration back off; Spring Data Neo4j then works
 * over it exactly as over an external server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnEmbeddedNeo4jCondition.class)
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
public class EmbeddedNeo4jConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties) {
        return EmbeddedNeo4j.start(properties);
    }

    // Depends on the embedded bean, so the context closes the driver before the database.
    @Bean(destroyMethod = "close")
    Driver neo4jDriver(EmbeddedNeo4j embeddedNeo4j) {
        return embeddedNeo4j.newDriver();
    }
}
