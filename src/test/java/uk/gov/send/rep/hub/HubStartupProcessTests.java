package uk.gov.send.rep.hub;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub as the README starts it, in a real child process: embedded Neo4j on an empty data
 * directory, demo data seeded on first start, and a restart that keeps the data and does not
 * seed again.
 */
class HubStartupProcessTests {

    private static final Duration START_LIMIT = Duration.ofSeconds(240);

    private final HttpClient http = HttpClient.newHttpClient();

    /** A NATIONAL token from the {@code token} command for the hub under test. */
    private String token;

    @TempDir
    Path temp;

    @Test
    void shouldStartOnAnEmptyDataDirSeedDemoOnceAndKeepDataAcrossRestart() throws Exception {
        Path dataDir = temp.resolve("data");
        int port = freePort();

        long started = System.nanoTime();
        Process first = start(dataDir, port, temp.resolve("first.log"));
        String counts;
        try {
            awaitGraphQl(first, port, temp.resolve("first.log"));
            long firstAnswerMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("hub: start on empty data dir to first /graphql answer (demo seeded): %d ms%n", firstAnswerMillis);
            // Children's data needs a token: the token command, as a user runs it, against this hub's key.
            assertThat(post(port, "{ children(first: 0) { totalCount } }", null)).contains("\"classification\":\"FORBIDDEN\"");
            token = token(dataDir);
            counts = counts(port);
            assertThat(number(counts, "regions")).isEqualTo(9);
            assertThat(number(counts, "localAreas")).isEqualTo(153);
            assertThat(number(counts, "partnerships")).isEqualTo(9);
            assertThat(number(counts, "children")).isGreaterThan(10_000);
            assertThat(number(counts, "settings")).isGreaterThan(100);
            assertThat(number(counts, "plans")).isGreaterThan(1_000);
            assertThat(number(counts, "pilots")).isGreaterThan(5);
            String members = post(port, "{ partnership(code: \\\"CPP-NE\\\") { leads { name } members(first: 0) { totalCount } } }");
            assertThat(members).contains("\"Hartlepool\"").contains("\"totalCount\":4");
        }
        finally {
            stop(first);
        }
        assertThat(Files.readString(temp.resolve("first.log"))).doesNotContain("\tat ");

        Process second = start(dataDir, port, temp.resolve("second.log"));
        try {
            awaitGraphQl(second, port, temp.resolve("second.log"));
            assertThat(counts(port)).isEqualTo(counts);
        }
        finally {
            stop(second);
        }
        String secondLog = Files.readString(temp.resolve("second.log"));
        assertThat(secondLog).doesNotContainPattern("(?i)generat(ing|ed) .*children");
    }

    private Process start(Path dataDir, int port, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx2g", "-cp", System.getProperty("java.class.path"), HubApplication.class.getName(),
            "--server.port=" + port,
            "--hub.neo4j.embedded.data-dir=" + dataDir,
            "--hub.neo4j.embedded.bolt-port=0",
            "--hub.seed.scale=demo",
            "--spring.main.banner-mode=off"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitGraphQl(Process process, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("hub exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (post(port, "{ __typename }").contains("Query")) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("hub did not answer within " + START_LIMIT + ":\n" + Files.readString(log));
    }

    private String counts(int port) throws Exception {
        return post(port, "{ regions(first: 0) { totalCount } localAreas(first: 0) { totalCount } partnerships(first: 0) { totalCount } "
            + "children(first: 0) { totalCount } settings(first: 0) { totalCount } plans(first: 0) { totalCount } "
            + "pilots(first: 0) { totalCount } }");
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\\{\"totalCount\":(\\d+)}").matcher(json);
        assertThat(m.find()).as("%s in %s", field, json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private String post(int port, String query) throws IOException, InterruptedException {
        return post(port, query, token);
    }

    private String post(int port, String query, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}"));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Runs {@code token --role NATIONAL} in a child process, as the README shows, and returns its one line. */
    private static String token(Path dataDir) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), HubApplication.class.getName(), "token", "--role", "NATIONAL",
            "--hub.neo4j.embedded.data-dir=" + dataDir).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("token command exit code").isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines).as("the token alone on one line").hasSize(1);
        return lines.getFirst();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
