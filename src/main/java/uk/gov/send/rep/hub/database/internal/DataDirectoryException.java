package uk.gov.send.rep.hub.database.internal;

import java.nio.file.Path;

/** The embedded database's data directory cannot be created or written. */
public final class DataDirectoryException extends DatabaseStartupException {

    private final Path directory;

    DataDirectoryException(Path directory, String problem, Throwable cause) {
        super("The embedded Neo4j cannot use its data directory " + directory
                + " (hub.neo4j.embedded.data-dir): " + problem + ".",
            "Set hub.neo4j.embedded.data-dir to a directory this process can write (it is created if"
                + " missing), or set spring.neo4j.uri to use an external Neo4j instead.",
            cause);
        this.directory = directory;
    }

    /** The directory, made absolute. */
    public Path directory() {
        return directory;
    }
}
