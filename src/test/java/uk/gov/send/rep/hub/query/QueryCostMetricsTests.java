package uk.gov.send.rep.hub.query;

import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The operation tag: bounded, so that clients cannot grow the metrics without limit. */
class QueryCostMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final QueryCostMetrics metrics = new QueryCostMetrics(registry, new QueryCostProperties(false, 3));

    @Test
    void shouldTagTheFirstNamesAsThemselvesAndLaterOnesAsOther() {
        assertThat(List.of("A", "B", "A", "C", "D", "B", "E", "C"))
            .extracting(metrics::operationTag)
            .containsExactly("A", "B", "A", "C", "other", "B", "other", "C");
    }

    @Test
    void shouldTagMissingNamesAnonymousAndImpossibleNamesOther() {
        assertThat(metrics.operationTag(null)).isEqualTo("anonymous");
        assertThat(metrics.operationTag("not a name")).isEqualTo("other");
        assertThat(metrics.operationTag("x".repeat(101))).isEqualTo("other");
        assertThat(metrics.operationTag("Fine_1")).isEqualTo("Fine_1");
    }

    @Test
    void shouldRecordEveryMeterWithOperationAndOutcome() {
        metrics.record("Drill", true, 5_000_000, new QueryCost.Totals(4, 2_000_000, 30, List.of()));
        metrics.record("Drill", false, 1_000_000, new QueryCost.Totals(1, 500_000, 1, List.of()));

        assertThat(registry.find("hub.graphql.request").tags("operation", "Drill", "outcome", "success").timer().count())
            .isEqualTo(1);
        assertThat(registry.find("hub.graphql.round.trips").tags("operation", "Drill", "outcome", "success").summary()
            .totalAmount()).isEqualTo(4);
        assertThat(registry.find("hub.graphql.database.time").tags("operation", "Drill", "outcome", "error").timer()
            .totalTime(java.util.concurrent.TimeUnit.MICROSECONDS)).isEqualTo(500);
        assertThat(registry.find("hub.graphql.rows").tags("operation", "Drill", "outcome", "success").summary()
            .totalAmount()).isEqualTo(30);
    }
}
