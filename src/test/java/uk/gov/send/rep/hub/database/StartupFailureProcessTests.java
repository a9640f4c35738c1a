package uk.gov.send.rep.hub.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.send.rep.hub.HubApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Starts the real hub in a child JVM with a broken configuration and checks what a person sees:
 * a non-zero exit, one description naming the property, path or port, and no stack trace.
 */
class StartupFailureProcessTests {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    @Test
    void shouldRejectUnreachableExternalUriGivenByTheEnvironment() throws Exception {
        // NEO4J_URI, as a container platform sets it (Neo4jEnvironmentPostProcessorTests maps the
        // rest); --spring.neo4j.uri=... is Spring's own mapping of an argument.
        Output output = run(Map.of("NEO4J_URI", "bolt://127.0.0.1:2"));

        output.assertCleanFailure("Cannot connect to Neo4j at bolt://127.0.0.1:2 (spring.neo4j.uri): ");
    }

    @Test
    void shouldRejectUnwritableDataDir() throws Exception {
        // Root ignores permission bits, so make the path impossible instead: its parent is a file.
        Path file = Files.writeString(directory.resolve("a-file"), "x");
        Path dataDir = file.resolve("data");

        Output output = run(Map.of(), "--hub.neo4j.embedded.data-dir=" + dataDir);

        output.assertCleanFailure("The embedded Neo4j cannot use its data directory " + dataDir
            + " (hub.neo4j.embedded.data-dir): it cannot be created (" + file + " is a file, not a directory).");
    }

    @Test
    void shouldRejectBoltPortInUse() throws Exception {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = occupied.getLocalPort();

            Output output = run(Map.of(), "--hub.neo4j.embedded.bolt-port=" + port);

            output.assertCleanFailure("Bolt port " + port + " on 127.0.0.1 is already in use (hub.neo4j.embedded.bolt-port="
                + port + ")");
        }
    }

    @Test
    void shouldRejectInvalidBoltPort() throws Exception {
        Output output = run(Map.of(), "--hub.neo4j.embedded.bolt-port=70000");

        output.assertCleanFailure("Origin: \"hub.neo4j.embedded.bolt-port\"");
        assertThat(output.text()).contains("Value: \"70000\"")
            .contains("Reason: must be -1 (no advertised port), 0 (ephemeral) or a port up to 65535");
    }

    @Test
    void shouldLeaveHttpPortInUseToBootsOwnMessage() throws Exception {
        // Tomcat binds every interface, so occupy the port on every interface too.
        try (ServerSocket occupied = new ServerSocket(0)) {
            int port = occupied.getLocalPort();

            Output output = run(Map.of(), "--server.port=" + port, "--hub.neo4j.embedded.bolt-port=-1");

            output.assertCleanFailure("Web server failed to start. Port " + port + " was already in use.");
            // The embedded database had started and was shut down cleanly on the way out.
            assertThat(output.text()).contains("Embedded Neo4j stopped");
        }
    }

    /** Runs the hub against a fresh data directory; {@code --name=value} arguments replace the defaults. */
    private Output run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        // Boot joins a repeated option into a list ("0,7687"), so each one is given once.
        Map<String, String> options = new LinkedHashMap<>();
        options.put("server.port", "0");
        options.put("spring.main.banner-mode", "off");
        options.put("hub.seed.scale", "none");
        options.put("hub.neo4j.embedded.data-dir", directory.resolve("data").toString());
        options.put("hub.neo4j.embedded.bolt-port", "0");
        options.put("hub.neo4j.embedded.page-cache", "64m");
        for (String argument : arguments) {
            String[] option = argument.substring(2).split("=", 2);
            options.put(option[0], option[1]);
        }
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx768m", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"),
            HubApplication.class.getName()));
        options.forEach((name, value) -> command.add("--" + name + "=" + value));
        Path log = directory.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        // Only what the test sets: a developer's own NEO4J_URI must not change the outcome.
        builder.environment().keySet().removeIf(name -> name.startsWith("NEO4J_") || name.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                fail("The hub did not exit within %s: %s%n%s", TIME_LIMIT, command, Files.readString(log));
            }
        }
        finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return new Output(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Output(int exitCode, String text) {

        void assertCleanFailure(String description) {
            assertThat(exitCode).as("exit code; output:%n%s", text).isNotZero();
            assertThat(text).contains("APPLICATION FAILED TO START").contains(description);
            assertThat(text).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread");
        }
    }
}
