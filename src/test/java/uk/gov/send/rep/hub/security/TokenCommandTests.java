package uk.gov.send.rep.hub.security;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.gov.send.rep.hub.HubApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code token} command: as a child process (its stdout holds the token alone) whose token the
 * running hub accepts, and in-process for wrong arguments (exit 2, one line on stderr naming the
 * argument, nothing on stdout).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenCommandTests {

    /** Where this test JVM's hub keeps its key (src/test/resources/config/application.yml). */
    private static final Path TEST_DATA_DIR = Path.of("target/test-data").toAbsolutePath();

    @LocalServerPort
    int port;

    record Run(int exit, String out, String err) {
    }

    /** {@code java -cp <main classpath> HubApplication token ...} in {@code directory}. */
    private static Run child(Path directory, String... args) throws Exception {
        // The hub's own classpath, without the test classes and their configuration.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.endsWith("test-classes")).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", classpath, HubApplication.class.getName(), "token"));
        command.addAll(List.of(args));
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("token command finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Run inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            String[] all = new String[args.length + 1];
            all[0] = "token";
            System.arraycopy(args, 0, all, 1, args.length);
            exit = HubApplication.run(all);
        }
        finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String viewer(String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ viewer { subject role partnership areaCodes } }\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void shouldPrintATokenAloneThatTheRunningHubAccepts(@TempDir Path directory) throws Exception {
        Run run = child(directory, "--role", "PARTNERSHIP_LEAD", "--partnership", "CPP-NE", "--subject", "lead@ne",
            "--ttl", "30m", "--hub.neo4j.embedded.data-dir=" + TEST_DATA_DIR);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\R");
        String token = run.out().strip();

        SignedJWT jwt = SignedJWT.parse(token);
        long life = jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime();
        assertThat(life).isEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("rep-data-hub");

        assertThat(viewer(token)).contains("\"subject\":\"lead@ne\"").contains("\"role\":\"PARTNERSHIP_LEAD\"")
            .contains("\"partnership\":\"CPP-NE\"").contains("E06000047");
        // It started no database and no server in its working directory.
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out.txt", "err.txt");
        }
    }

    @Test
    void shouldCreateTheKeyOnceInTheDataDirectoryAndReuseIt(@TempDir Path directory) throws Exception {
        Path dataDir = directory.resolve("hub-data");
        Run first = child(directory, "--role", "NATIONAL", "--hub.neo4j.embedded.data-dir=" + dataDir);
        assertThat(first.exit()).as(first.err()).isZero();
        Path key = dataDir.resolve("security").resolve(SigningKeyStore.FILE_NAME);
        assertThat(key).exists();
        assertThat(first.err()).contains("Generated the hub's signing key in " + key);
        String written = Files.readString(key);

        Run second = child(directory, "--role", "EVALUATOR", "--ttl", "PT2H", "--hub.neo4j.embedded.data-dir=" + dataDir);
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err()).doesNotContain("Generated");
        assertThat(Files.readString(key)).isEqualTo(written);
        assertThat(SignedJWT.parse(second.out().strip()).getHeader().getKeyID())
            .isEqualTo(SignedJWT.parse(first.out().strip()).getHeader().getKeyID());
    }

    @Test
    void shouldRefuseATtlOverTheMaximum(@TempDir Path directory) throws Exception {
        Run run = child(directory, "--role", "NATIONAL", "--ttl", "31d", "--hub.neo4j.embedded.data-dir=" + directory.resolve("d"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines().toList().getLast())
            .isEqualTo("token: --ttl 31d is longer than hub.security.local.max-ttl (30d)");
    }

    @Test
    void shouldNameTheKeyFileWhenItIsCorrupt(@TempDir Path directory) throws Exception {
        Path key = directory.resolve("d/security/" + SigningKeyStore.FILE_NAME);
        Files.createDirectories(key.getParent());
        Files.writeString(key, "{not json");
        Run run = child(directory, "--role", "NATIONAL", "--hub.neo4j.embedded.data-dir=" + directory.resolve("d"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("token: Signing key " + key + ": is not a JSON Web Key");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--role KING                                   | token: --role KING is not a role: one of NATIONAL, PARTNERSHIP_LEAD, LOCAL_AREA, EVALUATOR, PUBLIC",
        "--partnership CPP-NE                          | token: --role is required: one of NATIONAL, PARTNERSHIP_LEAD, LOCAL_AREA, EVALUATOR, PUBLIC",
        "--role PARTNERSHIP_LEAD                       | token: --role PARTNERSHIP_LEAD needs --partnership CODE (e.g. CPP-NE)",
        "--role PARTNERSHIP_LEAD --partnership cpp/ne  | token: --partnership cpp/ne is not a partnership code (upper-case letters, digits and dashes, e.g. CPP-NE)",
        "--role LOCAL_AREA --local-area 12345          | token: --local-area 12345 is not an ONS code (a letter and 8 digits, e.g. E06000047) or a DfE code (3 digits, e.g. 840)",
        "--role LOCAL_AREA                             | token: --role LOCAL_AREA needs --local-area CODE (an ONS code (a letter and 8 digits, e.g. E06000047) or a DfE code (3 digits, e.g. 840))",
        "--role NATIONAL --partnership CPP-NE          | token: --partnership is only for --role PARTNERSHIP_LEAD, not NATIONAL",
        "--role NATIONAL --ttl 8hours                  | token: --ttl 8hours is not a duration: use e.g. 30m, 8h, 7d or ISO-8601 PT8H",
        "--role NATIONAL --ttl 0m                      | token: --ttl 0m must be longer than zero",
        "--role NATIONAL --expires 8h                  | token: unknown option --expires (usage: token --role ROLE [--partnership CODE] [--local-area CODE] [--ttl DURATION] [--subject NAME]; Spring properties as --name.of.property=value)",
        "--role NATIONAL --role EVALUATOR              | token: --role is given twice",
        "--role                                        | token: --role needs a value",
        "--role NATIONAL extra                         | token: unexpected argument 'extra' (usage: token --role ROLE [--partnership CODE] [--local-area CODE] [--ttl DURATION] [--subject NAME])",
    })
    void shouldRefuseBadArgumentsWithExitCodeTwo(String args, String message) {
        Run run = inProcess(args.strip().split("\\s+"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(message + System.lineSeparator());
    }
}
