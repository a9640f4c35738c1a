package uk.gov.send.rep.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * directory. One command loads a file of every kind in order (settings, children, plans,
 * placements, cohorts, children's observations, EES); it is killed with {@code SIGKILL} in the
 * middle of each file in turn, the same command run again each time, so every kind is killed
 * mid-file once and resumed once; the last run says "already imported" for every file it finished
 * before and rejects an added file with a bad row (exit 2), writing none of it. The graph then holds
 * every row of every kind exactly once, each linked once.
 */
class ImportProcessTests {

    private static final Duration LIMIT = Duration.ofSeconds(240);
    /** Rows per file, and rows per batch: a kill after batch {@link #KILL_AFTER} is in the middle. */
    private static final int ROWS = 3_000;
    private static final int BATCH = 100;
    private static final int KILL_AFTER = 8;
    private static final int EES_YEARS = 150;
    private static final List<String> EES_MEASURES = List.of("TST-KILL-A", "TST-KILL-B");
    private static final String PILOT = "TST-KILL-PIL";

    @TempDir
    Path temp;

    @Test
    void shouldEndWithEveryRowOfEveryKindExactlyOnceAfterAKillInEachFileAndReruns() throws Exception {
        Path dataDir = temp.resolve("data");
        List<String[]> areas = areas().subList(0, 10);
        // What the files refer to, written straight into a new store (the first import applies the
        // migrations): ten areas, a child-level measure, and a pilot in those areas (five intervention, five comparison).
        withDatabase(dataDir, db -> {
            db.executeTransactionally("""
                UNWIND range(0, size($areas) - 1) AS i
                CREATE (a:LocalArea {code: $areas[i][3], dfeCode: $areas[i][2], name: $areas[i][4]})
                WITH collect(a) AS areas
                CREATE (:Measure {code: 'ABSENCE_RATE', name: 'Absence rate', unit: 'PERCENT', polarity: 'LOWER_IS_BETTER',
                  level: 'CHILD', periodType: 'TERM', valueKind: 'RATE'})
                CREATE (p:Pilot {code: $pilot, name: 'Kill test pilot', start: date('2024-01-01'), end: date('2026-08-31'),
                  status: 'ACTIVE'})
                WITH p, areas UNWIND range(0, size(areas) - 1) AS i
                WITH p, areas[i] AS a, i
                CREATE (p)-[:IN_AREA {arm: CASE WHEN i < 5 THEN 'INTERVENTION' ELSE 'COMPARISON' END}]->(a)""",
                Map.of("pilot", PILOT, "areas", areas.stream().map(List::of).toList()));
            return null;
        });

        // Child i lives in area i % 10, is at setting i, has plan i, is in the cohort, has one observation.
        List<String> command = new ArrayList<>(List.of("import"));
        List<String> files = new ArrayList<>();
        for (String[] kindAndFile : List.of(
                new String[] {"settings", write("settings.csv", "URN,LA (code),EstablishmentNumber,EstablishmentName,"
                    + "TypeOfEstablishment (code),PhaseOfEducation (name)", i -> (900_000 + i) + "," + area(areas, i)[2] + ","
                    + (1000 + i / 10) + ",Kill test school " + i + ",01,Primary")},
                new String[] {"children", write("children.csv", "child_ref,census_date,la_code,birth_year,sex,year_group,"
                    + "sen_provision,primary_need", i -> child(i) + ",2025-01-16," + area(areas, i)[2] + ",2015,"
                    + (i % 2 == 0 ? "F" : "M") + ",4,E,ASD")},
                new String[] {"plans", write("plans.csv", "child_ref,plan_ref,la_code,request_date,decision,decision_date,"
                    + "issue_date,template", i -> child(i) + ",TST-KILL-P" + i + "," + area(areas, i)[2]
                    + ",2024-01-08,ASSESS,2024-02-05,2024-05-" + (10 + i % 20) + ",STANDARDISED")},
                new String[] {"placements", write("placements.csv", "child_ref,urn,start_date,end_date",
                    i -> child(i) + "," + (900_000 + i) + ",2024-09-02,")},
                new String[] {"cohorts", write("cohorts.csv", "pilot_code,child_ref,arm,enrolled,left",
                    i -> PILOT + "," + child(i) + "," + (i % 10 < 5 ? "INTERVENTION" : "COMPARISON") + ",2024-09-02,")},
                new String[] {"child-observations", write("observations.csv", "child_ref,measure,time_period,time_identifier,"
                    + "value,numerator,denominator", i -> child(i) + ",ABSENCE_RATE,202425,Autumn term,,"
                    + (i % 40) + ",140")},
                new String[] {"ees", eesFile(temp.resolve("ees.csv"), areas)})) {
            command.addAll(List.of("--kind", kindAndFile[0], kindAndFile[1]));
            files.add(Path.of(kindAndFile[1]).getFileName().toString());
        }
        Path mapping = Files.writeString(temp.resolve("mapping.csv"), """
            column,measure,name,unit,polarity,valueKind,level,periodType
            a,TST-KILL-A,Test kill A,PERCENT,NEUTRAL,MEAN,AREA,ACADEMIC_YEAR
            b,TST-KILL-B,Test kill B,COUNT,NEUTRAL,MEAN,AREA,ACADEMIC_YEAR
            """);
        command.addAll(List.of("--mapping", mapping.toString()));
        List<String> killable = new ArrayList<>(command);
        killable.addAll(List.of("--hub.ingest.batch-size=" + BATCH,
            "--logging.level.uk.gov.send.rep.hub.ingest.Importer=DEBUG"));

        // Killed in the middle of each file in turn: run k resumes file k - 1 and is killed in file k.
        for (int k = 0; k < files.size(); k++) {
            Path log = temp.resolve("killed-" + k + ".log");
            Process process = start(killable, dataDir, log);
            awaitLine(process, log, Pattern.compile(Pattern.quote(files.get(k)) + ": batch " + KILL_AFTER + " committed"));
            process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            String text = Files.readString(log);
            if (k > 0) {
                assertThat(text).as("run %d resumes %s", k, files.get(k - 1)).contains(files.get(k - 1) + ": resuming run");
            }
            assertThat(text).as("run %d is killed before %s is complete", k, files.get(k))
                .doesNotContain(files.get(k) + " (");
        }
        // The same command once more, with a file with a bad row: it resumes the last file, says the
        // others are already in, and rejects the new one (exit 2) without writing any of it.
        Path bad = Files.writeString(temp.resolve("bad.csv"), """
            time_period,time_identifier,geographic_level,old_la_code,new_la_code,a,b
            209899,Academic year,Local authority,%s,%s,1,2
            209899,Academic year,Local authority,999,,1,2
            """.formatted(areas.getFirst()[2], areas.getFirst()[3]));
        List<String> rerun = new ArrayList<>(killable);
        rerun.add(bad.toString());
        assertThat(run(rerun, dataDir, "rerun.log")).as("rerun exit code with a rejected file").isEqualTo(2);
        String log = Files.readString(temp.resolve("rerun.log"));
        assertThat(log).contains(files.getLast() + ": resuming run").contains("ees.csv (ees): imported");
        for (String file : files.subList(0, files.size() - 1)) {
            assertThat(log).as(file).containsPattern(Pattern.quote(file) + " \\([a-z-]+\\): already imported, nothing written");
        }
        assertThat(log).contains("bad.csv (ees): REJECTED").contains("bad row: line 3, old_la_code: no local area with DfE code '999'");

        long eesRows = (long) areas.size() * EES_YEARS * EES_MEASURES.size();
        assertThat(state(dataDir)).containsAllEntriesOf(Map.ofEntries(
            Map.entry("runs", List.of("COMPLETE", "COMPLETE", "COMPLETE", "COMPLETE", "COMPLETE", "COMPLETE", "COMPLETE")),
            Map.entry("settings", (long) ROWS), Map.entry("settingsInTheirArea", (long) ROWS),
            Map.entry("children", (long) ROWS), Map.entry("childrenInTheirArea", (long) ROWS),
            Map.entry("plans", (long) ROWS), Map.entry("plansLinkedOnce", (long) ROWS),
            Map.entry("placements", (long) ROWS), Map.entry("distinctPlacements", (long) ROWS),
            Map.entry("enrolments", (long) ROWS), Map.entry("enrolledInTheirArm", (long) ROWS),
            Map.entry("childObservations", (long) ROWS), Map.entry("childObservationsLinkedOnce", (long) ROWS),
            Map.entry("eesObservations", eesRows), Map.entry("eesObservationsLinkedOnce", eesRows),
            // The rejected file wrote nothing, not even the row of its good line.
            Map.entry("badFileRows", 0L)));
    }

    private static String child(int i) {
        return String.format(Locale.ROOT, "C%010x", 0xabc000000L + i);
    }

    private static String[] area(List<String[]> areas, int i) {
        return areas.get(i % areas.size());
    }

    /** A file of {@link #ROWS} rows, row i given by {@code row}. */
    private String write(String name, String header, java.util.function.IntFunction<String> row) throws IOException {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int i = 0; i < ROWS; i++) {
            csv.append(row.apply(i)).append('\n');
        }
        return Files.writeString(temp.resolve(name), csv).toString();
    }

    /** The reference areas: region, region name, DfE code, ONS code, name, role. */
    private static List<String[]> areas() throws IOException {
        try (InputStream in = ImportProcessTests.class.getResourceAsStream("/seed/local-authorities.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).map(line -> line.split(",")).toList();
        }
    }

    /** An EES file of {@code areas}, {@link #EES_YEARS} academic years, two indicators. */
    private static String eesFile(Path file, List<String[]> areas) throws IOException {
        StringBuilder csv = new StringBuilder("time_period,time_identifier,geographic_level,old_la_code,new_la_code,a,b\n");
        for (int year = 1900; year < 1900 + EES_YEARS; year++) {
            int period = year * 100 + (year + 1) % 100;
            for (String[] area : areas) {
                csv.append(period).append(",Academic year,Local authority,").append(area[2]).append(',').append(area[3])
                    .append(',').append(year % 97).append('.').append(area[2]).append(',').append(year % 5 == 0 ? "c" : "12")
                    .append('\n');
            }
        }
        return Files.writeString(file, csv).toString();
    }

    /** What each kind wrote, counted with the hub stopped: every row once, each linked once. */
    private static Map<String, Object> state(Path dataDir) {
        return withDatabase(dataDir, db -> db.executeTransactionally("""
            CALL () { MATCH (r:ImportRun) RETURN collect(r.status) AS runs }
            CALL () { MATCH (s:Setting) WHERE s.ref STARTS WITH '9' AND size(s.ref) = 6
              RETURN count(s) AS settings, count(CASE WHEN COUNT { (s)-[:IN_AREA]->() } = 1
                AND EXISTS { (s)-[:IN_AREA]->(:LocalArea {dfeCode: substring(s.laestab, 0, 3)}) } THEN 1 END) AS settingsInTheirArea }
            CALL () { MATCH (c:Child) WHERE c.ref STARTS WITH 'C0abc'
              RETURN count(c) AS children, count(CASE WHEN COUNT { (c)-[:RESIDENT_IN]->() } = 1 THEN 1 END) AS childrenInTheirArea }
            CALL () { MATCH (p:Plan) WHERE p.ref STARTS WITH 'TST-KILL-P'
              RETURN count(p) AS plans, count(CASE WHEN COUNT { (p)<-[:HAS_PLAN]-() } = 1 AND COUNT { (p)-[:MAINTAINED_BY]->() } = 1
                AND EXISTS { (p)<-[:HAS_PLAN]-(:Child)-[:RESIDENT_IN]->(a:LocalArea)<-[:MAINTAINED_BY]-(p) } THEN 1 END) AS plansLinkedOnce }
            CALL () { MATCH (c:Child)-[r:PLACED_AT]->(s:Setting) WHERE c.ref STARTS WITH 'C0abc'
              RETURN count(r) AS placements, count(DISTINCT [c.ref, s.ref, r.from]) AS distinctPlacements }
            CALL () { MATCH (c:Child)-[r:IN_COHORT]->(p:Pilot {code: $pilot})
              RETURN count(r) AS enrolments,
                count(CASE WHEN EXISTS { (c)-[:RESIDENT_IN]->(:LocalArea)<-[a:IN_AREA]-(p) WHERE a.arm = r.arm } THEN 1 END)
                  AS enrolledInTheirArm }
            CALL () { MATCH (o:Observation {measure: 'ABSENCE_RATE'})
              RETURN count(o) AS childObservations,
                count(CASE WHEN COUNT { (o)<-[:OBSERVED]-(:Child) } = 1 THEN 1 END) AS childObservationsLinkedOnce }
            CALL () { MATCH (o:Observation) WHERE o.measure IN $measures AND o.timePeriod = 209899
              RETURN count(o) AS badFileRows }
            CALL () { MATCH (o:Observation) WHERE o.measure IN $measures
              RETURN count(o) AS eesObservations,
                count(CASE WHEN COUNT { (o)<-[:OBSERVED]-(:LocalArea) } = 1 THEN 1 END) AS eesObservationsLinkedOnce }
            RETURN *""", Map.of("pilot", PILOT, "measures", EES_MEASURES), result -> result.next()));
    }

    /** Runs {@code work} on the data directory's database, opened in this JVM with no hub running. */
    private static <T> T withDatabase(Path dataDir, java.util.function.Function<GraphDatabaseService, T> work) {
        long started = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
            .setConfig(GraphDatabaseSettings.data_directory, dataDir)
            .setConfig(GraphDatabaseSettings.logs_directory, dataDir.resolve("logs"))
            .setConfig(BoltConnector.enabled, false)
            .build();
        try {
            return work.apply(dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
        }
        finally {
            dbms.shutdown();
            System.out.printf("database: %d ms%n", (System.nanoTime() - started) / 1_000_000);
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
            "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
            HubApplication.class.getName()));
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
