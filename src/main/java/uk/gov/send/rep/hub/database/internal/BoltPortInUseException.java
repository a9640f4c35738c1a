package uk.gov.send.rep.hub.database.internal;

/** The fixed Bolt port configured for the embedded database is taken by another process. */
public final class BoltPortInUseException extends DatabaseStartupException {

    private final int port;

    BoltPortInUseException(int port, Throwable cause) {
        super("Bolt port " + port + " on 127.0.0.1 is already in use (hub.neo4j.embedded.bolt-port="
                + port + "), so the embedded Neo4j cannot listen on it.",
            "Stop whatever listens on port " + port + " (another hub or a Neo4j server?), or set"
                + " hub.neo4j.embedded.bolt-port to a free port, to 0 for an ephemeral port, or to -1 to"
                + " expose no Bolt port at all.",
            cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
