package uk.gov.send.rep.hub.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import uk.gov.send.rep.hub.ingest.ImportReport.Outcome;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the import tests against the running hub share: the {@link Importer} and a GraphQL tester,
 * files written to a temporary folder, every run a test starts recorded and its {@code ImportRun}
 * removed after the test (with every {@code TST-} fixture), and a snapshot of the fixture nodes and
 * their relationships to tell "nothing changed". A subclass names the prefixes its fixtures' keys
 * start with, carries its own Spring test annotations (all of them the same, so one context is
 * shared) and its own fixtures and further clean-up.
 */
abstract class ImportTestSupport {

    /**
     * Every node whose {@code key}, {@code code} or {@code ref} starts with one of the prefixes,
     * with its labels, its properties and its relationships (type, direction, other end,
     * properties): equal before and after means nothing changed.
     */
    private static final String SNAPSHOT = """
        MATCH (n)
        WHERE any(prefix IN $prefixes WHERE n.key STARTS WITH prefix OR n.code STARTS WITH prefix
          OR n.ref STARTS WITH prefix)
        OPTIONAL MATCH (n)-[r]-(m)
        WITH n, r, m
        ORDER BY type(r), startNode(r) = n, coalesce(m.key, m.code, m.ref), toString(r.from), toString(r.to)
        WITH n, collect(CASE WHEN r IS NOT NULL THEN {type: type(r), outgoing: startNode(r) = n,
          other: coalesce(m.key, m.code, m.ref), properties: properties(r)} END) AS relationships
        RETURN labels(n) AS labels, properties(n) AS properties, relationships
        ORDER BY coalesce(n.key, n.code, n.ref)""";

    @Autowired
    Importer importer;

    @Autowired
    HttpGraphQlTester http;

    @TempDir
    Path temp;

    /** The ids of the runs this test started, removed after it. */
    private final List<String> runs = new ArrayList<>();

    private final List<String> fixturePrefixes;

    /** @param fixturePrefixes what the {@code key}, {@code code} or {@code ref} of every fixture node starts with */
    ImportTestSupport(String... fixturePrefixes) {
        this.fixturePrefixes = List.of(fixturePrefixes);
    }

    @AfterEach
    void deleteRunsAndFixtures() {
        TestGraph.run("MATCH (r:ImportRun) WHERE r.id IN $runs DETACH DELETE r", Map.of("runs", runs));
        TestGraph.deleteFixtures();
    }

    GraphQlTester graphQl() {
        return http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** The list of objects at {@code path} in the answer to {@code document}, which must have no errors. */
    List<Map<String, Object>> list(String document, String path) {
        return graphQl().document(document).execute().errors().verify()
            .path(path).entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }

    /** Writes {@code content} to the file {@code name} in the test's temporary folder. */
    Path file(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    /** Imports the file, recording its run for removal after the test. */
    ImportReport importFile(String kind, Path file, ImportOptions options) {
        ImportReport report = importer.importFile(kind, file, options);
        runs.add(report.runId());
        return report;
    }

    /** Imports the file without mappings, of every row or ({@code goodRowsOnly}) of the good rows only. */
    ImportReport importFile(String kind, Path file, boolean goodRowsOnly) {
        return importFile(kind, file, new ImportOptions(goodRowsOnly, List.of()));
    }

    /** The fixture nodes with their properties and relationships, in a stable order. */
    List<Map<String, Object>> snapshot() {
        return TestGraph.run(SNAPSHOT, Map.of("prefixes", fixturePrefixes)).stream().map(r -> r.asMap()).toList();
    }

    static List<Map<String, Object>> rows(String cypher) {
        return TestGraph.run(cypher).stream().map(r -> r.asMap()).toList();
    }

    /** After a rejected import: the fixtures are as {@code before} and the run left no {@code ImportRun}. */
    void assertNothingChanged(ImportReport rejected, List<Map<String, Object>> before) {
        assertThat(snapshot()).isEqualTo(before);
        assertThat(TestGraph.run("MATCH (r:ImportRun {id: $id}) RETURN r", Map.of("id", rejected.runId()))).isEmpty();
    }

    /**
     * Imports the file, then the same file again (ALREADY_IMPORTED, the same run, nothing changes),
     * then again without its run's record, as after a run lost (the rows MERGE on their natural
     * keys: still nothing changes).
     */
    void assertTheSameFileChangesNothing(String kind, Path file) {
        ImportReport first = importFile(kind, file, false);
        assertThat(first.outcome()).isEqualTo(Outcome.IMPORTED);
        List<Map<String, Object>> after = snapshot();

        ImportReport again = importFile(kind, file, false);
        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_IMPORTED);
        assertThat(again.runId()).isEqualTo(first.runId());
        assertThat(snapshot()).isEqualTo(after);

        TestGraph.run("MATCH (r:ImportRun {id: $id}) DETACH DELETE r", Map.of("id", first.runId()));
        assertThat(importFile(kind, file, false).outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(snapshot()).isEqualTo(after);
    }

    /** Line 2 of a file with this header (a line of comma-separated names) and these cells. */
    static CsvRow row(String header, String cells) {
        List<String> names = List.of(header.strip().split(","));
        Map<String, Integer> columns = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i), i);
        }
        return new CsvRow(2, columns, List.of(cells.split(",", -1)));
    }

    /** Problems that fail the test: for rows that must parse and complete cleanly. */
    static RowProblems problems() {
        return new RowProblems() {
            @Override
            public void bad(String column, String reason) {
                throw new AssertionError(column + ": " + reason);
            }

            @Override
            public void skip(String reason) {
                throw new AssertionError(reason);
            }
        };
    }
}
