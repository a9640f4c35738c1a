package uk.gov.send.rep.hub.ingest;

import java.io.IOException;
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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.send.rep.hub.HubApplication;
import uk.gov.send.rep.hub.support.TestGraph;
import uk.gov.send.rep.hub.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import command as an operator runs it against an external database (here the test JVM's
 * shared Neo4j, over Bolt), in real child processes. One command loads a file of every kind in
 * order (settings, children, plans, placements, cohorts, children's observations, EES); it is
 * killed with {@code SIGKILL} in the middle of each file in turn (the database rolls back the
 * open transaction of the dead connection) and the same command run again each time, so every
 * kind is killed mid-file once and resumed once; the last run says "already imported" for every
 * file it finished before and rejects an added file with a bad row (exit 2), writing none of it.
 * The graph then holds every row of every kind exactly once, each linked once.
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
    private static final String CHILD_MEASURE = "TST-KILL-CHILD";
    /** Ten areas of their own (DfE codes no other test uses), child i in area i % 10. */
    private static final int AREAS = 10;
    private static final int FIRST_URN = 970_000;
    private static final String CHILD_PREFIX = "C0abc";

    @TempDir
    Path temp;

    @AfterEach
    void cleanUp() {
        TestGraph.run("""
            MATCH (n) WHERE (n:Child AND n.ref STARTS WITH $children) OR (n:Setting AND n.ref >= $first AND n.ref < $last)
              OR (n:ImportRun AND n.file STARTS WITH $temp) OR (n:ObservationSummary AND n.area STARTS WITH 'TST-KILL')
            DETACH DELETE n""", Map.of("children", CHILD_PREFIX, "first", String.valueOf(FIRST_URN),
            "last", String.valueOf(FIRST_URN + ROWS), "temp", temp.toString()));
        TestGraph.deleteFixtures();
    }

    @Test
    void shouldEndWithEveryRowOfEveryKindExactlyOnceAfterAKillInEachFileAndReruns() throws Exception {
        TestGraph.run("""
            UNWIND range(0, $areas - 1) AS i
            CREATE (a:LocalArea {code: 'TST-KILL-A' + i, dfeCode: toString(980 + i), name: 'Kill test area ' + i})
            WITH collect(a) AS areas
            CREATE (:Measure {code: $measure, name: 'Kill test child measure', unit: 'PERCENT', polarity: 'LOWER_IS_BETTER',
              level: 'CHILD', periodType: 'TERM', valueKind: 'RATE'})
            CREATE (p:Pilot {code: $pilot, name: 'Kill test pilot', start: date('2024-01-01'), end: date('2026-08-31'),
              status: 'ACTIVE'})
            WITH p, areas UNWIND range(0, size(areas) - 1) AS i
            WITH p, areas[i] AS a, i
            CREATE (p)-[:IN_AREA {arm: CASE WHEN i < 5 THEN 'INTERVENTION' ELSE 'COMPARISON' END}]->(a)""",
            Map.of("areas", AREAS, "measure", CHILD_MEASURE, "pilot", PILOT));

        // Child i lives in area i % 10, is at setting i, has plan i, is in the cohort, has one observation.
        List<String> command = new ArrayList<>(List.of("import"));
        List<String> files = new ArrayList<>();
        for (String[] kindAndFile : List.of(
                new String[] {"settings", write("settings.csv", "URN,LA (code),EstablishmentNumber,EstablishmentName,"
                    + "TypeOfEstablishment (code),PhaseOfEducation (name)", i -> (FIRST_URN + i) + "," + dfeCode(i) + ","
                    + (1000 + i / AREAS) + ",Kill test school " + i + ",01,Primary")},
                new String[] {"children", write("children.csv", "child_ref,census_date,la_code,birth_year,sex,year_group,"
                    + "sen_provision,primary_need", i -> child(i) + ",2025-01-16," + dfeCode(i) + ",2015,"
                    + (i % 2 == 0 ? "F" : "M") + ",4,E,ASD")},
                new String[] {"plans", write("plans.csv", "child_ref,plan_ref,la_code,request_date,decision,decision_date,"
                    + "issue_date,template", i -> child(i) + ",TST-KILL-P" + i + "," + dfeCode(i)
                    + ",2024-01-08,ASSESS,2024-02-05,2024-05-" + (10 + i % 20) + ",STANDARDISED")},
                new String[] {"placements", write("placements.csv", "child_ref,urn,start_date,end_date",
                    i -> child(i) + "," + (FIRST_URN + i) + ",2024-09-02,")},
                new String[] {"cohorts", write("cohorts.csv", "pilot_code,child_ref,arm,enrolled,left",
                    i -> PILOT + "," + child(i) + "," + (i % AREAS < 5 ? "INTERVENTION" : "COMPARISON") + ",2024-09-02,")},
                new String[] {"child-observations", write("observations.csv", "child_ref,measure,time_period,time_identifier,"
                    + "value,numerator,denominator", i -> child(i) + "," + CHILD_MEASURE + ",202425,Autumn term,,"
                    + (i % 40) + ",140")},
                new String[] {"ees", eesFile(temp.resolve("ees.csv"))})) {
            command.addAll(List.of("--kind", kindAndFile[0], kindAndFile[1]));
            files.add(Path.of(kindAndFile[1]).getFileName().toString());
        }
        Path mapping = Files.writeString(temp.resolve("mapping.csv"), """
            column,measure,name,unit,polarity,valueKind,level,periodType
            a,TST-KILL-A,Test kill A,PERCENT,NEUTRAL,MEAN,AREA,ACADEMIC_YEAR
            b,TST-KILL-B,Test kill B,COUNT,NEUTRAL,MEAN,AREA,ACADEMIC_YEAR
            """);
        command.addAll(List.of("--mapping", mapping.toString(), "--hub.ingest.batch-size=" + BATCH,
            "--logging.level.uk.gov.send.rep.hub.ingest.Importer=DEBUG"));

        // Killed in the middle of each file in turn: run k resumes file k - 1 and is killed in file k.
        for (int k = 0; k < files.size(); k++) {
            Path log = temp.resolve("killed-" + k + ".log");
            Process process = start(command, log);
            awaitLine(process, log, Pattern.compile(Pattern.quote(files.get(k)) + ": batch " + KILL_AFTER + " committed"));
            process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            String text = Files.readString(log);
            if (k > 0) {
                assertThat(text).as("run %d resumes %s", k, files.get(k - 1)).contains(files.get(k - 1) + ": resuming run");
            }
            assertThat(text).as("run %d is killed before %s is complete", k, files.get(k)).doesNotContain(files.get(k) + " (");
            Map<String, Object> killed = TestGraph.run("MATCH (r:ImportRun) WHERE r.file ENDS WITH $file "
                + "RETURN r.status AS status, r.rowsWritten AS rowsWritten", Map.of("file", files.get(k))).getFirst().asMap();
            assertThat(killed.get("status")).as("the run of %s after the kill", files.get(k)).isEqualTo("LOADING");
            assertThat((long) killed.get("rowsWritten")).as("rows of %s committed before the kill", files.get(k))
                .isBetween((long) KILL_AFTER * BATCH, ROWS - 1L);
        }

        // The same command once more, with a file with a bad row: it resumes the last file, says the
        // others are already in, and rejects the new one (exit 2) without writing any of it.
        Path bad = Files.writeString(temp.resolve("bad.csv"), """
            time_period,time_identifier,geographic_level,old_la_code,new_la_code,a,b
            209899,Academic year,Local authority,980,TST-KILL-A0,1,2
            209899,Academic year,Local authority,999,,1,2
            """);
        List<String> rerun = new ArrayList<>(command);
        rerun.add(bad.toString());
        assertThat(run(rerun, "rerun.log")).as("rerun exit code with a rejected file").isEqualTo(2);
        String log = Files.readString(temp.resolve("rerun.log"));
        assertThat(log).contains(files.getLast() + ": resuming run").contains("ees.csv (ees): imported");
        for (String file : files.subList(0, files.size() - 1)) {
            assertThat(log).as(file).containsPattern(Pattern.quote(file) + " \\([a-z-]+\\): already imported, nothing written");
        }
        assertThat(log).contains("bad.csv (ees): REJECTED").contains("bad row: line 3, old_la_code: no local area with DfE code '999'");

        long eesRows = (long) AREAS * EES_YEARS * EES_MEASURES.size();
        assertThat(state()).containsAllEntriesOf(Map.ofEntries(
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
        return String.format(Locale.ROOT, "%s%06x", CHILD_PREFIX, i);
    }

    private static String dfeCode(int i) {
        return String.valueOf(980 + i % AREAS);
    }

    /** A file of {@link #ROWS} rows, row i given by {@code row}. */
    private String write(String name, String header, java.util.function.IntFunction<String> row) throws IOException {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int i = 0; i < ROWS; i++) {
            csv.append(row.apply(i)).append('\n');
        }
        return Files.writeString(temp.resolve(name), csv).toString();
    }

    /** An EES file of the ten areas, {@link #EES_YEARS} academic years, two indicators. */
    private static String eesFile(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("time_period,time_identifier,geographic_level,old_la_code,new_la_code,a,b\n");
        for (int year = 1900; year < 1900 + EES_YEARS; year++) {
            int period = year * 100 + (year + 1) % 100;
            for (int area = 0; area < AREAS; area++) {
                csv.append(period).append(",Academic year,Local authority,").append(980 + area).append(",TST-KILL-A").append(area)
                    .append(',').append(year % 97).append('.').append(area).append(',').append(year % 5 == 0 ? "c" : "12")
                    .append('\n');
            }
        }
        return Files.writeString(file, csv).toString();
    }

    /** What each kind wrote: every row once, each linked once. */
    private Map<String, Object> state() {
        return TestGraph.run("""
            CALL () { MATCH (r:ImportRun) WHERE r.file STARTS WITH $temp AND NOT r.file ENDS WITH 'bad.csv'
              RETURN collect(r.status) AS runs }
            CALL () { MATCH (s:Setting) WHERE s.ref >= $first AND s.ref < $last
              RETURN count(s) AS settings, count(CASE WHEN COUNT { (s)-[:IN_AREA]->() } = 1
                AND EXISTS { (s)-[:IN_AREA]->(:LocalArea {dfeCode: substring(s.laestab, 0, 3)}) } THEN 1 END) AS settingsInTheirArea }
            CALL () { MATCH (c:Child) WHERE c.ref STARTS WITH $children
              RETURN count(c) AS children, count(CASE WHEN COUNT { (c)-[:RESIDENT_IN]->() } = 1 THEN 1 END) AS childrenInTheirArea }
            CALL () { MATCH (p:Plan) WHERE p.ref STARTS WITH 'TST-KILL-P'
              RETURN count(p) AS plans, count(CASE WHEN COUNT { (p)<-[:HAS_PLAN]-() } = 1 AND COUNT { (p)-[:MAINTAINED_BY]->() } = 1
                AND EXISTS { (p)<-[:HAS_PLAN]-(:Child)-[:RESIDENT_IN]->(a:LocalArea)<-[:MAINTAINED_BY]-(p) } THEN 1 END) AS plansLinkedOnce }
            CALL () { MATCH (c:Child)-[r:PLACED_AT]->(s:Setting) WHERE c.ref STARTS WITH $children
              RETURN count(r) AS placements, count(DISTINCT [c.ref, s.ref, r.from]) AS distinctPlacements }
            CALL () { MATCH (c:Child)-[r:IN_COHORT]->(p:Pilot {code: $pilot})
              RETURN count(r) AS enrolments,
                count(CASE WHEN EXISTS { (c)-[:RESIDENT_IN]->(:LocalArea)<-[a:IN_AREA]-(p) WHERE a.arm = r.arm } THEN 1 END)
                  AS enrolledInTheirArm }
            CALL () { MATCH (o:Observation {measure: $measure})
              RETURN count(o) AS childObservations,
                count(CASE WHEN COUNT { (o)<-[:OBSERVED]-(:Child) } = 1 THEN 1 END) AS childObservationsLinkedOnce }
            CALL () { MATCH (o:Observation) WHERE o.measure IN $measures AND o.timePeriod = 209899
              RETURN count(o) AS badFileRows }
            CALL () { MATCH (o:Observation) WHERE o.measure IN $measures
              RETURN count(o) AS eesObservations,
                count(CASE WHEN COUNT { (o)<-[:OBSERVED]-(:LocalArea) } = 1 THEN 1 END) AS eesObservationsLinkedOnce }
            RETURN *""", Map.of("temp", temp.toString(), "first", String.valueOf(FIRST_URN),
            "last", String.valueOf(FIRST_URN + ROWS), "children", CHILD_PREFIX, "pilot", PILOT, "measure", CHILD_MEASURE,
            "measures", EES_MEASURES)).getFirst().asMap();
    }

    private int run(List<String> arguments, String log) throws Exception {
        long started = System.nanoTime();
        Process process = start(arguments, temp.resolve(log));
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

    /** The hub's jar main in a JVM of its own, against the shared test database over Bolt (no embedded database). */
    private static Process start(List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
            HubApplication.class.getName()));
        command.addAll(arguments);
        command.add("--spring.neo4j.uri=" + TestNeo4j.boltUri());
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
