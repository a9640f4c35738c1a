package uk.gov.send.rep.hub.transfer;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import tools.jackson.databind.JsonNode;

import uk.gov.send.rep.hub.HubApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Export and restore of the demo seed (loaded once per test JVM into the shared test database):
 * the whole graph restored by the real {@code restore} command (in-process) into a new embedded database gives
 * the same counts and answers; a partnership's part holds no other partnership's children and no
 * dangling relationship and restores on its own with the command; damaged exports and non-empty
 * targets are refused (the latter also by the command, in-process: exit code 2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"hub.seed.scale=demo", "hub.seed.seed=20230302"})
@ExtendWith(OutputCaptureExtension.class)
class TransferIntegrationTests {

    /** Questions asked of the source and of the restored database, whose answers must agree. */
    private static final Map<String, String> QUERIES = Map.of(
        "plans by status per area", """
            MATCH (p:Plan)-[:MAINTAINED_BY]->(a:LocalArea)
            RETURN a.code AS area, p.status AS status, count(*) AS plans, round(avg(p.weeksToIssue), 6) AS weeks, max(p.issued) AS lastIssued
            ORDER BY area, status""",
        "cohorts by arm", """
            MATCH (c:Child)-[r:IN_COHORT]->(p:Pilot)
            RETURN p.code AS pilot, r.arm AS arm, count(*) AS children, min(r.enrolled) AS firstEnrolled, max(r.left) AS lastLeft
            ORDER BY pilot, arm""",
        "an area's observations", """
            MATCH (:LocalArea {code: 'E08000003'})-[:OBSERVED]->(o:Observation)
            RETURN properties(o) AS observation ORDER BY o.key""",
        "placements by kind", """
            MATCH (:Child)-[r:PLACED_AT]->(s:Setting)
            RETURN s.kind AS kind, count(*) AS placements, min(r.from) AS first, max(r.to) AS last ORDER BY kind""",
        "plans, every property", "MATCH (p:Plan) RETURN properties(p) AS plan ORDER BY p.ref LIMIT 500",
        "the seed run", "MATCH (r:SeedRun) RETURN properties(r) AS run ORDER BY r.scale",
        "pilots' areas and reforms", """
            MATCH (p:Pilot)<-[:RUNS]-(n:Partnership)
            CALL (p) { MATCH (p)-[i:IN_AREA]->(a:LocalArea) WITH a.code + ':' + i.arm AS area ORDER BY area
                       RETURN collect(area) AS areas }
            CALL (p) { MATCH (p)-[:TESTS]->(f:Reform) WITH f.code AS reform ORDER BY reform
                       RETURN collect(reform) AS reforms }
            RETURN p.code AS pilot, n.code AS partnership, reforms, areas ORDER BY pilot""",
        "an area's observation summaries", """
            MATCH (s:ObservationSummary {area: 'E08000003'})
            RETURN s.key AS key, s.observations AS observations, s.values AS values, round(s.sum, 6) AS sum,
                   s.rates AS rates, s.periodStart AS start ORDER BY key""");

    @Autowired
    private GraphExport export;

    @Autowired
    private GraphRestore restore;

    @Autowired
    private Driver driver;

    @Autowired
    private ApplicationContext context;

    @TempDir
    Path temp;

