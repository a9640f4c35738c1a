package uk.gov.send.rep.hub.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every GraphQL request over HTTP its {@link QueryCost}, records the per-operation metrics
 * ({@link QueryCostMetrics}) and, when asked, adds {@code extensions.cost} to the response:
 * {@code "extensions": {"cost": true}} in the request body, the {@value #HEADER} header set to
 * {@code true}, or {@code hub.graphql.cost.always} (debug mode, which also lists the statements).
 * Outermost interceptor, so that the request timer covers the whole chain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryCostInterceptor implements WebGraphQlInterceptor {

    static final String HEADER = "X-Hub-Cost";
    static final String EXTENSION = "cost";

    private final QueryCostMetrics metrics;
    private final boolean always;

    QueryCostInterceptor(QueryCostMetrics metrics, QueryCostProperties properties) {
        this.metrics = metrics;
        this.always = properties.always();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        long started = System.nanoTime();
        QueryCost cost = new QueryCost(always);
        request.configureExecutionInput((input, builder) ->
            builder.graphQLContext(Map.of(QueryCost.CONTEXT_KEY, cost)).build());
        boolean asked = always || asked(request);
        return chain.next(request)
            .doOnError(failure -> metrics.record(operationName(cost, request), false, System.nanoTime() - started,
                cost.totals()))
            .map(response -> {
                QueryCost.Totals totals = cost.totals();
                metrics.record(operationName(cost, request), response.getErrors().isEmpty(), System.nanoTime() - started,
                    totals);
                if (!asked) {
                    return response;
                }
                Map<Object, Object> extensions = new LinkedHashMap<>(response.getExtensions());
                extensions.put(EXTENSION, describe(totals, cost.keepsStatements()));
                return response.transform(builder -> builder.extensions(extensions));
            });
    }

    private static boolean asked(WebGraphQlRequest request) {
        return Boolean.TRUE.equals(request.getExtensions().get(EXTENSION))
            || "true".equalsIgnoreCase(request.getHeaders().getFirst(HEADER));
    }

    /**
     * The executed operation's name as the document gives it, else (the request never reached
     * execution, e.g. it did not validate) the name the request asked for.
     */
    private static String operationName(QueryCost cost, WebGraphQlRequest request) {
        return cost.operationName() != null ? cost.operationName() : request.getOperationName();
    }

    /** {@code {roundTrips, databaseMillis, rows, statements?: [{cypher, databaseMillis, rows}]}}. */
    static Map<String, Object> describe(QueryCost.Totals totals, boolean withStatements) {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("roundTrips", totals.roundTrips());
        cost.put("databaseMillis", millis(totals.databaseNanos()));
        cost.put("rows", totals.rows());
        if (withStatements) {
            List<Map<String, Object>> statements = totals.statements().stream().map(statement -> {
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("cypher", statement.cypher());
                described.put("databaseMillis", millis(statement.nanos()));
                described.put("rows", statement.rows());
                return described;
            }).toList();
            cost.put("statements", statements);
        }
        return cost;
    }

    /** Milliseconds to the microsecond. */
    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
