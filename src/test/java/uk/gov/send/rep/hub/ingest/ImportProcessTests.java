package uk.gov.send.rep.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

import uk.gov.send.rep.hub.HubApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import command as a user runs it, in real child processes against an embedded data
 * directory: killed (SIGKILL) in the middle of a file, the same command again ends with every
 * row in exactly once; a third run says "already imported"; a file with bad rows exits 2 and
 * writes nothing.
 */
class ImportProcessTests {

    private static final Duration LIMIT = Duration.ofSeconds(240);
    private static final int FIRST_YEAR = 1900;
    private static final int YEARS = 200;
    private static final List<String> MEASURES = List.of("TST-KILL-A", "TST-KILL-B");

    @TempDir
    Path temp;

    @Test
    void shouldEndWithEveryRowExactlyOnceAfterAKillAndARerun() throws Exception {
        Path dataDir = temp.resolve("data");
        assertThat(run(List.of("seed", "--scale", "none"), dataDir, "seed.log")).as("seed exit code").isZero();
        Path file = temp.resolve("big.csv");
        int areas = eesFile(file);
        long expected = (long) areas * YEARS * MEASURES.size();
        Path mapping = Files.writeString(temp.resolve("mapping.csv"), """
            column,measure,name,unit,polarity,valueKind,level,periodType
            a,TST-KILL-A,Test kill A,PERCENT,NEUTRAL,MEAN,AREA,ACADEMIC_YEAR
            b,TST-KILL-B,Test kill B,COUNT,NEUTRAL,MEAN,AREA,ACADEMIC_YEAR
            """);
        List<String> command = List.of("import", "--kind", "ees", file.toString(), "--mapping", mapping.toString());

        // Killed once 20 batches of 100 rows are committed.
        List<String> killed = new ArrayList<>(command);
        killed.addAll(List.of("--hub.ingest.batch-size=100", "--logging.level.uk.gov.send.rep.hub.ingest.Importer=DEBUG"));
        Process process = start(killed, dataDir, temp.resolve("killed.log"));
        awaitLine(process, temp.resolve("killed.log"), Pattern.compile("batch 20 committed"));
        process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);

        Map<String, Object> afterKill = state(dataDir);
        assertThat(afterKill.get("status")).as("the run after the kill").isEqualTo("LOADING");
        long partly = (long) afterKill.get("observations");
        assertThat(partly).as("observations after the kill").isBetween(2_000L, expected - 1);
        // The run's progress is committed with each batch: it counts exactly what is there.
        assertThat(afterKill.get("rowsWritten")).isEqualTo(partly);

        assertThat(run(command, dataDir, "rerun.log")).as("rerun exit code").isZero();
        String rerun = Files.readString(temp.resolve("rerun.log"));
        assertThat(rerun).contains("resuming run").contains(": imported");
        Map<String, Object> done = state(dataDir);
        assertThat(done).containsEntry("status", "COMPLETE").containsEntry("observations", expected)
            .containsEntry("keys", expected).containsEntry("observed", expected).containsEntry("linkedOnce", expected)
            .containsEntry("subjects", (long) areas);

        // The same file again, with a file with a bad row: the first is already in, the second rejected (exit 2).
        Path bad = Files.writeString(temp.resolve("bad.csv"), """
            time_period,time_identifier,geographic_level,old_la_code,new_la_code,a,b
            202324,Academic year,Local authority,840,E06000047,1,2
            202324,Academic year,Local authority,999,,1,2
            """);
        List<String> again = new ArrayList<>(command);
        again.add(bad.toString());
        assertThat(run(again, dataDir, "again.log")).as("exit code with a rejected file").isEqualTo(2);
        assertThat(Files.readString(temp.resolve("again.log"))).contains("big.csv (ees): already imported, nothing written")
            .contains("bad.csv (ees): REJECTED").contains("bad row: line 3, old_la_code: no local area with DfE code '999'");
        assertThat(state(dataDir)).isEqualTo(done);
    }

    /** An EES file of every area in the reference data, {@link #YEARS} academic years, two indicators. */
    private static int eesFile(Path file) throws IOException {
        List<String[]> areas = new ArrayList<>();
        try (InputStream in = ImportProcessTests.class.getResourceAsStream("/seed/local-authorities.csv")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                .forEach(line -> areas.add(line.split(",")));
        }
        StringBuilder csv = new StringBuilder("time_period,time_identifier,geographic_level,old_la_code,new_la_code,a,b\n");
        for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
            int period = year * 100 + (year + 1) % 100;
            for (String[] area : areas) {
                csv.append(period).append(",Academic year,Local authority,").append(area[2]).append(',').append(area[3])
                    .append(',').append(year % 97).append('.').append(area[2]).append(',').append(year % 5 == 0 ? "c" : "12")
                    .append('\n');
            }
        }
        Files.writeString(file, csv);
        return areas.size();
    }

    /** The run and the observations of {@link #MEASURES}, read from the data directory with the hub stopped. */
    private static Map<String, Object> state(Path dataDir) {
        long started = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
            .setConfig(GraphDatabaseSettings.data_directory, dataDir)
            .setConfig(GraphDatabaseSettings.logs_directory, dataDir.resolve("logs"))
            .setConfig(BoltConnector.enabled, false)
            .build();
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            return db.executeTransactionally("""
                OPTIONAL MATCH (r:ImportRun) WHERE r.file ENDS WITH 'big.csv'
                WITH r
                OPTIONAL MATCH (o:Observation) WHERE o.measure IN $measures
                WITH r, count(o) AS observations, count(DISTINCT o.key) AS keys,
                     sum(COUNT { (o)<-[:OBSERVED]-() }) AS observed,
                     count(CASE WHEN COUNT { (o)<-[:OBSERVED]-(:LocalArea) } = 1 THEN 1 END) AS linkedOnce,
                     count(DISTINCT [(o)<-[:OBSERVED]-(a) | a.code][0]) AS subjects
                RETURN r.status AS status, r.rowsWritten AS rowsWritten, observations, keys, observed, linkedOnce, subjects""",
                Map.of("measures", MEASURES), result -> result.next());
        }
        finally {
            dbms.shutdown();
            System.out.printf("state: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        }
    }

    private int run(List<String> arguments, Path dataDir, String log) throws Exception {
        long started = System.nanoTime();
        Process process = start(arguments, dataDir, temp.resolve(log));
        try {
            return awaitExit(process, arguments, log);
        }
        finally {
            System.out.printf("%s: %d ms%n", arguments.getFirst() + " " + log, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private int awaitExit(Process process, List<String> arguments, String log) throws Exception {
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(arguments + " did not finish within " + LIMIT + ":\n" + Files.readString(temp.resolve(log)));
        }
        return process.exitValue();
    }

    private static Process start(List<String> arguments, Path dataDir, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g", "-cp", System.getProperty("java.class.path"), HubApplication.class.getName()));
        command.addAll(arguments);
        command.addAll(List.of("--hub.neo4j.embedded.data-dir=" + dataDir, "--hub.neo4j.embedded.bolt-port=0"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitLine(Process process, Path log, Pattern line) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = line.matcher(Files.readString(log));
            if (matcher.find()) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the import ended (" + process.exitValue() + ") before " + line + ":\n" + Files.readString(log));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + line + " within " + LIMIT + ":\n" + Files.readString(log));
    }
}
