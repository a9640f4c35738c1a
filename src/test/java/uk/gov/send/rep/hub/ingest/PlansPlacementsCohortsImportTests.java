package uk.gov.send.rep.hub.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;

import uk.gov.send.rep.hub.ingest.ImportReport.Outcome;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 6's must-shows for the kinds {@code plans}, {@code placements} and {@code cohorts}: a good
 * file is in the graph (by hand-written Cypher) and comes back through GraphQL (as NATIONAL); a
 * file with bad rows is rejected whole with every bad row's line, column and reason and changes
 * nothing; {@code --good-rows-only} writes exactly the good rows; the same file twice changes
 * nothing (nor does re-applying it without its run); a corrected file updates in place. Fixture
 * codes start {@code TST-KB-}; the areas' codes are used by no other test class (the hub caches
 * an area's lookup across test classes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class PlansPlacementsCohortsImportTests extends ImportTestSupport {

    private static final String DATE = "(expected yyyy-MM-dd, e.g. 2024-09-01)";

    private static final String PLANS_HEADER = "child_ref,plan_ref,la_code,request_date,decision,decision_date,issue_date,"
        + "exceptions_apply,template,digital,cease_date,cease_reason,review_date,assessment_outcome\n";

    private static final String PLACEMENTS_HEADER = "child_ref,urn,setting_ref,start_date,end_date\n";

    private static final String COHORTS_HEADER = "pilot_code,child_ref,arm,enrolled,left\n";

    PlansPlacementsCohortsImportTests() {
        super("TST-KB");
    }

    @BeforeEach
    void fixtures() {
        TestGraph.run("""
            CREATE (a1:LocalArea {code: 'TST-KB-A1', dfeCode: 'TST-KB-911', name: 'Test KB area 1'})
            CREATE (a2:LocalArea {code: 'TST-KB-A2', dfeCode: 'TST-KB-912', name: 'Test KB area 2'})
            CREATE (a3:LocalArea {code: 'TST-KB-A3', dfeCode: 'TST-KB-913', name: 'Test KB area 3'})
            CREATE (:Child {ref: 'TST-KB-C1', birthYear: 2015, sex: 'F', senProvision: 'E', primaryNeed: 'ASD'})-[:RESIDENT_IN]->(a1)
            CREATE (:Child {ref: 'TST-KB-C2', birthYear: 2014, sex: 'M', senProvision: 'K', primaryNeed: 'SLCN'})-[:RESIDENT_IN]->(a1)
            CREATE (:Child {ref: 'TST-KB-C3', birthYear: 2013, sex: 'F', senProvision: 'E', primaryNeed: 'SEMH'})-[:RESIDENT_IN]->(a2)
            CREATE (:Child {ref: 'TST-KB-C4', birthYear: 2012, sex: 'M', senProvision: 'K', primaryNeed: 'MLD'})-[:RESIDENT_IN]->(a3)
            CREATE (:Child {ref: 'TST-KB-C5', birthYear: 2012, sex: 'M', senProvision: 'N'})
            CREATE (:Setting {ref: 'TST-KB-S1', urn: 'TST-KB-U1', name: 'Test KB primary', kind: 'MAINSTREAM',
                phase: 'PRIMARY', resourcedProvision: false})-[:IN_AREA]->(a1)
            CREATE (:Setting {ref: 'TST-KB-S2', urn: 'TST-KB-U2', name: 'Test KB special', kind: 'SPECIAL',
                phase: 'ALL_THROUGH', resourcedProvision: false})-[:IN_AREA]->(a2)
            CREATE (p:Pilot {code: 'TST-KB-PIL', name: 'Test KB pilot', start: date('2024-01-01'), end: date('2025-08-31'),
                status: 'ACTIVE'})
            CREATE (p)-[:IN_AREA {arm: 'INTERVENTION'}]->(a1)
            CREATE (p)-[:IN_AREA {arm: 'COMPARISON'}]->(a2)""");
    }

    // ---- plans ----

    private Path goodPlans() throws IOException {
        return file("plans.csv", PLANS_HEADER + """
            TST-KB-C1,TST-KB-P1,TST-KB-911,2024-01-08,ASSESS,2024-02-05,2024-05-20,N,STANDARDISED,Y,,,2025-05-01,
            TST-KB-C2,TST-KB-P2,TST-KB-911,2024-03-01,not_assess,2024-04-01,,,LOCAL,,,,,
            TST-KB-C3,TST-KB-P3,TST-KB-912,2023-01-02,ASSESS,2023-02-01,2023-07-03,Y,LOCAL,false,2024-07-31,NEEDS_MET,2024-01-15,PLAN
            TST-KB-C3,TST-KB-P4,TST-KB-912,2025-06-02,,,,,STANDARDISED,,,,,
            TST-KB-C4,TST-KB-P5,TST-KB-911,2025-01-06,ASSESS,2025-02-03,,,LOCAL,1,,,,
            TST-KB-C1,TST-KB-P6,TST-KB-911,2022-01-10,ASSESS,2022-02-07,,,LOCAL,,,,,NO_PLAN
            """);
    }

    private static final String PLANS = """
        MATCH (p:Plan) WHERE p.ref STARTS WITH 'TST-KB'
        RETURN p.ref AS ref, [(c:Child)-[:HAS_PLAN]->(p) | c.ref] AS children,
          [(p)-[:MAINTAINED_BY]->(a:LocalArea) | a.code] AS areas, p.kind AS kind, p.requested AS requested,
          p.decision AS decision, p.decided AS decided, p.issued AS issued, p.weeksToIssue AS weeksToIssue,
          p.exceptionsApply AS exceptionsApply, p.template AS template, p.digital AS digital, p.status AS status,
          p.ceased AS ceased, p.ceaseReason AS ceaseReason, p.reviewed AS reviewed
        ORDER BY ref""";

    @Test
    void shouldImportPlansWithTheirStatusAndWeeksToIssueAndServeThemThroughGraphQl() throws IOException {
        ImportReport report = importFile(PlanKind.NAME, goodPlans(), false);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.badRows()).isEmpty();
        assertThat(report.rowsImported()).isEqualTo(6);
        List<Map<String, Object>> plans = rows(PLANS);
        assertThat(plans).extracting(p -> p.get("ref"), p -> p.get("children"), p -> p.get("areas"), p -> p.get("status"),
                p -> p.get("weeksToIssue"))
            .containsExactly(
                tuple("TST-KB-P1", List.of("TST-KB-C1"), List.of("TST-KB-A1"), "ISSUED", 19.0),
                tuple("TST-KB-P2", List.of("TST-KB-C2"), List.of("TST-KB-A1"), "NOT_ISSUED", null),
                tuple("TST-KB-P3", List.of("TST-KB-C3"), List.of("TST-KB-A2"), "CEASED", 26.0),
                tuple("TST-KB-P4", List.of("TST-KB-C3"), List.of("TST-KB-A2"), "REQUESTED", null),
                tuple("TST-KB-P5", List.of("TST-KB-C4"), List.of("TST-KB-A1"), "ASSESSING", null),
                tuple("TST-KB-P6", List.of("TST-KB-C1"), List.of("TST-KB-A1"), "NOT_ISSUED", null));
        assertThat(plans.get(0)).containsEntry("kind", "EHC_PLAN").containsEntry("requested", LocalDate.of(2024, 1, 8))
            .containsEntry("decision", "ASSESS").containsEntry("decided", LocalDate.of(2024, 2, 5))
            .containsEntry("issued", LocalDate.of(2024, 5, 20)).containsEntry("exceptionsApply", false)
            .containsEntry("template", "STANDARDISED").containsEntry("digital", true).containsEntry("ceased", null)
            .containsEntry("reviewed", LocalDate.of(2025, 5, 1));
        assertThat(plans.get(1)).containsEntry("decision", "NOT_ASSESS").containsEntry("digital", false)
            .containsEntry("exceptionsApply", false).containsEntry("reviewed", null);
        assertThat(plans.get(2)).containsEntry("exceptionsApply", true).containsEntry("ceased", LocalDate.of(2024, 7, 31))
            .containsEntry("ceaseReason", "NEEDS_MET").containsEntry("reviewed", LocalDate.of(2024, 1, 15));
        assertThat(plans.get(3)).containsEntry("decision", null).containsEntry("decided", null);

        List<Map<String, Object>> served = list("""
            { child(ref: "TST-KB-C1") { plans { ref status requested decided issued weeksToIssue issuedWithin20Weeks
                exceptionsApply template digital reviewed ceased ceaseReason maintainedBy { code } child { ref } } } }""",
            "child.plans");
        assertThat(served).hasSize(2);
        Map<String, Object> p1 = served.stream().filter(p -> p.get("ref").equals("TST-KB-P1")).findFirst().orElseThrow();
        assertThat(p1).containsEntry("status", "ISSUED").containsEntry("requested", "2024-01-08")
            .containsEntry("decided", "2024-02-05").containsEntry("issued", "2024-05-20").containsEntry("weeksToIssue", 19.0)
            .containsEntry("issuedWithin20Weeks", true).containsEntry("exceptionsApply", false)
            .containsEntry("template", "STANDARDISED").containsEntry("digital", true).containsEntry("reviewed", "2025-05-01")
            .containsEntry("ceased", null).containsEntry("maintainedBy", Map.of("code", "TST-KB-A1"))
            .containsEntry("child", Map.of("ref", "TST-KB-C1"));
        // The new field filters and sorts like every other date.
        assertThat(list("""
            { plans(first: 10, where: {ref: {startsWith: "TST-KB"}, reviewed: {isNull: false}},
                orderBy: [{field: reviewed}]) { edges { node { ref status reviewed ceased } } } }""",
            "plans.edges[*].node")).extracting(p -> p.get("ref"), p -> p.get("status"), p -> p.get("reviewed"),
                p -> p.get("ceased"))
            .containsExactly(tuple("TST-KB-P3", "CEASED", "2024-01-15", "2024-07-31"),
                tuple("TST-KB-P1", "ISSUED", "2025-05-01", null));
    }

    private Path badPlans() throws IOException {
        return file("bad-plans.csv", PLANS_HEADER + """
            TST-KB-C1,TST-KB-P1,TST-KB-911,2024-01-08,ASSESS,2024-02-05,2024-05-20,N,STANDARDISED,Y,,,2025-05-01,
            TST-KB-NOBODY,TST-KB-P7,TST-KB-911,2024-01-08,,,,,LOCAL,,,,,
            TST-KB-C2,TST-KB-P8,TST-KB-999,2024-01-08,,,,,LOCAL,,,,,
            TST-KB-C2,TST-KB-P9,TST-KB-911,08/01/2024,,,,,LOCAL,,,,,
            TST-KB-C2,TST-KB-P10,TST-KB-911,2024-01-08,ASSESS,2023-12-01,,,LOCAL,,,,,
            TST-KB-C2,TST-KB-P11,TST-KB-911,2024-01-08,,2024-02-05,,,LOCAL,,,,,
            TST-KB-C2,TST-KB-P12,TST-KB-911,2024-01-08,NOT_ASSESS,2024-02-05,2024-05-20,,LOCAL,,,,,
            TST-KB-C2,TST-KB-P13,TST-KB-911,2024-01-08,ASSESS,2024-02-05,2024-05-20,,LOCAL,,,,2024-05-01,
            TST-KB-C2,TST-KB-P14,TST-KB-911,2024-01-08,ASSESS,2024-02-05,,,LOCAL,,,,2024-06-01,
            TST-KB-C2,TST-KB-P15,TST-KB-911,2024-01-08,ASSESS,2024-02-05,2024-05-20,,LOCAL,,,NEEDS_MET,,
            TST-KB-C2,TST-KB-P16,TST-KB-911,2024-01-08,ASSESS,2024-02-05,2024-05-20,,LOCAL,,2025-01-01,BORED,,
            TST-KB-C3,TST-KB-P1,TST-KB-912,2024-01-08,,,,,LOCAL,,,,,
            TST-KB-C2,TST-KB-P17,TST-KB-911,2024-01-08,,,,,NATIONAL,,,,,
            TST-KB-C2,TST-KB-P18,TST-KB-911,2024-01-08,ASSESS,2024-02-05,2024-02-01,,LOCAL,,,,,
            TST-KB-C2,TST-KB-P2,TST-KB-911,2024-03-01,NOT_ASSESS,2024-04-01,,,LOCAL,,,,,
            """);
    }

    @Test
    void shouldRejectAPlansFileWithBadRowsWholeListingEveryOneAndChangeNothing() throws IOException {
        List<Map<String, Object>> before = snapshot();

        ImportReport report = importFile(PlanKind.NAME, badPlans(), false);

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        String order = ": the dates run request ≤ decision ≤ issue ≤ cease";
        assertThat(report.badRows()).containsExactly(
            new BadRow(3, "child_ref", "no child 'TST-KB-NOBODY'"),
            new BadRow(4, "la_code", "no local area with DfE code 'TST-KB-999'"),
            new BadRow(5, "request_date", "'08/01/2024' is not a date " + DATE),
            new BadRow(6, "decision_date", "'2023-12-01' is before the request_date (2024-01-08)" + order),
            new BadRow(7, "decision_date", "'2024-02-05' but no decision: a decision date needs a decision "
                + "(ASSESS, NOT_ASSESS, WITHDRAWN)"),
            new BadRow(8, "issue_date", "'2024-05-20' but the decision is NOT_ASSESS: only a request decided ASSESS leads to a plan"),
            new BadRow(9, "review_date", "'2024-05-01' is before the issue_date (2024-05-20)"),
            new BadRow(10, "review_date", "'2024-06-01' but no issue_date: only an issued plan is reviewed"),
            new BadRow(11, "cease_reason", "'NEEDS_MET' but no cease_date"),
            new BadRow(12, "cease_reason", "'BORED' is not one of MAX_AGE, NEEDS_MET, HIGHER_EDUCATION, EMPLOYMENT, "
                + "MOVED_OUT, NO_ENGAGEMENT, LEFT_ENGLAND, DECEASED, OTHER"),
            new BadRow(13, null, "the same plan TST-KB-P1 as line 2"),
            new BadRow(14, "template", "'NATIONAL' is not one of STANDARDISED, LOCAL"),
            new BadRow(15, "issue_date", "'2024-02-01' is before the decision_date (2024-02-05)" + order));
        assertThat(report.text()).contains("REJECTED").contains("bad row: line 3, child_ref: no child 'TST-KB-NOBODY'");
        assertNothingChanged(report, before);
    }

    @Test
    void shouldImportTheGoodPlanRowsOnlyWhenAsked() throws IOException {
        ImportReport report = importFile(PlanKind.NAME, badPlans(), true);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.badRowCount()).isEqualTo(13);
        assertThat(report.rowsImported()).isEqualTo(2);
        assertThat(rows(PLANS)).extracting(p -> p.get("ref"), p -> p.get("children"), p -> p.get("status"))
            .containsExactly(tuple("TST-KB-P1", List.of("TST-KB-C1"), "ISSUED"),
                tuple("TST-KB-P2", List.of("TST-KB-C2"), "NOT_ISSUED"));
    }

    @Test
    void shouldChangeNothingWithTheSamePlansFileAndUpdateInPlaceFromACorrectedOne() throws IOException {
        assertTheSameFileChangesNothing(PlanKind.NAME, goodPlans());

        // Corrected: P1 reviewed again and now maintained by area 2; P4 is C2's, decided; P6 dropped from the file.
        Path corrected = file("plans-corrected.csv", PLANS_HEADER + """
            TST-KB-C1,TST-KB-P1,TST-KB-912,2024-01-08,ASSESS,2024-02-05,2024-05-20,N,STANDARDISED,Y,,,2025-06-30,
            TST-KB-C2,TST-KB-P2,TST-KB-911,2024-03-01,NOT_ASSESS,2024-04-01,,,LOCAL,,,,,
            TST-KB-C3,TST-KB-P3,TST-KB-912,2023-01-02,ASSESS,2023-02-01,2023-07-03,Y,LOCAL,false,2024-07-31,NEEDS_MET,2024-01-15,
            TST-KB-C2,TST-KB-P4,TST-KB-912,2025-06-02,WITHDRAWN,2025-06-20,,,STANDARDISED,,,,,
            TST-KB-C4,TST-KB-P5,TST-KB-911,2025-01-06,ASSESS,2025-02-03,2025-05-05,,LOCAL,1,,,,
            """);
        assertThat(importFile(PlanKind.NAME, corrected, false).outcome()).isEqualTo(Outcome.IMPORTED);

        List<Map<String, Object>> plans = rows(PLANS);
        assertThat(plans).extracting(p -> p.get("ref"), p -> p.get("children"), p -> p.get("areas"), p -> p.get("status"),
                p -> p.get("reviewed"))
            .containsExactly(
                tuple("TST-KB-P1", List.of("TST-KB-C1"), List.of("TST-KB-A2"), "ISSUED", LocalDate.of(2025, 6, 30)),
                tuple("TST-KB-P2", List.of("TST-KB-C2"), List.of("TST-KB-A1"), "NOT_ISSUED", null),
                tuple("TST-KB-P3", List.of("TST-KB-C3"), List.of("TST-KB-A2"), "CEASED", LocalDate.of(2024, 1, 15)),
                tuple("TST-KB-P4", List.of("TST-KB-C2"), List.of("TST-KB-A2"), "NOT_ISSUED", null),
                tuple("TST-KB-P5", List.of("TST-KB-C4"), List.of("TST-KB-A1"), "ISSUED", null),
                tuple("TST-KB-P6", List.of("TST-KB-C1"), List.of("TST-KB-A1"), "NOT_ISSUED", null));
        assertThat(plans.get(4)).containsEntry("weeksToIssue", 17.0);
        assertThat(rows("""
            MATCH (p:Plan)-[r]-() WHERE p.ref STARTS WITH 'TST-KB'
            RETURN p.ref AS ref, type(r) AS type, count(r) AS links ORDER BY ref, type"""))
            .allSatisfy(links -> assertThat(links).containsEntry("links", 1L)).hasSize(12);
    }

    // ---- placements ----

    private Path goodPlacements() throws IOException {
        return file("placements.csv", PLACEMENTS_HEADER + """
            TST-KB-C1,TST-KB-U1,,2023-09-01,2024-07-19
            TST-KB-C1,,TST-KB-S2,2024-09-02,
            TST-KB-C2,TST-KB-U1,TST-KB-S1,2024-09-02,
            TST-KB-C1,TST-KB-U1,,2025-01-06,
            """);
    }

    private static final String PLACEMENTS = """
        MATCH (c:Child)-[p:PLACED_AT]->(s:Setting) WHERE c.ref STARTS WITH 'TST-KB'
        RETURN c.ref AS child, s.ref AS setting, p.from AS from, p.to AS to
        ORDER BY child, setting, from""";

    @Test
    void shouldImportPlacementsBySettingUrnOrRefAndServeThemThroughGraphQl() throws IOException {
        ImportReport report = importFile(PlacementKind.NAME, goodPlacements(), false);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.rowsImported()).isEqualTo(4);
        assertThat(rows(PLACEMENTS)).extracting(p -> p.get("child"), p -> p.get("setting"), p -> p.get("from"), p -> p.get("to"))
            .containsExactly(
                tuple("TST-KB-C1", "TST-KB-S1", LocalDate.of(2023, 9, 1), LocalDate.of(2024, 7, 19)),
                tuple("TST-KB-C1", "TST-KB-S1", LocalDate.of(2025, 1, 6), null),
                tuple("TST-KB-C1", "TST-KB-S2", LocalDate.of(2024, 9, 2), null),
                tuple("TST-KB-C2", "TST-KB-S1", LocalDate.of(2024, 9, 2), null));

        List<Map<String, Object>> served = list("""
            { child(ref: "TST-KB-C1") { placements(first: 10) { edges { from to node { ref name } } } } }""",
            "child.placements.edges");
        assertThat(served).extracting(e -> ((Map<?, ?>) e.get("node")).get("ref"), e -> e.get("from"), e -> e.get("to"))
            .containsExactlyInAnyOrder(tuple("TST-KB-S1", "2023-09-01", "2024-07-19"), tuple("TST-KB-S1", "2025-01-06", null),
                tuple("TST-KB-S2", "2024-09-02", null));
    }

    private Path badPlacements() throws IOException {
        return file("bad-placements.csv", PLACEMENTS_HEADER + """
            TST-KB-C3,TST-KB-U2,,2024-09-02,
            TST-KB-NOBODY,TST-KB-U1,,2024-09-02,
            TST-KB-C3,TST-KB-U9,,2024-09-02,
            TST-KB-C3,,TST-KB-S9,2024-09-02,
            TST-KB-C3,TST-KB-U1,TST-KB-S2,2024-09-02,
            TST-KB-C3,TST-KB-U1,,2024-09-02,2024-01-01
            TST-KB-C3,TST-KB-U1,,,
            TST-KB-C3,,,2024-09-02,
            TST-KB-C3,,TST-KB-S2,2024-09-02,2025-01-01
            TST-KB-C3,TST-KB-U1,,2024-02-30,
            TST-KB-C2,,TST-KB-S1,2024-09-02,2025-07-18
            """);
    }

    @Test
    void shouldRejectAPlacementsFileWithBadRowsWholeListingEveryOneAndChangeNothing() throws IOException {
        List<Map<String, Object>> before = snapshot();

        ImportReport report = importFile(PlacementKind.NAME, badPlacements(), false);

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.badRows()).containsExactly(
            new BadRow(3, "child_ref", "no child 'TST-KB-NOBODY'"),
            new BadRow(4, "urn", "no setting with URN 'TST-KB-U9'"),
            new BadRow(5, "setting_ref", "no setting 'TST-KB-S9'"),
            new BadRow(6, "setting_ref", "'TST-KB-S2', but urn TST-KB-U1 is setting TST-KB-S1"),
            new BadRow(7, "end_date", "The end (2024-01-01) cannot be before the start (2024-09-02)"),
            new BadRow(8, "start_date", "empty (expected a date, yyyy-MM-dd, e.g. 2024-09-01)"),
            new BadRow(9, "urn", "empty: a placement needs its setting's URN or ref"),
            new BadRow(10, null, "the same placement TST-KB-C3|TST-KB-S2|2024-09-02 as line 2"),
            new BadRow(11, "start_date", "'2024-02-30' is not a date " + DATE));
        assertNothingChanged(report, before);
    }

    @Test
    void shouldImportTheGoodPlacementRowsOnlyWhenAsked() throws IOException {
        ImportReport report = importFile(PlacementKind.NAME, badPlacements(), true);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.badRowCount()).isEqualTo(9);
        assertThat(report.rowsImported()).isEqualTo(2);
        assertThat(rows(PLACEMENTS)).extracting(p -> p.get("child"), p -> p.get("setting"), p -> p.get("from"), p -> p.get("to"))
            .containsExactly(tuple("TST-KB-C2", "TST-KB-S1", LocalDate.of(2024, 9, 2), LocalDate.of(2025, 7, 18)),
                tuple("TST-KB-C3", "TST-KB-S2", LocalDate.of(2024, 9, 2), null));
    }

    @Test
    void shouldChangeNothingWithTheSamePlacementsFileAndUpdateInPlaceFromACorrectedOne() throws IOException {
        assertTheSameFileChangesNothing(PlacementKind.NAME, goodPlacements());

        // Corrected: C1's placement at S2 ended; C2's at S1 named by its URN now; a new one for C3.
        Path corrected = file("placements-corrected.csv", PLACEMENTS_HEADER + """
            TST-KB-C1,TST-KB-U1,,2023-09-01,2024-07-19
            TST-KB-C1,,TST-KB-S2,2024-09-02,2024-12-20
            TST-KB-C2,TST-KB-U1,,2024-09-02,
            TST-KB-C1,TST-KB-U1,,2025-01-06,
            TST-KB-C3,TST-KB-U2,,2024-09-02,
            """);
        assertThat(importFile(PlacementKind.NAME, corrected, false).outcome()).isEqualTo(Outcome.IMPORTED);

        assertThat(rows(PLACEMENTS)).extracting(p -> p.get("child"), p -> p.get("setting"), p -> p.get("from"), p -> p.get("to"))
            .containsExactly(
                tuple("TST-KB-C1", "TST-KB-S1", LocalDate.of(2023, 9, 1), LocalDate.of(2024, 7, 19)),
                tuple("TST-KB-C1", "TST-KB-S1", LocalDate.of(2025, 1, 6), null),
                tuple("TST-KB-C1", "TST-KB-S2", LocalDate.of(2024, 9, 2), LocalDate.of(2024, 12, 20)),
                tuple("TST-KB-C2", "TST-KB-S1", LocalDate.of(2024, 9, 2), null),
                tuple("TST-KB-C3", "TST-KB-S2", LocalDate.of(2024, 9, 2), null));
    }

    // ---- cohorts ----

    private Path goodCohorts() throws IOException {
        return file("cohorts.csv", COHORTS_HEADER + """
            TST-KB-PIL,TST-KB-C1,INTERVENTION,2024-09-02,
            TST-KB-PIL,TST-KB-C2,intervention,2024-09-02,2025-03-31
            TST-KB-PIL,TST-KB-C3,COMPARISON,2024-10-01,
            """);
    }

    private static final String COHORT = """
        MATCH (c:Child)-[r:IN_COHORT]->(p:Pilot {code: 'TST-KB-PIL'})
        RETURN c.ref AS child, r.arm AS arm, r.enrolled AS enrolled, r.left AS left
        ORDER BY child""";

    @Test
    void shouldImportACohortListAndServeItThroughGraphQl() throws IOException {
        ImportReport report = importFile(CohortKind.NAME, goodCohorts(), false);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.rowsImported()).isEqualTo(3);
        assertThat(rows(COHORT)).extracting(c -> c.get("child"), c -> c.get("arm"), c -> c.get("enrolled"), c -> c.get("left"))
            .containsExactly(
                tuple("TST-KB-C1", "INTERVENTION", LocalDate.of(2024, 9, 2), null),
                tuple("TST-KB-C2", "INTERVENTION", LocalDate.of(2024, 9, 2), LocalDate.of(2025, 3, 31)),
                tuple("TST-KB-C3", "COMPARISON", LocalDate.of(2024, 10, 1), null));

        assertThat(list("""
            { pilot(code: "TST-KB-PIL") { cohort(first: 10) { edges { arm enrolled left node { ref } } } } }""",
            "pilot.cohort.edges")).extracting(e -> ((Map<?, ?>) e.get("node")).get("ref"), e -> e.get("arm"),
                e -> e.get("enrolled"), e -> e.get("left"))
            .containsExactly(tuple("TST-KB-C1", "INTERVENTION", "2024-09-02", null),
                tuple("TST-KB-C2", "INTERVENTION", "2024-09-02", "2025-03-31"),
                tuple("TST-KB-C3", "COMPARISON", "2024-10-01", null));
        assertThat(list("""
            { child(ref: "TST-KB-C2") { cohorts { pilot { code } arm enrolled left } } }""", "child.cohorts"))
            .containsExactly(Map.of("pilot", Map.of("code", "TST-KB-PIL"), "arm", "INTERVENTION", "enrolled", "2024-09-02",
                "left", "2025-03-31"));
    }

    private Path badCohorts() throws IOException {
        return file("bad-cohorts.csv", COHORTS_HEADER + """
            TST-KB-PIL,TST-KB-C1,INTERVENTION,2024-09-02,
            TST-KB-NOPE,TST-KB-C2,INTERVENTION,2024-09-02,
            TST-KB-PIL,TST-KB-NOBODY,INTERVENTION,2024-09-02,
            TST-KB-PIL,TST-KB-C3,INTERVENTION,2024-09-02,
            TST-KB-PIL,TST-KB-C4,COMPARISON,2024-09-02,
            TST-KB-PIL,TST-KB-C2,INTERVENTION,2023-06-01,
            TST-KB-PIL,TST-KB-C2,INTERVENTION,2024-09-02,2024-09-01
            TST-KB-PIL,TST-KB-C2,CONTROL,2024-09-02,
            TST-KB-PIL,TST-KB-C1,INTERVENTION,2024-10-01,
            TST-KB-PIL,TST-KB-C3,COMPARISON,2024-10-01,
            TST-KB-PIL,TST-KB-C5,COMPARISON,2024-10-01,
            """);
    }

    @Test
    void shouldRejectACohortFileWithBadRowsWholeListingEveryOneAndChangeNothing() throws IOException {
        List<Map<String, Object>> before = snapshot();

        ImportReport report = importFile(CohortKind.NAME, badCohorts(), false);

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.badRows()).containsExactly(
            new BadRow(3, "pilot_code", "no pilot 'TST-KB-NOPE'"),
            new BadRow(4, "child_ref", "no child 'TST-KB-NOBODY'"),
            new BadRow(5, "arm", "The child lives in TST-KB-A2, a COMPARISON area of the pilot, not INTERVENTION"),
            new BadRow(6, "arm", "The child lives in TST-KB-A3, which is not an area of pilot 'TST-KB-PIL'"),
            new BadRow(7, "enrolled", "Enrolment (2023-06-01) must be within the pilot's dates, 2024-01-01 to 2025-08-31"),
            new BadRow(8, "left", "Leaving (2024-09-01) cannot be before enrolment (2024-09-02)"),
            new BadRow(9, "arm", "'CONTROL' is not one of INTERVENTION, COMPARISON"),
            new BadRow(10, null, "the same enrolment TST-KB-PIL|TST-KB-C1 as line 2"),
            new BadRow(12, "arm", "The child lives in no local area, so in no area of pilot 'TST-KB-PIL'"));
        assertNothingChanged(report, before);
    }

    @Test
    void shouldImportTheGoodCohortRowsOnlyWhenAsked() throws IOException {
        ImportReport report = importFile(CohortKind.NAME, badCohorts(), true);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.badRowCount()).isEqualTo(9);
        assertThat(report.rowsImported()).isEqualTo(2);
        assertThat(rows(COHORT)).extracting(c -> c.get("child"), c -> c.get("arm"), c -> c.get("enrolled"))
            .containsExactly(tuple("TST-KB-C1", "INTERVENTION", LocalDate.of(2024, 9, 2)),
                tuple("TST-KB-C3", "COMPARISON", LocalDate.of(2024, 10, 1)));
    }

    @Test
    void shouldChangeNothingWithTheSameCohortFileAndUpdateInPlaceFromACorrectedOne() throws IOException {
        assertTheSameFileChangesNothing(CohortKind.NAME, goodCohorts());

        // Corrected: C1 left; C2 back in (no leaving date); C3 enrolled a week later.
        Path corrected = file("cohorts-corrected.csv", COHORTS_HEADER + """
            TST-KB-PIL,TST-KB-C1,INTERVENTION,2024-09-02,2025-07-18
            TST-KB-PIL,TST-KB-C2,INTERVENTION,2024-09-02,
            TST-KB-PIL,TST-KB-C3,COMPARISON,2024-10-08,
            """);
        assertThat(importFile(CohortKind.NAME, corrected, false).outcome()).isEqualTo(Outcome.IMPORTED);

        assertThat(rows(COHORT)).extracting(c -> c.get("child"), c -> c.get("arm"), c -> c.get("enrolled"), c -> c.get("left"))
            .containsExactly(
                tuple("TST-KB-C1", "INTERVENTION", LocalDate.of(2024, 9, 2), LocalDate.of(2025, 7, 18)),
                tuple("TST-KB-C2", "INTERVENTION", LocalDate.of(2024, 9, 2), null),
                tuple("TST-KB-C3", "COMPARISON", LocalDate.of(2024, 10, 8), null));
    }

    // ---- the scope convention of the upload ----

    /** A row as the core would complete it, its references resolved to {@code keys} by lookup. */
    private static Map<String, Object> completed(ImportKind kind, String header, String line, Map<Lookup, String> keys) {
        KindFile file = kind.open("scope.csv", List.of(header.split(",")), ImportOptions.defaults());
        Candidate candidate = file.parse(row(header, line), problems()).getFirst();
        return file.complete(candidate, reference -> keys.get(reference.lookup()), problems());
    }

    @Test
    void shouldNameEveryAreaARowTouchesForTheUploadsScopeCheck() {
        assertThat(completed(new PlanKind(), PLANS_HEADER.strip(),
                "C1,P1,911,2024-01-08,ASSESS,2024-02-05,2024-05-20,N,LOCAL,Y,,,,",
                Map.of(ImportCypher.CHILD, "E-CHILD", ImportCypher.AREA_BY_DFE_CODE, "E-MAINTAINS")))
            .containsEntry("scopeAreas", List.of("E-MAINTAINS", "E-CHILD"));
        assertThat(completed(new PlanKind(), PLANS_HEADER.strip(), "C1,P1,911,2024-01-08,,,,,LOCAL,,,,,",
                Map.of(ImportCypher.CHILD, "E-SAME", ImportCypher.AREA_BY_DFE_CODE, "E-SAME")))
            .containsEntry("scopeAreas", List.of("E-SAME"));
        assertThat(completed(new PlacementKind(), PLACEMENTS_HEADER.strip(), "C1,100001,,2024-09-02,",
                Map.of(ImportCypher.CHILD, "E-CHILD", ImportCypher.SETTING_BY_URN, "S-ELSEWHERE")))
            .containsEntry("scopeAreas", List.of("E-CHILD")).containsEntry("setting", "S-ELSEWHERE");
        assertThat(completed(new CohortKind(), COHORTS_HEADER.strip(), "PIL,C1,COMPARISON,2024-09-02,",
                Map.of(ImportCypher.CHILD, "E-CHILD",
                    ImportCypher.PILOT_WITH_AREAS, "2024-01-01|2025-08-31|E-OTHER=INTERVENTION,E-CHILD=COMPARISON,")))
            .containsEntry("scopeAreas", List.of("E-CHILD"));
    }
}
