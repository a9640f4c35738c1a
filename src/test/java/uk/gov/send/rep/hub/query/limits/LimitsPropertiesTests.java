package uk.gov.send.rep.hub.query.limits;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits bind from {@code hub.graphql.limits.*}; a bad value fails start-up naming the property. */
class LimitsPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LimitsProperties.class)
    static class Limits {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Limits.class);

    @Test
    void shouldDefaultToTheValuesTheReadmeAndApplicationYmlGive() {
        context.run(started -> assertThat(started.getBean(LimitsProperties.class)).isEqualTo(LimitsTestSupport.defaults()));
    }

    @Test
    void shouldGiveTheSameDefaultsInApplicationYml() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
            new ClassPathResource("application.yml"));
        context.withInitializer(started -> yaml.forEach(started.getEnvironment().getPropertySources()::addLast))
            .run(started -> assertThat(started.getBean(LimitsProperties.class)).isEqualTo(LimitsTestSupport.defaults()));
    }

    @Test
    void shouldBindEveryLimit() {
        context.withPropertyValues("hub.graphql.limits.max-depth=8", "hub.graphql.limits.max-cost=1000",
            "hub.graphql.limits.transaction-timeout=3s", "hub.graphql.limits.requests-per-minute=0",
            "hub.graphql.limits.introspection=national").run(started -> {
                LimitsProperties limits = started.getBean(LimitsProperties.class);
                assertThat(limits.maxDepth()).isEqualTo(8);
                assertThat(limits.maxCost()).isEqualTo(1000);
                assertThat(limits.transactionTimeout()).hasSeconds(3);
                assertThat(limits.requestsPerMinute()).isZero();
                assertThat(limits.introspection()).isEqualTo(LimitsProperties.Introspection.NATIONAL);
            });
    }

    private void assertRefused(String property, String value, String... expected) {
        context.withPropertyValues("hub.graphql.limits." + property + "=" + value).run(started -> {
            assertThat(started).hasFailed();
            String message = failureMessages(started.getStartupFailure());
            assertThat(message).contains("hub.graphql.limits").contains(camel(property));
            for (String text : expected) {
                assertThat(message).contains(text);
            }
        });
    }

    private static String camel(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            }
            else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static String failureMessages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void shouldRefuseValuesOutOfRangeNamingTheProperty() {
        assertRefused("max-depth", "0", "must be greater than or equal to 2");
        assertRefused("max-cost", "0");
        assertRefused("requests-per-minute", "-1", "must be 0 (off) or more");
        assertRefused("max-operations-per-request", "10", "must be 1: Spring for GraphQL runs one operation per request");
        assertRefused("transaction-timeout", "0s", "must be at least 1ms");
        assertRefused("transaction-memory", "0", "not 0: a read must have a memory limit");
        assertRefused("transaction-memory", "lots", "must be a size such as 512m or 1g");
    }
}