    @Test
    void shouldRestoreTheWholeGraphWithTheRestoreCommandIntoAnEmptyDatabaseWithTheSameCountsAndAnswers() throws Exception {
        Path out = temp.resolve("full");
        long started = System.nanoTime();
        Manifest manifest = export.export(out, ExportScope.full());
        long exportMillis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> exported = counts(manifest);
        Map<String, List<Map<String, Object>>> sourceAnswers = answers(driver);
        Map<String, Long> sourceCounts = graphCounts(driver);
        System.out.printf("transfer: exported %,d nodes and relationships (%s) in %d ms, %,d bytes%n",
            exported.values().stream().mapToLong(Long::longValue).sum(), out, exportMillis, size(out));
        assertThat(exported.get("Child")).isGreaterThan(20_000);
        assertThat(exported.get("Observation")).isGreaterThan(200_000);
        assertThat(Files.readString(out.resolve("nodes/Child.jsonl"))).doesNotContain("elementId");

        // The restore command as HubApplication.run starts it (HubApplication.command), in this
        // JVM rather than a child one (the partnership test below runs it as a process): a context
        // of its own, no web server, on a new embedded database in a temporary directory.
        Path dataDir = temp.resolve("restored");
        started = System.nanoTime();
        ConfigurableApplicationContext command = HubApplication.command("restore")
            .run("--in", out.toString(), "--hub.neo4j.embedded.data-dir=" + dataDir, "--hub.neo4j.embedded.bolt-port=-1",
                "--hub.neo4j.embedded.page-cache=256m");
        try {
            assertThat(command.getBean(TransferCommand.class).getExitCode()).as("restore command exit code").isZero();
            System.out.printf("transfer: restore command (in-process, start to done) %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
            Driver restoredDriver = command.getBean(Driver.class);
            assertThat(restoredDriver).isNotSameAs(driver);
            Map<String, Long> restoredCounts = graphCounts(restoredDriver);
            assertThat(restoredCounts).containsAllEntriesOf(exported).isEqualTo(sourceCounts);
            Map<String, List<Map<String, Object>>> restoredAnswers = answers(restoredDriver);
            for (String question : QUERIES.keySet()) {
                assertThat(restoredAnswers.get(question)).as(question).isNotEmpty().isEqualTo(sourceAnswers.get(question));
            }
        }
        finally {
            SpringApplication.exit(command);
        }
    }

    @Test
    void shouldExportAPartnershipsPartWithNoOtherChildrenAndNoDanglingRelationships() throws Exception {
        Path zip = temp.resolve("cpp-ne.zip");
        Manifest manifest = export.export(zip, new ExportScope("CPP-NE"));
        assertThat(manifest.partnership()).isEqualTo("CPP-NE");
        try (FileSystem files = FileSystems.newFileSystem(zip)) {
            Map<String, Set<String>> keys = new LinkedHashMap<>();
            for (Manifest.FileEntry file : manifest.nodes()) {
                Set<String> labelKeys = new HashSet<>();
                for (String line : Files.readAllLines(files.getPath(file.path()))) {
                    labelKeys.add(JsonLines.MAPPER.readTree(line).path(file.key()).stringValue());
                }
                assertThat(labelKeys).as(file.path()).hasSize((int) file.count());
                keys.put(file.name(), labelKeys);
            }
            assertThat(keys.get("AuditEvent")).isEmpty();
            assertThat(keys.get("Region")).hasSize(9);
            assertThat(keys.get("Partnership")).contains("CPP-NE", "CPP-NW");

            List<String> children = List.copyOf(keys.get("Child"));
            List<Record> homes = driver.executableQuery("""
                MATCH (c:Child)-[:RESIDENT_IN]->(:LocalArea)-[:MEMBER_OF]->(p:Partnership)
                WHERE c.ref IN $refs RETURN p.code AS partnership, count(*) AS children""")
                .withParameters(Map.of("refs", children)).execute().records();
            assertThat(homes).hasSize(1);
            assertThat(homes.getFirst().get("partnership").asString()).isEqualTo("CPP-NE");
            long neChildren = driver.executableQuery("""
                MATCH (c:Child)-[:RESIDENT_IN]->(:LocalArea)-[:MEMBER_OF]->(:Partnership {code: 'CPP-NE'})
                RETURN count(c) AS children""").execute().records().getFirst().get("children").asLong();
            assertThat((long) children.size()).isEqualTo(neChildren).isGreaterThan(100);
            assertThat(keys.get("Pilot")).isNotEmpty().allMatch(code -> code.startsWith("NE-"));

            long relationships = 0;
            List<String> dangling = new ArrayList<>();
            for (Manifest.FileEntry file : manifest.relationships()) {
                for (String line : Files.readAllLines(files.getPath(file.path()))) {
                    JsonNode json = JsonLines.MAPPER.readTree(line);
                    for (String end : List.of("start", "end")) {
                        String label = json.path(end).path("label").stringValue();
                        String key = GraphContract.label(label).orElseThrow().key();
                        // Set.contains, not AssertJ's contains (a scan of the set per call).
                        if (!keys.get(label).contains(json.path(end).path(key).stringValue())) {
                            dangling.add(end + " of " + line + " in " + file.path());
                        }
                    }
                    relationships++;
                }
            }
            assertThat(dangling).as("relationship ends not in the part").isEmpty();
            assertThat(relationships).isEqualTo(manifest.relationships().stream().mapToLong(Manifest.FileEntry::count).sum());
            long cohort = manifest.relationships().stream().filter(f -> f.name().equals("IN_COHORT")).findFirst()
                .orElseThrow().count();
            long sourceCohort = driver.executableQuery("""
                MATCH (:Child)-[r:IN_COHORT]->(:Pilot)<-[:RUNS]-(:Partnership {code: 'CPP-NE'}) RETURN count(r) AS count""")
                .execute().records().getFirst().get("count").asLong();
            System.out.printf("transfer: CPP-NE part: %s; IN_COHORT of its pilots: %d in the source, %d exported%n",
                counts(manifest), sourceCohort, cohort);
            assertThat(cohort).isPositive().isLessThanOrEqualTo(sourceCohort);
        }

        // The part restores on its own, from the zip: every relationship finds both its ends.
        Process process = command(temp.resolve("restore-ne.log"), "restore", "--in", zip.toString(),
            "--hub.neo4j.embedded.data-dir=" + temp.resolve("restored-ne"));
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(temp.resolve("restore-ne.log"));
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("restore: " + manifest.nodes().stream().mapToLong(Manifest.FileEntry::count).sum()
            + " nodes and " + manifest.relationships().stream().mapToLong(Manifest.FileEntry::count).sum()
            + " relationships loaded from " + zip);
    }

    @Test
    void shouldRefuseADamagedExportNamingTheFileAndLineBeforeWritingAnything() throws Exception {
        Path out = temp.resolve("cpp-nw");
        export.export(out, new ExportScope("CPP-NW"));
        long nodesBefore = nodeCount();

        Path children = out.resolve("nodes/Child.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(children));
        String third = lines.get(2);
        lines.set(2, third.substring(0, third.length() / 2));
        Files.write(children, lines);
        assertThatThrownBy(() -> restore.restore(out)).isInstanceOfSatisfying(TransferException.class,
            e -> assertThat(e.badInput()).isTrue()).hasMessageStartingWith("nodes/Child.jsonl line 3: not JSON");

        lines.set(2, third.replaceFirst("\"birthYear\":\\d+", "\"birthYear\":{\"\\$date\":\"not a date\"}"));
        Files.write(children, lines);
        assertThatThrownBy(() -> restore.restore(out)).hasMessageStartingWith("nodes/Child.jsonl line 3: property birthYear");

        lines.set(2, third.replaceFirst("\"birthYear\":(\\d+)", "\"birthYear\":1900"));
        Files.write(children, lines);
        assertThatThrownBy(() -> restore.restore(out)).hasMessageContaining("nodes/Child.jsonl: SHA-256");

        Files.write(children, lines.subList(0, lines.size() - 2));
        assertThatThrownBy(() -> restore.restore(out))
            .hasMessageContaining("nodes/Child.jsonl: " + (lines.size() - 2) + " lines, the manifest says " + lines.size());

        Files.delete(children);
        assertThatThrownBy(() -> restore.restore(out)).hasMessageContaining("nodes/Child.jsonl: missing");
        assertThat(nodeCount()).isEqualTo(nodesBefore);
    }

    @Test
    void shouldRefuseANonEmptyDatabaseNamingWhatIsInIt(CapturedOutput output) {
        Path out = temp.resolve("cpp-em");
        export.export(out, new ExportScope("CPP-EM"));
        long nodesBefore = nodeCount();
        assertThatThrownBy(() -> restore.restore(out)).isInstanceOfSatisfying(TransferException.class,
            e -> assertThat(e.badInput()).isTrue())
            .hasMessageContaining("The target database is not empty").hasMessageContaining(" Child")
            .hasMessageContaining("nothing was changed");

        // The restore command as an operator runs it: exit code 2, the reason logged without a stack trace.
        TransferCommand command = new TransferCommand(new MockEnvironment().withProperty("hub.command", "restore"),
            context.getBeanProvider(GraphExport.class), context.getBeanProvider(GraphRestore.class));
        command.run(new DefaultApplicationArguments("--in", out.toString()));
        assertThat(command.getExitCode()).isEqualTo(2);
        assertThat(output.getAll()).contains("restore: The target database is not empty").contains(" Child")
            .doesNotContain("\tat uk.gov");
        assertThat(nodeCount()).isEqualTo(nodesBefore);
    }

    @Test
    void shouldRefuseAnUnknownPartnershipAndAnExistingOutput() throws IOException {
        assertThatThrownBy(() -> export.export(temp.resolve("x"), new ExportScope("CPP-XX")))
            .isInstanceOfSatisfying(TransferException.class, e -> assertThat(e.badInput()).isTrue())
            .hasMessageContaining("--partnership CPP-XX: no such partnership").hasMessageContaining("CPP-NE");
        Files.createDirectories(temp.resolve("taken"));
        Files.writeString(temp.resolve("taken/file.txt"), "");
        assertThatThrownBy(() -> export.export(temp.resolve("taken"), ExportScope.full()))
            .hasMessageContaining("exists and is not an empty directory");
        assertThatThrownBy(() -> restore.restore(temp.resolve("nowhere")))
            .hasMessageContaining("--in " + temp.resolve("nowhere") + " does not exist");
    }

    private static Map<String, Long> counts(Manifest manifest) {
        Map<String, Long> counts = new LinkedHashMap<>();
        manifest.nodes().forEach(f -> counts.put(f.name(), f.count()));
        manifest.relationships().forEach(f -> counts.put(f.name(), f.count()));
        return counts;
    }

    /** Nodes per exported label and relationships per type. */
    private static Map<String, Long> graphCounts(Driver driver) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (GraphContract.NodeLabel label : GraphContract.LABELS) {
            counts.put(label.label(), count(driver, TransferCypher.countLabel(label.label())));
        }
        for (String type : GraphContract.types().keySet()) {
            counts.put(type, count(driver, TransferCypher.countType(type)));
        }
        return counts;
    }

    private static long count(Driver driver, String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get("count").asLong();
    }

    private long nodeCount() {
        return count(driver, TransferCypher.NODE_COUNT);
    }

    private static Map<String, List<Map<String, Object>>> answers(Driver driver) {
        Map<String, List<Map<String, Object>>> answers = new LinkedHashMap<>();
        QUERIES.forEach((question, cypher) -> answers.put(question,
            driver.executableQuery(cypher).execute().records().stream().map(Record::asMap).toList()));
        return answers;
    }

    private static long size(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static Process command(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), HubApplication.class.getName()));
        command.addAll(List.of(args));
        command.add("--hub.neo4j.embedded.bolt-port=-1");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
