package uk.gov.send.rep.hub.evaluation;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hub.evaluation.neighbour-characteristics}: a default set, a configured one, and an empty one refused at start-up. */
class BenchmarkPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BenchmarkProperties.class)
    static class Benchmark {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Benchmark.class);

    @Test
    void shouldDefaultToAreaCharacteristicsThatAreNotOutcomes() {
        context.run(started -> assertThat(started.getBean(BenchmarkProperties.class).neighbourCharacteristics())
            .containsExactly("HIGH_NEEDS_SPEND_PER_HEAD", "DSG_CUMULATIVE_BALANCE", "PCT_SEN_IN_MAINSTREAM",
                "AUTISM_WAIT_WEEKS", "KS2_RWM_EXPECTED"));
    }

    @Test
    void shouldBindAConfiguredList() {
        context.withPropertyValues("hub.evaluation.neighbour-characteristics=KS2_RWM_EXPECTED,EYFSP_GLD")
            .run(started -> assertThat(started.getBean(BenchmarkProperties.class).neighbourCharacteristics())
                .containsExactly("KS2_RWM_EXPECTED", "EYFSP_GLD"));
    }

    @Test
    void shouldRefuseAnEmptyListOrABlankCodeNamingTheProperty() {
        assertRefused("", "names no measure: statistical neighbours need at least one area-level measure code");
        assertRefused("KS2_RWM_EXPECTED, ,EYFSP_GLD", "holds a blank measure code");
    }

    private void assertRefused(String value, String reason) {
        context.withPropertyValues("hub.evaluation.neighbour-characteristics=" + value).run(started -> {
            assertThat(started).hasFailed();
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = started.getStartupFailure(); cause != null; cause = cause.getCause()) {
                messages.append(cause.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains("hub.evaluation").contains("neighbourCharacteristics").contains(reason);
        });
    }
}
