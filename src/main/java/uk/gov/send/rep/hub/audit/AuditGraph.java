package uk.gov.send.rep.hub.audit;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.gov.send.rep.hub.query.Field;
import uk.gov.send.rep.hub.query.Guard;
import uk.gov.send.rep.hub.query.NodeType;

import static uk.gov.send.rep.hub.query.Field.enumeration;
import static uk.gov.send.rep.hub.query.Field.number;
import static uk.gov.send.rep.hub.query.Field.string;
import static uk.gov.send.rep.hub.query.Props.date;
import static uk.gov.send.rep.hub.query.Props.integer;
import static uk.gov.send.rep.hub.query.Props.str;

/**
 * How audit events are stored: {@code (:AuditEvent {id, at, day, subject, role, partnership,
 * localArea, operationName, operationType, operationHash, rows, childRows, planRows,
 * observationRows, auditEventRows, outcome})}, unique on {@code id} (migration V007). Only
 * {@code NATIONAL} may read them, rows or aggregates ({@link Guard#nationalOnly()}).
 */
@Configuration(proxyBeanMethods = false)
public class AuditGraph {

    public static final NodeType<AuditEvent> AUDIT_EVENT = new NodeType<>("AuditEvent", "AuditEvent", "id",
        p -> new AuditEvent(str(p, "id"), instant(p, "at"), date(p, "day"), str(p, "subject"), str(p, "role"),
            str(p, "partnership"), str(p, "localArea"), str(p, "operationName"), str(p, "operationType"),
            str(p, "operationHash"), integer(p, "rows"), integer(p, "childRows"), integer(p, "planRows"),
            integer(p, "observationRows"), integer(p, "auditEventRows"), outcome(str(p, "outcome"))),
        List.of(Field.date("day").mandatory(), string("subject"), string("role"), string("partnership"),
            string("localArea"), string("operationName"), string("operationType"), string("operationHash"),
            number("rows"), number("childRows"), number("planRows"), number("observationRows"),
            number("auditEventRows"), enumeration("outcome")))
        .protectedBy(Guard.nationalOnly());

    /** A stored datetime as an ISO-8601 instant, e.g. 2026-12-01T10:15:30.123Z. */
    private static String instant(java.util.Map<String, Object> properties, String name) {
        return properties.get(name) instanceof java.time.temporal.TemporalAccessor at
            ? java.time.format.DateTimeFormatter.ISO_INSTANT.format(at) : null;
    }

    private static AuditOutcome outcome(String stored) {
        return stored == null ? null : AuditOutcome.valueOf(stored);
    }

    @Bean
    NodeType<AuditEvent> auditEventNodeType() {
        return AUDIT_EVENT;
    }
}
