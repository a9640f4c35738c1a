package uk.gov.send.rep.hub.query;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Per-operation metrics of GraphQL requests over HTTP, all tagged {@code operation} and
 * {@code outcome} ({@code success}, or {@code error} when the response has errors):
 * {@code hub.graphql.request} (timer, the whole request from the interceptor on),
 * {@code hub.graphql.database.time} (timer, driver time of its statements),
 * {@code hub.graphql.round.trips} and {@code hub.graphql.rows} (distribution summaries).
 *
 * <p>Spring for GraphQL's own {@code graphql.request} timer is tagged with the operation
 * <em>type</em> only (the name is a high-cardinality key, kept for traces), so these meters add the
 * per-operation view and the database cost; per-field and per-loader timings stay with Spring's
 * {@code graphql.datafetcher} and {@code graphql.dataloader}.
 */
@Component
class QueryCostMetrics {

    static final String ANONYMOUS = "anonymous";
    static final String OTHER = "other";

    /** A GraphQL Name (spec 2.1.9): the only shape an operation name can have. */
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,99}");

    private final MeterRegistry registry;
    private final int maxOperationNames;
    /**
     * Operation names come from clients and every distinct tag value is a new time series held in
     * memory here and in Prometheus for good: a client sending a new name per request (or a
     * hostile one) would exhaust both. So the first {@code maxOperationNames} names seen since start
     * are tagged as themselves and any later one as {@code other}.
     */
    private final Set<String> operationNames = ConcurrentHashMap.newKeySet();

    QueryCostMetrics(MeterRegistry registry, QueryCostProperties properties) {
        this.registry = registry;
        this.maxOperationNames = properties.maxOperationNames();
    }

    void record(String operationName, boolean success, long requestNanos, QueryCost.Totals cost) {
        Tags tags = Tags.of("operation", operationTag(operationName), "outcome", success ? "success" : "error");
        Timer.builder("hub.graphql.request")
            .description("GraphQL requests over HTTP, per operation")
            .tags(tags).register(registry)
            .record(requestNanos, TimeUnit.NANOSECONDS);
        Timer.builder("hub.graphql.database.time")
            .description("Time a GraphQL request spent in Cypher statements (driver call, Bolt round trip included)")
            .tags(tags).register(registry)
            .record(cost.databaseNanos(), TimeUnit.NANOSECONDS);
        DistributionSummary.builder("hub.graphql.round.trips")
            .description("Cypher statements (round trips) a GraphQL request sent to the database")
            .tags(tags).register(registry)
            .record(cost.roundTrips());
        DistributionSummary.builder("hub.graphql.rows")
            .description("Records the database returned for a GraphQL request")
            .baseUnit("rows")
            .tags(tags).register(registry)
            .record(cost.rows());
    }

    /** The tag value for an operation name: itself while fewer than the cap are known, else {@code other}. */
    String operationTag(String operationName) {
        if (operationName == null) {
            return ANONYMOUS;
        }
        if (!NAME.matcher(operationName).matches()) {
            return OTHER;
        }
        if (operationNames.contains(operationName)) {
            return operationName;
        }
        synchronized (operationNames) {
            if (operationNames.size() < maxOperationNames) {
                operationNames.add(operationName);
                return operationName;
            }
        }
        return OTHER;
    }
}
