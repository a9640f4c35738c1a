package uk.gov.send.rep.hub.database.internal;

import java.nio.file.Path;

/** The embedded database failed to start for a reason other than its directory or its port. */
public final class EmbeddedNeo4jStartException extends DatabaseStartupException {

    EmbeddedNeo4jStartException(Path directory, String problem, Throwable cause) {
        super("The embedded Neo4j in " + directory + " (hub.neo4j.embedded.data-dir) did not start: "
                + problem,
            "See " + directory.resolve("logs").resolve("debug.log") + " for Neo4j's own account. If"
                + " another hub already runs on this data directory, stop it or point"
                + " hub.neo4j.embedded.data-dir elsewhere.",
            cause);
    }
}
