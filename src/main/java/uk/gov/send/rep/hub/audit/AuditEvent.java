package uk.gov.send.rep.hub.audit;

import java.time.LocalDate;

import uk.gov.send.rep.hub.query.GlobalId;

/**
 * One audited request as the audit log holds it (the GraphQL {@code AuditEvent}): who asked, when,
 * which operation and how many protected rows of each type it returned. Never the variables, the
 * arguments or the data.
 *
 * @param uuid natural key: a time-ordered UUID (version 7), so key order is the order of writing
 * @param at when the event was written (ISO-8601 instant, UTC)
 * @param day the UTC date of {@code at}, for filtering and sorting
 * @param subject who asked (the token's subject, or {@code anonymous})
 * @param role the caller's role
 * @param partnership the partnership a lead's scope is limited to, else null
 * @param localArea the local area a local area's scope is limited to, else null
 * @param operationName the operation's name in the document, else null
 * @param operationType query, mutation or subscription
 * @param operationHash SHA-256 (hex) of the document's text
 * @param rows protected rows returned, all types
 * @param childRows children returned
 * @param planRows plans returned
 * @param observationRows children's observations returned
 * @param auditEventRows audit events returned
 * @param outcome how the request ended
 */
public record AuditEvent(String uuid, String at, LocalDate day, String subject, String role, String partnership,
        String localArea, String operationName, String operationType, String operationHash, Integer rows,
        Integer childRows, Integer planRows, Integer observationRows, Integer auditEventRows, AuditOutcome outcome) {

    public String id() {
        return GlobalId.encode("AuditEvent", uuid);
    }
}
