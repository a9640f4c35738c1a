package uk.gov.send.rep.hub.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import uk.gov.send.rep.hub.ingest.ImportReport.Outcome;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 6's must-shows for EES tidy data and children's observations: a good file comes back
 * through GraphQL; a file with bad rows is rejected whole with every bad row's line, column and
 * reason, and changes nothing; {@code --good-rows-only} writes the rest; the same file twice
 * changes nothing. (A kill in the middle and a rerun: {@link ImportProcessTests}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class ImportIntegrationTests extends ImportTestSupport {

    private static final String EES_HEADER = "time_period,time_identifier,geographic_level,country_code,region_code,"
        + "old_la_code,new_la_code,la_name,phase,pupils,absence_rate,unused\n";

    ImportIntegrationTests() {
        super("TST-IMP");
    }

    @BeforeEach
    void fixtures() {
        TestGraph.run("""
            CREATE (a1:LocalArea {code: 'TST-IMP-A1', dfeCode: 'TST-901', name: 'Test area 1'})
            CREATE (a2:LocalArea {code: 'TST-IMP-A2', dfeCode: 'TST-902', name: 'Test area 2'})
            CREATE (:Measure {code: 'TST-IMP-ABS', name: 'Test absence', unit: 'PERCENT', polarity: 'LOWER_IS_BETTER',
                level: 'AREA', periodType: 'ACADEMIC_YEAR', valueKind: 'MEAN'})
            CREATE (:Measure {code: 'TST-IMP-CHILD', name: 'Test child absence', unit: 'PERCENT',
                polarity: 'LOWER_IS_BETTER', level: 'CHILD', periodType: 'TERM', valueKind: 'RATE'})
            CREATE (:Child {ref: 'TST-IMP-C1'})-[:RESIDENT_IN]->(a1)
            CREATE (:Child {ref: 'TST-IMP-C2'})-[:RESIDENT_IN]->(a1)
            CREATE (:Child {ref: 'TST-IMP-C3'})-[:RESIDENT_IN]->(a2)""");
    }

    @AfterEach
    void deleteSummaries() {
        TestGraph.run("MATCH (s:ObservationSummary) WHERE s.measure STARTS WITH 'TST-IMP' DETACH DELETE s");
    }

    /** A child-observations file of these rows, under the header with every column. */
    private Path children(String... rows) throws IOException {
        return file("children.csv", "child_ref,measure,time_period,time_identifier,value,numerator,denominator,status\n"
            + String.join("\n", rows) + "\n");
    }

    private static ImportOptions ees(boolean goodRowsOnly) {
        return new ImportOptions(goodRowsOnly, List.of(MeasureMapping.of("absence_rate", "TST-IMP-ABS")));
    }

    private List<Map<String, Object>> observations(String field, String argument, String code) {
        return list("{ " + field + "(" + argument + ": \"" + code + "\") { observations(first: 50) { edges { node { "
                + "measure { code } timePeriod timeIdentifier periodStart value numerator denominator status } } } } }",
            field + ".observations.edges[*].node");
    }

    private static Map<String, Object> observation(List<Map<String, Object>> observations, String timePeriod) {
        return observations.stream().filter(o -> String.valueOf(o.get("timePeriod")).equals(timePeriod)).findFirst()
            .orElseThrow(() -> new AssertionError("no observation of " + timePeriod + " in " + observations));
    }

    @Test
    void shouldImportEesSymbolsBothCodeColumnsAndServeThemThroughGraphQl() throws IOException {
        Path file = file("ees.csv", "\uFEFF" + EES_HEADER
            + "201819,Academic year,National,E92000001,,,,,Total,100,4.5,1\n"
            + "201819,Academic year,Local authority,E92000001,E12000001,TST-901,TST-IMP-A1,Test area 1,Total,10,5.25,1\n"
            + "201819,Academic year,Local authority,E92000001,E12000001,TST-901,TST-IMP-A1,Test area 1,Primary,4,6,1\n"
            + "201920,Academic year,Local authority,E92000001,E12000001,TST-901,TST-IMP-A1,Test area 1,Total,10,c,1\n"
            + "202021,Academic year,Local authority,E92000001,E12000001,,TST-IMP-A1,Test area 1,Total,10,x,1\n"
            + "202122,Academic year,Local authority,E92000001,E12000001,TST-901,,Test area 1,Total,10,z,1\n"
            + "202223,Academic year,Local authority,E92000001,E12000001,TST-901,TST-IMP-A1,Test area 1,Total,10,low,1\n"
            + "202324,Academic year,Local authority,E92000001,E12000001,TST-902,TST-IMP-A2,Test area 2,Total,10,0,1\n");

        ImportReport report = importFile(EesKind.NAME, file, ees(false));

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.badRows()).isEmpty();
        assertThat(report.rowsRead()).isEqualTo(8);
        assertThat(report.rowsImported()).isEqualTo(6);
        assertThat(report.written()).isEqualTo(6);
        assertThat(report.skipped()).hasSize(2).containsValues(1L, 1L);
        assertThat(report.text()).contains("geographic_level 'National'").contains("a breakdown (filter columns phase");

        List<Map<String, Object>> a1 = observations("localArea", "code", "TST-IMP-A1");
        assertThat(a1).hasSize(5);
        assertThat(observation(a1, "201819")).containsEntry("timeIdentifier", "Academic year")
            .containsEntry("measure", Map.of("code", "TST-IMP-ABS")).containsEntry("value", 5.25)
            .containsEntry("status", null).containsEntry("periodStart", "2018-09-01");
        for (String[] symbol : new String[][] {{"201920", "c"}, {"202021", "x"}, {"202122", "z"}, {"202223", "low"}}) {
            assertThat(observation(a1, symbol[0])).as(symbol[1]).containsEntry("value", null).containsEntry("status", symbol[1]);
        }
        // A real zero stays a zero: only symbols have no value.
        assertThat(observation(observations("localArea", "code", "TST-IMP-A2"), "202324"))
            .containsEntry("value", 0.0).containsEntry("status", null);
    }

    private Path badEesFile() throws IOException {
        return file("bad.csv", EES_HEADER
            + "201819,Academic year,Local authority,E92000001,E12000001,TST-901,TST-IMP-A1,Test area 1,Total,10,5.25,1\n"
            + "201819,Academic year,Local authority,E92000001,E12000001,TST-999,,Nowhere,Total,10,5,1\n"
            + "201920,Academic year,Local authority,E92000001,E12000001,TST-902,TST-IMP-A1,Test area 1,Total,10,5,1\n"
            + "2019,Academic year,Local authority,E92000001,E12000001,TST-902,TST-IMP-A2,Test area 2,Total,10,5,1\n"
            + "201920,Academic year,Local authority,E92000001,E12000001,TST-902,TST-IMP-A2,Test area 2,Total,10,five,1\n"
            + "201920,Academic year,Local authority,E92000001,E12000001,TST-902,TST-IMP-A2,Test area 2,Total,10,:,1\n"
            + "201819,Academic year,Local authority,E92000001,E12000001,TST-901,TST-IMP-A1,Test area 1,Total,10,6,1\n"
            + "202021,Academic year,Local authority,E92000001,E12000001,TST-902,TST-IMP-A2,Test area 2,Total,10,7.5,1\n");
    }

    @Test
    void shouldRejectAFileWithBadRowsWholeListingEveryOneAndChangeNothing() throws IOException {
        List<Map<String, Object>> before = snapshot();

        ImportReport report = importFile(EesKind.NAME, badEesFile(), ees(false));

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.badRows()).containsExactly(
            new BadRow(3, "old_la_code", "no local area with DfE code 'TST-999'"),
            new BadRow(4, "old_la_code", "'TST-902' is TST-IMP-A2, but new_la_code is TST-IMP-A1"),
            new BadRow(5, "time_period", "time_period 2019 is not a two-year period for 'Academic year': 6 digits, "
                + "the second year following the first (e.g. 202324)"),
            new BadRow(6, "absence_rate", "'five' is neither a number nor an EES symbol (c, x, z, low, u)"),
            new BadRow(7, "absence_rate", "':' is neither a number nor an EES symbol (c, x, z, low, u)"),
            new BadRow(8, null, "the same TST-IMP-ABS|LocalArea|TST-IMP-A1|201819|Academic year as line 2"));
        assertThat(report.text()).contains("REJECTED").contains("bad row: line 3, old_la_code: no local area with DfE code 'TST-999'");
        assertNothingChanged(report, before);
    }

    @Test
    void shouldImportTheGoodRowsOnlyWhenAsked() throws IOException {
        ImportReport report = importFile(EesKind.NAME, badEesFile(), ees(true));

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.badRowCount()).isEqualTo(6);
        assertThat(report.rowsImported()).isEqualTo(2);
        assertThat(report.text()).contains("imported the good rows only").contains("bad row: line 8");
        assertThat(observations("localArea", "code", "TST-IMP-A1")).extracting(o -> o.get("value")).containsExactly(5.25);
        assertThat(observations("localArea", "code", "TST-IMP-A2")).extracting(o -> o.get("value")).containsExactly(7.5);
    }

    @Test
    void shouldChangeNothingWhenTheSameFileIsImportedAgain() throws IOException {
        Path file = children("TST-IMP-C1,TST-IMP-CHILD,202324,Autumn term,5,7,140,",
            "TST-IMP-C2,TST-IMP-CHILD,202324,Autumn term,,,,c", "TST-IMP-C3,TST-IMP-CHILD,202324,Spring term,10,12,120,");

        assertTheSameFileChangesNothing(ChildObservationKind.NAME, file);
    }

    /**
     * The race the CREATE path guards against: validation found a key new, another writer created
     * it before the batch was written. The constraint refuses the CREATE, the transaction rolls
     * back and the batch is written again by MERGE: one observation per key, the batch's values.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void shouldWriteABatchByMergeWhenAKeyFoundNewWasCreatedMeanwhile(@Autowired ChildObservationKind kind, CapturedOutput output)
            throws IOException {
        ImportReport first = importFile(ChildObservationKind.NAME,
            children("TST-IMP-C1,TST-IMP-CHILD,202324,Autumn term,5,7,140,"), ImportOptions.defaults());
        String taken = TestGraph.run("MATCH (:Child {ref: 'TST-IMP-C1'})-[:OBSERVED]->(o:Observation) RETURN o.key AS key")
            .getFirst().get("key").asString();
        Map<String, Object> race = observationRow("TST-IMP-C1", taken, 9.0);
        Map<String, Object> fresh = observationRow("TST-IMP-C2", taken.replace("TST-IMP-C1", "TST-IMP-C2"), 3.0);

        // As if validation had found both keys new (an empty set of existing keys).
        importer.write(kind, List.of(fresh, race), Set.of(),
            Map.of("id", first.runId(), "batchesDone", 1L, "linesDone", 3L, "rows", 2L));

        assertThat(output.getAll()).contains("batch 1: a key validation found new has been written since; writing the batch by MERGE");
        assertThat(rows("""
            MATCH (c:Child)-[:OBSERVED]->(o:Observation {measure: 'TST-IMP-CHILD'}) WHERE c.ref STARTS WITH 'TST-IMP-C'
            RETURN c.ref AS child, o.numerator AS numerator, COUNT { (o)<-[:OBSERVED]-() } AS subjects ORDER BY child"""))
            .containsExactly(Map.of("child", "TST-IMP-C1", "numerator", 9.0, "subjects", 1L),
                Map.of("child", "TST-IMP-C2", "numerator", 3.0, "subjects", 1L));
        assertThat(TestGraph.run("MATCH (o:Observation {key: $key}) RETURN count(o) AS n", Map.of("key", taken))
            .getFirst().get("n").asLong()).isOne();
    }

    /** A child-observations row's parameters as the kind completes them (the statement's fields). */
    private static Map<String, Object> observationRow(String child, String key, double numerator) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("subject", child);
        row.put("key", key);
        row.put("measure", "TST-IMP-CHILD");
        row.put("timePeriod", 202324L);
        row.put("timeIdentifier", "Autumn term");
        row.put("periodStart", java.time.LocalDate.of(2023, 9, 1));
        row.put("value", 100 * numerator / 140);
        row.put("numerator", numerator);
        row.put("denominator", 140.0);
        row.put("status", null);
        return row;
    }

    @Test
    void shouldImportChildrensObservationsAndRefreshTheirAreasSummaries() throws IOException {
        Path file = children("TST-IMP-C1,TST-IMP-CHILD,202324,Autumn term,5,7,140,",
            "TST-IMP-C2,TST-IMP-CHILD,202324,Autumn term,10,14,140,", "TST-IMP-C3,TST-IMP-CHILD,202324,Autumn term,low,,,");

        ImportReport report = importFile(ChildObservationKind.NAME, file, ImportOptions.defaults());

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.written()).isEqualTo(3);
        assertThat(observations("child", "ref", "TST-IMP-C1")).singleElement()
            .satisfies(o -> assertThat(o).containsEntry("timeIdentifier", "Autumn term")
                .containsEntry("value", 5.0).containsEntry("numerator", 7.0).containsEntry("denominator", 140.0)
                .containsEntry("status", null));
        assertThat(observations("child", "ref", "TST-IMP-C3")).singleElement()
            .satisfies(o -> assertThat(o).containsEntry("value", null).containsEntry("status", "low"));
        List<Map<String, Object>> summaries = rows("""
                MATCH (s:ObservationSummary {measure: 'TST-IMP-CHILD'})
                RETURN s.area AS area, s.observations AS observations, s.values AS values, s.sum AS sum,
                       s.numerator AS numerator
                ORDER BY area""");
        assertThat(summaries).hasSize(2);
        assertThat(summaries.get(0)).containsEntry("area", "TST-IMP-A1").containsEntry("observations", 2L)
            .containsEntry("values", 2L).containsEntry("sum", 15.0).containsEntry("numerator", 21.0);
        assertThat(summaries.get(1)).containsEntry("area", "TST-IMP-A2").containsEntry("observations", 1L)
            .containsEntry("values", 0L);
    }

    @Test
    void shouldReportEveryBadChildRow() throws IOException {
        Path file = children("TST-IMP-C1,TST-IMP-CHILD,202324,Autumn term,5,7,140,",
            "TST-IMP-NOBODY,TST-IMP-CHILD,202324,Autumn term,5,7,140,",
            "TST-IMP-C2,TST-IMP-NOTHING,202324,Autumn term,5,7,140,",
            "TST-IMP-C2,TST-IMP-CHILD,202324,Winter term,5,7,140,",
            "TST-IMP-C2,TST-IMP-CHILD,202324,Autumn term,5,7,,",
            "TST-IMP-C2,TST-IMP-CHILD,202324,Autumn term,5,,,c",
            "TST-IMP-C3,TST-IMP-CHILD,202324,Autumn term,,,,",
            "TST-IMP-C1,TST-IMP-CHILD,202324,Autumn term,6,8,140,");
        List<Map<String, Object>> before = snapshot();

        ImportReport report = importFile(ChildObservationKind.NAME, file, ImportOptions.defaults());

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.badRows()).extracting(BadRow::line, BadRow::column).containsExactly(
            tuple(3L, "child_ref"), tuple(4L, "measure"),
            tuple(5L, "time_identifier"), tuple(6L, "denominator"),
            tuple(7L, "value"), tuple(8L, "value"),
            tuple(9L, null));
        assertThat(report.badRows().get(0).reason()).isEqualTo("no child 'TST-IMP-NOBODY'");
        assertThat(report.badRows().get(1).reason()).isEqualTo("no measure 'TST-IMP-NOTHING'");
        assertThat(snapshot()).isEqualTo(before);

        // Good rows only: line 2 is the one good row (line 9 repeats its key and is bad).
        ImportReport good = importFile(ChildObservationKind.NAME, file, new ImportOptions(true, List.of()));
        assertThat(good.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(good.rowsImported()).isEqualTo(1);
        assertThat(good.badRows()).hasSize(7);
        assertThat(rows("""
            MATCH (c:Child)-[:OBSERVED]->(o:Observation {measure: 'TST-IMP-CHILD'}) WHERE c.ref STARTS WITH 'TST-IMP-C'
            RETURN c.ref AS child, o.timeIdentifier AS term, o.numerator AS numerator, o.denominator AS denominator"""))
            .containsExactly(Map.of("child", "TST-IMP-C1", "term", "Autumn term", "numerator", 7.0, "denominator", 140.0));
    }

    @Test
    void shouldDeclareAMeasureFromAMappingFileAndRefuseAnUnknownOne() throws IOException {
        Path mapping = file("mapping.csv", "column,measure,name,unit,polarity,valueKind,level,periodType\n"
            + "pupils,TST-IMP-PUPILS,Test pupils,COUNT,NEUTRAL,MEAN,AREA,ACADEMIC_YEAR\n");
        Path file = file("ees.csv", EES_HEADER
            + "201819,Academic year,Local authority,E92000001,E12000001,TST-901,TST-IMP-A1,Test area 1,Total,10,5.25,1\n");

        assertThatThrownBy(() -> importer.importFile(EesKind.NAME, file,
                new ImportOptions(false, List.of(MeasureMapping.of("pupils", "TST-IMP-NEW")))))
            .isInstanceOf(ImportException.class).hasMessageContaining("no measure TST-IMP-NEW in the catalogue");
        assertThatThrownBy(() -> importer.importFile(EesKind.NAME, file,
                new ImportOptions(false, List.of(MeasureMapping.of("pupilz", "TST-IMP-ABS")))))
            .isInstanceOf(ImportException.class).hasMessageContaining("line 1: no column pupilz");

        ImportReport report = importFile(EesKind.NAME, file, new ImportOptions(false, MappingFile.read(mapping)));

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(TestGraph.run("MATCH (m:Measure {code: 'TST-IMP-PUPILS'}) RETURN m.name AS name, m.unit AS unit, m.valueKind AS kind")
            .getFirst().asMap()).containsEntry("name", "Test pupils").containsEntry("unit", "COUNT").containsEntry("kind", "MEAN");
        assertThat(observations("localArea", "code", "TST-IMP-A1")).extracting(o -> o.get("value")).containsExactly(10.0);
    }
}
