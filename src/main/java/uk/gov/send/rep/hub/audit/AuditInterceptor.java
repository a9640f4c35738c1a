package uk.gov.send.rep.hub.audit;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import uk.gov.send.rep.hub.query.QueryCost;
import uk.gov.send.rep.hub.query.Scope;

/**
 * Records every GraphQL request over HTTP that returned protected rows, or ran a mutation, in the
 * {@link AuditLog}, after its response is computed and before it is served. Ordered just inside
 * the query cost interceptor, which gives the request its {@link QueryCost}: the protected rows
 * counted there are final here, and the audit write is accounted as one of the request's round
 * trips. The caller is the {@link Scope} in the executed request's GraphQL context, whichever
 * interceptor put it there.
 *
 * <p>If the event cannot be written, the answer is withheld: the response loses its data and
 * carries one {@code INTERNAL_ERROR} instead (ADR 0011).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AuditInterceptor implements WebGraphQlInterceptor {

    private static final Log log = LogFactory.getLog(AuditInterceptor.class);

    static final String WITHHELD = "The answer is withheld: the audit log could not record this request. "
        + "Nothing was returned; try again, and tell the hub's operators if it persists.";

    private final AuditLog audit;

    AuditInterceptor(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> audited(request, response));
    }

    /** The response, once its audit event (if it needs one) is written; else the withheld answer. */
    WebGraphQlResponse audited(WebGraphQlRequest request, WebGraphQlResponse response) {
        GraphQLContext context = response.getExecutionInput().getGraphQLContext();
        QueryCost cost = QueryCost.of(context);
        if (cost == null) {
            // Nothing counted the rows: fail closed rather than serve what may be unaudited.
            log.error("No QueryCost in the GraphQL context of " + describe(request)
                + ": protected rows cannot be counted, so the answer is withheld");
            return withheld(response);
        }
        Map<String, Long> rows = cost.protectedRows();
        boolean write = "mutation".equals(cost.operationType());
        if (rows.isEmpty() && !write) {
            return response;
        }
        AuditLog.Entry entry = new AuditLog.Entry(Scope.of(context),
            cost.operationName() != null ? cost.operationName() : request.getOperationName(),
            cost.operationType() != null ? cost.operationType() : "query", AuditLog.hash(request.getDocument()), rows,
            outcome(response));
        try {
            audit.record(entry, cost);
            return response;
        }
        catch (RuntimeException failure) {
            log.error("Audit write failed, answer withheld (" + describe(request) + ")", failure);
            return withheld(response);
        }
    }

    private static AuditOutcome outcome(WebGraphQlResponse response) {
        if (response.getErrors().isEmpty()) {
            return AuditOutcome.OK;
        }
        return response.getExecutionResult().isDataPresent() && response.getData() != null
            ? AuditOutcome.PARTIAL : AuditOutcome.ERROR;
    }

    private static WebGraphQlResponse withheld(WebGraphQlResponse response) {
        return response.transform(builder -> builder.data(null).errors(List.of(GraphqlErrorBuilder.newError()
            .errorType(ErrorType.INTERNAL_ERROR)
            .message(WITHHELD)
            .extensions(Map.of("audit", "not recorded"))
            .build())));
    }

    private static String describe(WebGraphQlRequest request) {
        return "request " + request.getId() + ", operation "
            + (request.getOperationName() == null ? "(unnamed)" : request.getOperationName());
    }
}
