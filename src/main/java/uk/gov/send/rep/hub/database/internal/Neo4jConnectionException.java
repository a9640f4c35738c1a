package uk.gov.send.rep.hub.database.internal;

/** The hub cannot reach, or cannot log in to, the Neo4j it is configured to use. */
public final class Neo4jConnectionException extends DatabaseStartupException {

    private Neo4jConnectionException(String description, String action, Throwable cause) {
        super(description, action, cause);
    }

    static Neo4jConnectionException unreachable(String target, Throwable cause) {
        return new Neo4jConnectionException(
            "Cannot connect to Neo4j at " + target + ": " + oneLine(cause.getMessage()),
            "Check that Neo4j is running and reachable at that address and correct spring.neo4j.uri"
                + " (or NEO4J_URI) if not; unset both to run the embedded database instead.",
            cause);
    }

    static Neo4jConnectionException authenticationFailed(String target, Throwable cause) {
        return new Neo4jConnectionException(
            "Neo4j at " + target + " refused the hub's credentials: " + oneLine(cause.getMessage()),
            "Set spring.neo4j.authentication.username and spring.neo4j.authentication.password (or"
                + " NEO4J_USERNAME and NEO4J_PASSWORD) to an account of that server.",
            cause);
    }

    static String oneLine(String message) {
        return message == null ? "(no detail)" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
