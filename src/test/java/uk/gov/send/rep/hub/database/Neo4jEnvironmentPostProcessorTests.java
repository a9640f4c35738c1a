package uk.gov.send.rep.hub.database;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import uk.gov.send.rep.hub.database.internal.Neo4jEnvironmentPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/** NEO4J_* variables fill in spring.neo4j.* only where nothing else has. */
class Neo4jEnvironmentPostProcessorTests {

    private final MockEnvironment environment = new MockEnvironment();

    @Test
    void shouldMapNeo4jVariablesToSpringProperties() {
        environment.withProperty("NEO4J_URI", "neo4j+s://abc.databases.neo4j.io")
            .withProperty("NEO4J_USERNAME", "hub")
            .withProperty("NEO4J_PASSWORD", "secret");

        postProcess();

        assertThat(environment.getProperty("spring.neo4j.uri")).isEqualTo("neo4j+s://abc.databases.neo4j.io");
        assertThat(environment.getProperty("spring.neo4j.authentication.username")).isEqualTo("hub");
        assertThat(environment.getProperty("spring.neo4j.authentication.password")).isEqualTo("secret");
    }

    @Test
    void shouldNotOverrideSpringPropertiesAlreadySet() {
        environment.withProperty("NEO4J_URI", "bolt://from-variable:7687")
            .withProperty("NEO4J_USERNAME", "from-variable")
            .withProperty("spring.neo4j.uri", "bolt://configured:7687");

        postProcess();

        assertThat(environment.getProperty("spring.neo4j.uri")).isEqualTo("bolt://configured:7687");
        assertThat(environment.getProperty("spring.neo4j.authentication.username")).isEqualTo("from-variable");
    }

    @Test
    void shouldIgnoreBlankVariablesAndAddNothingWithoutThem() {
        environment.withProperty("NEO4J_URI", " ");

        postProcess();

        assertThat(environment.getProperty("spring.neo4j.uri")).isNull();
        assertThat(environment.getPropertySources().contains(Neo4jEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
    }

    private void postProcess() {
        new Neo4jEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
    }
}
