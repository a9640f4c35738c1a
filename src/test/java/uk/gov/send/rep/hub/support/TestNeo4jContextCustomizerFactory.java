package uk.gov.send.rep.hub.support;

import java.util.List;
import java.util.Map;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Points every Spring test context at the JVM's one {@link TestNeo4j}, so that slices and full
 * contexts share a single database (and a single start-up cost) per test JVM.
 */
public class TestNeo4jContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new SharedDatabase();
    }

    /** Equal to every other instance, so it never splits the context cache. */
    private static final class SharedDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testNeo4j",
                Map.of("spring.neo4j.uri", TestNeo4j.boltUri().toString(),
                    "spring.neo4j.authentication.username", "neo4j",
                    "spring.neo4j.authentication.password", "")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SharedDatabase;
        }

        @Override
        public int hashCode() {
            return SharedDatabase.class.hashCode();
        }
    }
}
