package uk.gov.send.rep.hub.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import uk.gov.send.rep.hub.database.internal.BoltPortInUseException;
import uk.gov.send.rep.hub.database.internal.DataDirectoryException;
import uk.gov.send.rep.hub.database.internal.EmbeddedNeo4j;
import uk.gov.send.rep.hub.database.internal.EmbeddedNeo4jProperties;
import uk.gov.send.rep.hub.database.internal.EmbeddedNeo4jStartException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The in-process Neo4j on its own, without Spring. */
class EmbeddedNeo4jTests {

    @TempDir
    Path directory;

    @Test
    void shouldKeepDataAcrossRestartsOnTheSameDirectory() throws IOException {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties(directory, 0)); Driver driver = neo4j.newDriver()) {
            assertThat(neo4j.boltPort()).isPositive();
            assertThat(neo4j.boltUri().toString()).startsWith("bolt://127.0.0.1:");
            driver.executableQuery("CREATE (:Region {code: 'E12000001', name: 'North East'})").execute();
        }

        int fixedPort = freePort();
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties(directory, fixedPort));
                Driver driver = neo4j.newDriver()) {
            assertThat(neo4j.boltUri()).hasToString("bolt://127.0.0.1:" + fixedPort);
            assertThat(driver.executableQuery("MATCH (r:Region {code: 'E12000001'}) RETURN r.name AS name")
                .execute().records()).extracting(row -> row.get("name").asString()).containsExactly("North East");
        }
        assertThat(directory.resolve("databases").resolve("neo4j")).isDirectory();
        assertThat(directory.resolve("logs").resolve("debug.log")).isNotEmptyFile();
    }

    @Test
    void shouldServeOnlyTheHubOnAnEphemeralLoopbackPortWhenBoltPortIsMinusOne() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(
                new EmbeddedNeo4jProperties(directory.toString(), -1, "64m", "256m", Duration.ofSeconds(30)));
                Driver driver = neo4j.newDriver()) {
            assertThat(neo4j.boltInternalOnly()).isTrue();
            assertThat(neo4j.boltPort()).isPositive();
            assertThat(driver.executableQuery("RETURN 1 AS one").execute().records().getFirst().get("one").asInt())
                .isEqualTo(1);
            // The configured memory and timeout reach Neo4j's own settings.
            Map<String, String> settings = driver.executableQuery("""
                    SHOW SETTINGS YIELD name, value
                    WHERE name IN ['server.memory.pagecache.size', 'db.memory.transaction.max',
                                   'db.transaction.timeout', 'server.bolt.listen_address', 'dbms.security.auth_enabled']
                    RETURN name, value""").execute().records().stream()
                .collect(Collectors.toMap(row -> row.get("name").asString(), row -> row.get("value").asString()));
            assertThat(settings).containsEntry("server.memory.pagecache.size", "64.00MiB")
                .containsEntry("db.memory.transaction.max", "256.00MiB")
                .containsEntry("db.transaction.timeout", "30s")
                .containsEntry("server.bolt.listen_address", "127.0.0.1:0")
                .containsEntry("dbms.security.auth_enabled", "false");
        }
    }

    @Test
    void shouldRejectABoltPortInUse() throws IOException {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = occupied.getLocalPort();

            assertThatExceptionOfType(BoltPortInUseException.class)
                .isThrownBy(() -> EmbeddedNeo4j.start(properties(directory, port)))
                .withMessage("Bolt port %d on 127.0.0.1 is already in use (hub.neo4j.embedded.bolt-port=%d), so the"
                    + " embedded Neo4j cannot listen on it.", port, port)
                .satisfies(failure -> assertThat(failure.action()).contains("hub.neo4j.embedded.bolt-port"));
        }
        // Checked before Neo4j starts: it left nothing behind.
        assertThat(directory.resolve("databases")).doesNotExist();
    }

    @Test
    void shouldRejectADataDirInUseByAnotherHub() {
        try (EmbeddedNeo4j first = EmbeddedNeo4j.start(properties(directory, 0))) {
            assertThatExceptionOfType(EmbeddedNeo4jStartException.class)
                .isThrownBy(() -> EmbeddedNeo4j.start(properties(directory, 0)))
                .withMessage("The embedded Neo4j in %s (hub.neo4j.embedded.data-dir) did not start: its store is"
                    + " locked, most likely by another running hub or Neo4j.", directory);
        }
    }

    @Test
    void shouldRejectUnwritableDataDir() throws IOException {
        // Tests run as root, which ignores permission bits: a path under a regular file is
        // unwritable for everyone.
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");
        Path dataDir = file.resolve("data");

        assertThatExceptionOfType(DataDirectoryException.class)
            .isThrownBy(() -> EmbeddedNeo4j.start(properties(dataDir, 0)))
            .withMessage("The embedded Neo4j cannot use its data directory %s (hub.neo4j.embedded.data-dir): it cannot"
                + " be created (%s is a file, not a directory).", dataDir, file)
            .satisfies(failure -> assertThat(failure.action()).contains("hub.neo4j.embedded.data-dir"));
    }

    @Test
    void shouldRejectADataDirThatIsAFile() throws IOException {
        Path file = Files.writeString(directory.resolve("data"), "x");

        assertThatExceptionOfType(DataDirectoryException.class)
            .isThrownBy(() -> EmbeddedNeo4j.start(properties(file, 0)))
            .withMessageContaining(file + " (hub.neo4j.embedded.data-dir): it is an existing file, not a directory");
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return probe.getLocalPort();
        }
    }

    private static EmbeddedNeo4jProperties properties(Path dataDir, int boltPort) {
        return new EmbeddedNeo4jProperties(dataDir.toString(), boltPort, "64m", "256m", Duration.ofSeconds(60));
    }
}
