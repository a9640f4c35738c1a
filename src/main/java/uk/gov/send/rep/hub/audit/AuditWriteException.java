package uk.gov.send.rep.hub.audit;

/** An audit event could not be written: the request's answer must not be served. */
public class AuditWriteException extends RuntimeException {

    AuditWriteException(AuditLog.Entry entry, Throwable cause) {
        super("Could not write the audit event of operation " + (entry.operationName() == null ? "(unnamed)"
            : entry.operationName()) + " (" + entry.operationType() + ", document " + entry.operationHash()
            + ") for " + entry.scope().role() + " " + entry.scope().subject() + ": " + cause.getMessage(), cause);
    }
}
