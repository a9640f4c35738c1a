package uk.gov.send.rep.hub.database.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Maps the conventional {@code NEO4J_URI}, {@code NEO4J_USERNAME} and {@code NEO4J_PASSWORD}
 * variables (the names Neo4j's own tools and Aura use) onto Spring Boot's {@code spring.neo4j.*}
 * properties, each only when the Spring property is not already set, so explicit configuration
 * always wins.
 */
public class Neo4jEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source this adds. */
    public static final String PROPERTY_SOURCE_NAME = "neo4jEnvironmentVariables";

    static final Map<String, String> MAPPING = Map.of(
        "NEO4J_URI", "spring.neo4j.uri",
        "NEO4J_USERNAME", "spring.neo4j.authentication.username",
        "NEO4J_PASSWORD", "spring.neo4j.authentication.password");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        MAPPING.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (StringUtils.hasText(value) && !StringUtils.hasText(environment.getProperty(property))) {
                mapped.put(property, value);
            }
        });
        if (!mapped.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, mapped));
        }
    }

    // After config data (application.yml, profiles) so "already set" takes those into account.
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
