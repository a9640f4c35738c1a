package uk.gov.send.rep.hub.database.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.PortBindException;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.locker.FileLockException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A Neo4j DBMS running inside the hub's JVM, reachable over Bolt on the loopback interface only
 * (see docs/adr/0002). {@link #start} checks the data directory and the port first so that the
 * common mistakes fail with a {@link DatabaseStartupException} rather than deep inside Neo4j.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Log log = LogFactory.getLog(EmbeddedNeo4j.class);

    private static final String LOOPBACK = "127.0.0.1";

    private final DatabaseManagementService dbms;

    private final Path dataDirectory;

    private final int boltPort;

    private final boolean boltInternalOnly;

    private volatile boolean stopped;

    private EmbeddedNeo4j(DatabaseManagementService dbms, Path dataDirectory, int boltPort,
            boolean boltInternalOnly) {
        this.dbms = dbms;
        this.dataDirectory = dataDirectory;
        this.boltPort = boltPort;
        this.boltInternalOnly = boltInternalOnly;
    }

    /**
     * Starts the DBMS and waits until its default database is available.
     * @throws DataDirectoryException if the data directory cannot be created or written
     * @throws BoltPortInUseException if the configured fixed Bolt port is taken
     * @throws EmbeddedNeo4jStartException if Neo4j itself fails to start
     */
    public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties) {
        long started = System.nanoTime();
        Path directory = prepareDataDirectory(properties.dataDir());
        int configuredPort = properties.boltPort();
        if (configuredPort > 0) {
            ensurePortFree(configuredPort);
        }
        DatabaseManagementService dbms;
        try {
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(directory)
                .setConfig(GraphDatabaseSettings.data_directory, directory)
                .setConfig(GraphDatabaseSettings.logs_directory, directory.resolve("logs"))
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(LOOPBACK))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, Math.max(configuredPort, 0)))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // No auth: Bolt is bound to loopback only, for this JVM's own driver (ADR 0002).
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // Nothing leaves the machine: no usage reports, no fleet-discovery broadcasts.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(BoltConnector.enable_discovery, false)
                // Netty's default 5 s quiet period, twice over, made every shutdown take 10 s; the
                // hub's driver is closed before the database, so there is nothing left to drain.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(properties.pageCache()))
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size,
                    ByteUnit.parse(properties.transactionMemoryMax()))
                .setConfig(GraphDatabaseSettings.transaction_timeout, properties.transactionTimeout());
            if (configuredPort > 0) {
                // Only a fixed port is worth advertising (to neo4j:// routing clients such as Neo4j
                // tools); with 0 or -1 the hub's own driver connects directly with bolt://.
                builder.setConfig(BoltConnector.advertised_address, new SocketAddress(LOOPBACK, configuredPort));
            }
            dbms = builder.build();
        }
        catch (RuntimeException failure) {
            throw translate(failure, directory, configuredPort);
        }
        try {
            GraphDatabaseAPI database = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            HostnamePort bolt = database.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
            EmbeddedNeo4j neo4j = new EmbeddedNeo4j(dbms, directory, bolt.getPort(), properties.boltInternalOnly());
            log.info("Embedded Neo4j started in %d ms: data in %s, %s".formatted(
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), directory,
                neo4j.boltInternalOnly
                    ? "Bolt for the hub only (ephemeral loopback port " + neo4j.boltPort + ")"
                    : "Bolt on " + neo4j.boltUri()));
            return neo4j;
        }
        catch (RuntimeException failure) {
            dbms.shutdown();
            throw translate(failure, directory, configuredPort);
        }
    }

    /** Where Bolt listens: always loopback, on the bound (possibly ephemeral) port. */
    public URI boltUri() {
        return URI.create("bolt://" + LOOPBACK + ":" + boltPort);
    }

    /** The port Bolt is bound to. */
    public int boltPort() {
        return boltPort;
    }

    /** Whether the port is meant for the hub's own driver only ({@code bolt-port=-1}). */
    public boolean boltInternalOnly() {
        return boltInternalOnly;
    }

    /** The absolute data directory. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A new driver for this database; the caller closes it before {@link #close()}. */
    public Driver newDriver() {
        // Auth is disabled and traffic never leaves loopback: no credentials, no TLS.
        return GraphDatabase.driver(boltUri(), AuthTokens.none(), Config.builder()
            .withoutEncryption()
            .withConnectionTimeout(5, TimeUnit.SECONDS)
            .build());
    }

    /** Shuts the DBMS down, flushing the page cache; idempotent. */
    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        long started = System.nanoTime();
        dbms.shutdown();
        log.info("Embedded Neo4j stopped in %d ms".formatted(
            Duration.ofNanos(System.nanoTime() - started).toMillis()));
    }

    static Path prepareDataDirectory(String configured) {
        Path directory = Path.of(configured.strip()).toAbsolutePath().normalize();
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new DataDirectoryException(directory, "it is an existing file, not a directory", null);
        }
        try {
            Files.createDirectories(directory);
        }
        catch (IOException failure) {
            throw new DataDirectoryException(directory, "it cannot be created (" + whyNotCreated(directory, failure) + ")",
                failure);
        }
        // Root ignores permission bits, so isWritable alone can pass on a read-only file system:
        // writing a file proves it.
        if (!Files.isWritable(directory)) {
            throw new DataDirectoryException(directory, "this process may not write to it", null);
        }
        try {
            Files.delete(Files.createTempFile(directory, ".hub-write-check", ".tmp"));
        }
        catch (IOException failure) {
            throw new DataDirectoryException(directory, "writing a file in it failed (" + describe(failure) + ")",
                failure);
        }
        return directory;
    }

    private static String whyNotCreated(Path directory, IOException failure) {
        for (Path ancestor = directory.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor)) {
                if (!Files.isDirectory(ancestor)) {
                    return ancestor + " is a file, not a directory";
                }
                if (failure instanceof AccessDeniedException || !Files.isWritable(ancestor)) {
                    return ancestor + " is not writable";
                }
                break;
            }
        }
        return describe(failure);
    }

    private static String describe(IOException failure) {
        if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason() + (fileSystem.getFile() != null ? ": " + fileSystem.getFile() : "");
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    static void ensurePortFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            // Neo4j binds with SO_REUSEADDR too, so a port left in TIME_WAIT by a previous run is
            // free for it and must not be reported as taken.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
        }
        catch (IOException failure) {
            throw new BoltPortInUseException(port, failure);
        }
    }

    private static RuntimeException translate(RuntimeException failure, Path directory, int port) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if ((cause instanceof PortBindException || cause instanceof BindException) && port > 0) {
                return new BoltPortInUseException(port, failure);
            }
            if (cause instanceof FileLockException) {
                return new EmbeddedNeo4jStartException(directory,
                    "its store is locked, most likely by another running hub or Neo4j.", failure);
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new EmbeddedNeo4jStartException(directory,
            Neo4jConnectionException.oneLine(root.getClass().getSimpleName() + ": " + root.getMessage()), failure);
    }
}
