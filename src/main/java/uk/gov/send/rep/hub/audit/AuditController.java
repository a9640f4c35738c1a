package uk.gov.send.rep.hub.audit;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.query.Connection;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.GraphReader;

/**
 * {@code Query.auditEvents}: the audit log through the query compiler, so paging, filters, order
 * and aggregates work as on every connection, and the guard refuses every role but {@code NATIONAL}.
 */
@Controller
class AuditController {

    private final GraphReader reader;

    AuditController(GraphReader reader) {
        this.reader = reader;
    }

    @QueryMapping
    Connection<Edge<AuditEvent>> auditEvents(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return reader.page(env, AuditGraph.AUDIT_EVENT, first, after);
    }
}
