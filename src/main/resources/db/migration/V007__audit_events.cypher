// The audit log (audit.AuditLog, ADR 0011): one AuditEvent per audited request, its id a
// time-ordered UUID. Newest first is (day DESC, id DESC), the order of the composite index, so the
// default order of Query.auditEvents reads the index from its end; filters on day use it too.
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_event_day_id IF NOT EXISTS FOR (n:AuditEvent) ON (n.day, n.id);
CREATE INDEX audit_event_subject IF NOT EXISTS FOR (n:AuditEvent) ON (n.subject);
