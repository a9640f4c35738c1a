/**
 * The audit log (issue 4): every GraphQL request over HTTP that returned protected rows (children,
 * plans, a child's observations, the audit log itself) or wrote leaves one {@code AuditEvent} in the
 * graph saying who asked (subject, role, scope), when, which operation (its name and the SHA-256 of
 * its document) and how many protected rows of each type it returned, never the values asked for or
 * returned. Written synchronously before the answer is served (ADR 0011); readable by
 * {@code NATIONAL} only, through {@code Query.auditEvents}.
 */
package uk.gov.send.rep.hub.audit;
