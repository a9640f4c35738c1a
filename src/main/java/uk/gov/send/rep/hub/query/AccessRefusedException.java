package uk.gov.send.rep.hub.query;

/**
 * The request's role may not read what it asked for (ADR 0010): rows of a protected type it may
 * see none of, a filter through them, or an identifying field in a disclosure-controlled
 * aggregate. Answered as a GraphQL error of type {@code FORBIDDEN} on the field, naming the role
 * and what was refused; the rest of the answer stands.
 */
public class AccessRefusedException extends RuntimeException {

    private final String role;

    public AccessRefusedException(Scope scope, String message) {
        super("Role " + scope.role() + " may not " + message);
        this.role = scope.role();
    }

    public String role() {
        return role;
    }
}
