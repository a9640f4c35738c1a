package uk.gov.send.rep.hub.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;

import uk.gov.send.rep.hub.ingest.ImportReport.Outcome;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's must-shows for the {@code settings} (GIAS-like) and {@code children} (census-like)
 * kinds: a good file comes back by Cypher and through GraphQL; a file with bad rows is rejected
 * whole with every bad row's line, column and reason and changes nothing; {@code --good-rows-only}
 * writes exactly the good rows; the same file twice changes nothing; a changed file (a setting
 * renamed and moved, a child moved) updates and leaves exactly one {@code IN_AREA} /
 * {@code RESIDENT_IN}. Fixture areas use DfE codes 973 and 974 and ONS codes {@code TST-KA-*}, which
 * no other test uses (the hub caches a code's area across test classes); settings are URNs
 * {@code 990xxx}, children refs {@code Cfa0000xxxx}, all removed after each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class SettingsAndChildrenImportTests extends ImportTestSupport {

    private static final String GIAS_HEADER = "URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,"
        + "TypeOfEstablishment (code),TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name),"
        + "UKPRN,ap_tier,resourced_provision\n";

    private static final String CENSUS_HEADER =
        "child_ref,census_date,la_code,birth_year,sex,year_group,sen_provision,primary_need,secondary_need,urn\n";

    private static final String TYPES = "01, 02, 03, 05, 28, 34, 35, 07, 12, 33, 44, 36, 08, 10, 32, 14, 38, 42, 43, 15, "
        + "18, 31, 39, 45, 46";

    private static final String REF_FORM = "the child's opaque ref, C and 10 hex digits in lower case (e.g. C0123456789a)";

    SettingsAndChildrenImportTests() {
        super("TST-KA", "990", "Cfa0000");
    }

    @BeforeEach
    void fixtures() {
        TestGraph.run("""
            CREATE (a1:LocalArea {code: 'TST-KA-A1', dfeCode: '973', name: 'Test kinds area 1'})
            CREATE (:LocalArea {code: 'TST-KA-A2', dfeCode: '974', name: 'Test kinds area 2'})
            CREATE (:Setting {ref: '990201', urn: '990201', name: 'Test census school', kind: 'MAINSTREAM',
                giasTypeCode: '01', phase: 'PRIMARY', resourcedProvision: false})-[:IN_AREA]->(a1)""");
    }

    /** Besides the base class's: the summaries, settings and children, whose keys are not {@code TST-}. */
    @AfterEach
    void deleteSummariesSettingsAndChildren() {
        TestGraph.run("MATCH (s:ObservationSummary) WHERE s.measure STARTS WITH 'TST-KA' DETACH DELETE s");
        TestGraph.run("""
            MATCH (n) WHERE n.code STARTS WITH 'TST-KA' OR (n:Setting AND n.ref STARTS WITH '990')
              OR (n:Child AND n.ref STARTS WITH 'Cfa0000')
            DETACH DELETE n""");
    }

    // ---- settings ----

    private Path goodSettings() throws IOException {
        return file("settings.csv", "\uFEFF" + GIAS_HEADER
            + "990101,973,Test area 1,2001,Test Primary School,1,Community school,Open,Primary,10099001,,yes\n"
            + "990102,973,Test area 1,7001,\"Test Special School, Upper\",07,Community special school,Open,Not applicable,,,\n"
            + "990103,974,Test area 2,1101,Test Pupil Referral Unit,14,Pupil referral unit,Open,Secondary,,2,\n"
            + "990104,974,Test area 2,2002,Test Closed School,01,Community school,Closed,Primary,,,\n");
    }

    private List<Map<String, Object>> settingsThroughGraphQl() {
        return list("""
            { settings(first: 20, where: {ref: {startsWith: "9901"}}) { edges { node {
                ref urn ukprn laestab name kind giasTypeCode phase apTier resourcedProvision area { code } } } } }""",
            "settings.edges[*].node");
    }

    @Test
    void shouldImportSettingsFromAGiasExtractAndServeThemThroughGraphQl() throws IOException {
        ImportReport report = importFile(SettingsKind.NAME, goodSettings(), false);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.badRows()).isEmpty();
        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(report.rowsImported()).isEqualTo(3);
        assertThat(report.skipped()).containsExactly(
            Map.entry("EstablishmentStatus (name) 'Closed' (closed establishments are not imported)", 1L));

        assertThat(rows("""
                MATCH (s:Setting) WHERE s.ref STARTS WITH '9901'
                RETURN s.ref AS ref, s.urn AS urn, s.ukprn AS ukprn, s.laestab AS laestab, s.name AS name, s.kind AS kind,
                  s.giasTypeCode AS type, s.phase AS phase, s.apTier AS apTier, s.resourcedProvision AS resourced,
                  [(s)-[:IN_AREA]->(a) | a.code] AS areas
                ORDER BY ref""")).containsExactly(
            setting("990101", "10099001", "9732001", "Test Primary School", "MAINSTREAM", "01", "PRIMARY", null, true, "TST-KA-A1"),
            setting("990102", null, "9737001", "Test Special School, Upper", "SPECIAL", "07", "NOT_APPLICABLE", null, false,
                "TST-KA-A1"),
            setting("990103", null, "9741101", "Test Pupil Referral Unit", "ALTERNATIVE_PROVISION", "14", "SECONDARY", 2L,
                false, "TST-KA-A2"));

        List<Map<String, Object>> served = settingsThroughGraphQl();
        assertThat(served).hasSize(3);
        assertThat(served.get(0)).containsEntry("ref", "990101").containsEntry("urn", "990101")
            .containsEntry("ukprn", "10099001").containsEntry("laestab", "9732001").containsEntry("name", "Test Primary School")
            .containsEntry("kind", "MAINSTREAM").containsEntry("giasTypeCode", "01").containsEntry("phase", "PRIMARY")
            .containsEntry("apTier", null).containsEntry("resourcedProvision", true)
            .containsEntry("area", Map.of("code", "TST-KA-A1"));
        assertThat(served.get(2)).containsEntry("ref", "990103").containsEntry("kind", "ALTERNATIVE_PROVISION")
            .containsEntry("apTier", 2).containsEntry("area", Map.of("code", "TST-KA-A2"));
    }

    private static Map<String, Object> setting(String urn, String ukprn, String laestab, String name, String kind,
            String type, String phase, Long apTier, boolean resourced, String area) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("ref", urn);
        row.put("urn", urn);
        row.put("ukprn", ukprn);
        row.put("laestab", laestab);
        row.put("name", name);
        row.put("kind", kind);
        row.put("type", type);
        row.put("phase", phase);
        row.put("apTier", apTier);
        row.put("resourced", resourced);
        row.put("areas", List.of(area));
        return row;
    }

    private Path badSettings() throws IOException {
        return file("bad-settings.csv", GIAS_HEADER
            + "990101,973,Test area 1,2001,Test Primary School,01,Community school,Open,Primary,10099001,,\n"
            + "99010,973,Test area 1,2003,Short URN School,01,Community school,Open,Primary,,,\n"
            + "990106,975,Nowhere,2004,Unknown Area School,01,Community school,Open,Primary,,,\n"
            + "990107,973,Test area 1,2005,Unknown Type School,99,Unknown,Open,Primary,,,\n"
            + "990108,973,Test area 1,2006,Middle School,01,Community school,Open,Middle,,,\n"
            + "990109,973,Test area 1,2007,Tiered Mainstream,01,Community school,Open,Primary,,2,\n"
            + "990110,973,Test area 1,20,Bad Numbers School,01,Community school,Open,Primary,123,,\n"
            + "990111,973,Test area 1,2009,,01,Community school,Open,Primary,,,\n"
            + "990101,973,Test area 1,2001,Test Primary School Again,01,Community school,Open,Primary,,,\n"
            + "990112,973,Test area 1,7002,Resourced Special,07,Community special school,Open,Not applicable,,,maybe\n"
            + "990113,973,Test area 1,7003,Resourced Special Two,07,Community special school,Open,Not applicable,,,true\n"
            + "990105,974,Test area 2,4005,Test Secondary School,28,Academy sponsor led,Open,Secondary,,,no\n");
    }

    @Test
    void shouldRejectASettingsFileWithBadRowsWholeListingEveryOneAndChangeNothing() throws IOException {
        List<Map<String, Object>> before = snapshot();

        ImportReport report = importFile(SettingsKind.NAME, badSettings(), false);

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.badRows()).containsExactly(
            new BadRow(3, "URN", "'99010' is not a URN (6 digits)"),
            new BadRow(4, "LA (code)", "no local area with DfE code '975'"),
            new BadRow(5, "TypeOfEstablishment (code)", "'99' is not a GIAS establishment type the hub knows: " + TYPES),
            new BadRow(6, "PhaseOfEducation (name)", "'Middle' is not a phase: one of Nursery, Primary, Middle deemed primary, "
                + "Secondary, Middle deemed secondary, All-through, 16 plus, Not applicable (or the hub's NURSERY, PRIMARY, "
                + "SECONDARY, ALL_THROUGH, POST_16, NOT_APPLICABLE)"),
            new BadRow(7, "ap_tier", "'2' for a setting of type 01 (MAINSTREAM): a tier is for alternative provision only "
                + "(types 14, 38, 42, 43)"),
            new BadRow(8, "UKPRN", "'123' is not a UKPRN (8 digits, or empty)"),
            new BadRow(8, "EstablishmentNumber", "'20' is not an establishment number (4 digits, or empty)"),
            new BadRow(9, "EstablishmentName", "empty"),
            new BadRow(10, null, "the same 990101 as line 2"),
            new BadRow(11, "resourced_provision", "'maybe' is not true, false, yes, no, 1, 0 or empty"),
            new BadRow(12, "resourced_provision", "true for a setting of type 07 (SPECIAL): a resourced provision or SEN "
                + "unit is in a mainstream school only"));
        assertThat(report.text()).contains("REJECTED").contains("bad row: line 4, LA (code): no local area with DfE code '975'");
        assertNothingChanged(report, before);
    }

    @Test
    void shouldImportTheGoodSettingsOnlyWhenAsked() throws IOException {
        ImportReport report = importFile(SettingsKind.NAME, badSettings(), true);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.badRowCount()).isEqualTo(10);
        assertThat(report.rowsImported()).isEqualTo(2);
        assertThat(rows("MATCH (s:Setting)-[:IN_AREA]->(a) WHERE s.ref STARTS WITH '9901' RETURN s.ref AS ref, s.name AS name, "
                + "a.code AS area ORDER BY ref"))
            .containsExactly(Map.of("ref", "990101", "name", "Test Primary School", "area", "TST-KA-A1"),
                Map.of("ref", "990105", "name", "Test Secondary School", "area", "TST-KA-A2"));
        assertThat(settingsThroughGraphQl()).extracting(s -> s.get("ref")).containsExactly("990101", "990105");
    }

    @Test
    void shouldChangeNothingWhenTheSameSettingsFileIsImportedAgain() throws IOException {
        assertTheSameFileChangesNothing(SettingsKind.NAME, goodSettings());
    }

    @Test
    void shouldRenameAndMoveASettingLeavingExactlyOneArea() throws IOException {
        importFile(SettingsKind.NAME, goodSettings(), false);

        ImportReport report = importFile(SettingsKind.NAME, file("settings-2026.csv", GIAS_HEADER
            + "990101,974,Test area 2,2001,Test Primary Academy,34,Academy converter,Open,Primary,10099001,,no\n"
            + "990102,973,Test area 1,7001,\"Test Special School, Upper\",07,Community special school,Open,Not applicable,,,\n"),
            false);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(rows("""
                MATCH (s:Setting) WHERE s.ref IN ['990101', '990102']
                RETURN s.ref AS ref, s.name AS name, s.kind AS kind, s.giasTypeCode AS type, s.laestab AS laestab,
                  s.resourcedProvision AS resourced, [(s)-[:IN_AREA]->(a) | a.code] AS areas
                ORDER BY ref""")).containsExactly(
            Map.of("ref", "990101", "name", "Test Primary Academy", "kind", "MAINSTREAM", "type", "34", "laestab", "9742001",
                "resourced", false, "areas", List.of("TST-KA-A2")),
            Map.of("ref", "990102", "name", "Test Special School, Upper", "kind", "SPECIAL", "type", "07", "laestab", "9737001",
                "resourced", false, "areas", List.of("TST-KA-A1")));
        assertThat(settingsThroughGraphQl().getFirst()).containsEntry("name", "Test Primary Academy")
            .containsEntry("area", Map.of("code", "TST-KA-A2"));
    }

    @Test
    void shouldNameEveryAreaASettingsRowTouchesInItsScopeAreas() {
        KindFile kindFile = importer.kinds().get(SettingsKind.NAME).open("f.csv", List.of(GIAS_HEADER.strip().split(",")),
            ImportOptions.defaults());
        CsvRow row = row(GIAS_HEADER, "990101,974,Test area 2,2001,Test Primary School,01,Community school,Open,Primary,,,");

        Candidate candidate = kindFile.parse(row, problems()).getFirst();

        assertThat(kindFile.complete(candidate, r -> r.column().equals("URN") ? "TST-KA-A1" : "TST-KA-A2", problems()))
            .containsEntry("scopeAreas", List.of("TST-KA-A2", "TST-KA-A1"));
        assertThat(kindFile.complete(candidate, r -> r.column().equals("URN") ? "" : "TST-KA-A2", problems()))
            .containsEntry("scopeAreas", List.of("TST-KA-A2"));
        assertThat(kindFile.complete(candidate, r -> "TST-KA-A2", problems()))
            .containsEntry("scopeAreas", List.of("TST-KA-A2"));
    }

    // ---- children ----

    private Path census(String name, String... rows) throws IOException {
        return file(name, CENSUS_HEADER + String.join("\n", rows) + "\n");
    }

    private Path goodCensus() throws IOException {
        return census("census-2025.csv",
            "Cfa00000001,2025-01-16,973,2014,F,5,E,ASD,SLCN,990201",
            "Cfa00000002,2025-01-16,973,2016,m,3,K,NSA,,",
            "Cfa00000003,2025-01-16,974,2009,M,10,N,,,990201",
            "Cfa00000004,2025-01-16,974,2003,F,,E,DS,,");
    }

    private List<Map<String, Object>> childrenThroughGraphQl() {
        return list("""
            { children(first: 20, where: {ref: {startsWith: "Cfa0000"}}) { edges { node {
                ref birthYear sex yearGroup senProvision primaryNeed secondaryNeed area { code }
                placements(first: 5) { edges { from to node { ref } } } } } } }""", "children.edges[*].node");
    }

    @Test
    void shouldImportCensusChildrenAndServeThemThroughGraphQl() throws IOException {
        ImportReport report = importFile(ChildrenKind.NAME, goodCensus(), false);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.badRows()).isEmpty();
        assertThat(report.rowsImported()).isEqualTo(4);

        assertThat(rows("""
                MATCH (c:Child) WHERE c.ref STARTS WITH 'Cfa0000'
                RETURN c.ref AS ref, c.birthYear AS birthYear, c.sex AS sex, c.yearGroup AS yearGroup,
                  c.senProvision AS provision, c.primaryNeed AS primary, c.secondaryNeed AS secondary,
                  c.censusDate AS census, [(c)-[:RESIDENT_IN]->(a) | a.code] AS areas,
                  [(c)-[p:PLACED_AT]->(s) | s.ref + ' from ' + toString(p.from) + coalesce(' to ' + toString(p.to), '')] AS placements
                ORDER BY ref""")).containsExactly(
            child("Cfa00000001", 2014, "F", "5", "E", "ASD", "SLCN", "TST-KA-A1", "990201 from 2025-01-16"),
            child("Cfa00000002", 2016, "M", "3", "K", "NSA", null, "TST-KA-A1", null),
            child("Cfa00000003", 2009, "M", "10", "N", null, null, "TST-KA-A2", "990201 from 2025-01-16"),
            child("Cfa00000004", 2003, "F", null, "E", "DS", null, "TST-KA-A2", null));

        List<Map<String, Object>> served = childrenThroughGraphQl();
        assertThat(served).extracting(c -> c.get("ref"))
            .containsExactly("Cfa00000001", "Cfa00000002", "Cfa00000003", "Cfa00000004");
        assertThat(served.getFirst()).containsEntry("birthYear", 2014).containsEntry("sex", "F").containsEntry("yearGroup", "5")
            .containsEntry("senProvision", "E").containsEntry("primaryNeed", "ASD").containsEntry("secondaryNeed", "SLCN")
            .containsEntry("area", Map.of("code", "TST-KA-A1"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> placements = (List<Map<String, Object>>) ((Map<String, Object>) served.getFirst()
            .get("placements")).get("edges");
        assertThat(placements).singleElement().satisfies(p -> assertThat(p).containsEntry("from", "2025-01-16")
            .containsEntry("to", null).containsEntry("node", Map.of("ref", "990201")));
        assertThat(served.get(3)).containsEntry("yearGroup", null).containsEntry("primaryNeed", "DS")
            .containsEntry("area", Map.of("code", "TST-KA-A2"));
    }

    private static Map<String, Object> child(String ref, long birthYear, String sex, String yearGroup, String provision,
            String primary, String secondary, String area, String placement) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("ref", ref);
        row.put("birthYear", birthYear);
        row.put("sex", sex);
        row.put("yearGroup", yearGroup);
        row.put("provision", provision);
        row.put("primary", primary);
        row.put("secondary", secondary);
        row.put("census", LocalDate.of(2025, 1, 16));
        row.put("areas", List.of(area));
        row.put("placements", placement == null ? List.of() : List.of(placement));
        return row;
    }

    private Path badCensus() throws IOException {
        return census("bad-census.csv",
            "Cfa00000001,2025-01-16,973,2014,F,5,E,ASD,SLCN,990201",
            "Jane Smith,2025-01-16,973,2014,F,5,E,ASD,,",
            "A123456789012,2025-01-16,973,2014,F,5,E,ASD,,",
            "Cfa00000005,2025-01-16,975,2014,F,5,E,ASD,,",
            "Cfa00000006,2025-01-16,973,1990,F,5,E,ASD,,",
            "Cfa00000007,2025-01-16,973,2014,X,Y7,E,ASD,,",
            "Cfa00000008,2025-01-16,973,2014,F,5,S,,,",
            "Cfa00000009,2025-01-16,973,2014,F,5,E,AUT,,",
            "Cfa0000000a,2025-01-16,973,2014,F,5,K,,,",
            "Cfa0000000b,2025-01-16,973,2014,F,5,N,ASD,,",
            "Cfa0000000c,2025-01-16,973,2014,F,5,E,NSA,,",
            "Cfa0000000d,2024-01-18,973,2014,F,4,E,DS,,",
            "Cfa0000000e,2025-01-16,973,2014,F,5,E,ASD,,990999",
            "Cfa00000001,2025-01-16,973,2014,F,5,E,ASD,,",
            "Cfa0000000f,16/01/2025,973,2014,F,5,E,ASD,,",
            "CFA00000010,2025-01-16,973,2014,F,5,E,ASD,,",
            "Cfa00000011,2025-01-16,973,2014,F,5,K,SEMH,SEMH,",
            "Cfa00000012,2025-01-16,974,2012,M,7,K,SLCN,,");
    }

    @Test
    void shouldRejectACensusFileWithBadRowsWholeListingEveryOneAndChangeNothing() throws IOException {
        List<Map<String, Object>> before = snapshot();

        ImportReport report = importFile(ChildrenKind.NAME, badCensus(), false);

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.badRows()).containsExactly(
            new BadRow(3, "child_ref", "looks like a name (value not shown): the hub never holds names; give " + REF_FORM),
            new BadRow(4, "child_ref", "looks like a UPN (value not shown): the hub never holds UPNs; give " + REF_FORM),
            new BadRow(5, "la_code", "no local area with DfE code '975'"),
            new BadRow(6, "birth_year", "'1990' is out of range for a census on 2025-01-16: 1999 to 2025 (ages 0 to 25)"),
            new BadRow(7, "sex", "'X' is not F or M"),
            new BadRow(7, "year_group", "'Y7' is not a year group: N1, N2, R, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, "
                + "or empty when not in school"),
            new BadRow(8, "sen_provision", "'S' is not an SEN provision: E (EHC plan), K (SEN support) or N (no SEN)"),
            new BadRow(9, "primary_need", "'AUT' is not a type of need: ASD, SLCN, SEMH, MLD, SLD, PD, SPLD, HI, PMLD, OTH, VI, "
                + "MSI, DS, NSA"),
            new BadRow(10, "primary_need", "empty, but sen_provision is K (a child with SEN has a primary need)"),
            new BadRow(11, "primary_need", "'ASD' but sen_provision is N (no SEN): leave the needs empty"),
            new BadRow(12, "primary_need", "NSA (no specialist assessment) is for SEN support (K) only, not E"),
            new BadRow(13, "primary_need", "DS (Down syndrome) is recorded from the January 2025 census, not on 2024-01-18"),
            new BadRow(14, "urn", "no setting with URN '990999'"),
            new BadRow(15, null, "the same Cfa00000001 as line 2"),
            new BadRow(16, "census_date", "'16/01/2025' is not a date (YYYY-MM-DD)"),
            new BadRow(17, "child_ref", "not an opaque child ref (value not shown): give " + REF_FORM),
            new BadRow(18, "secondary_need", "'SEMH' is the primary need too"));
        // Special-category data: a refused ref is never echoed.
        assertThat(report.text()).contains("REJECTED").doesNotContain("Jane Smith").doesNotContain("A123456789012")
            .doesNotContain("CFA00000010");
        assertNothingChanged(report, before);
    }

    @Test
    void shouldImportTheGoodChildrenOnlyWhenAsked() throws IOException {
        ImportReport report = importFile(ChildrenKind.NAME, badCensus(), true);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(report.badRowCount()).isEqualTo(16);
        assertThat(report.rowsImported()).isEqualTo(2);
        assertThat(rows("MATCH (c:Child)-[:RESIDENT_IN]->(a) WHERE c.ref STARTS WITH 'Cfa0000' "
                + "RETURN c.ref AS ref, c.primaryNeed AS need, a.code AS area ORDER BY ref"))
            .containsExactly(Map.of("ref", "Cfa00000001", "need", "ASD", "area", "TST-KA-A1"),
                Map.of("ref", "Cfa00000012", "need", "SLCN", "area", "TST-KA-A2"));
        assertThat(childrenThroughGraphQl()).extracting(c -> c.get("ref")).containsExactly("Cfa00000001", "Cfa00000012");
    }

    @Test
    void shouldChangeNothingWhenTheSameCensusFileIsImportedAgain() throws IOException {
        assertTheSameFileChangesNothing(ChildrenKind.NAME, goodCensus());
    }

    @Test
    void shouldMoveAChildToTheAreaOfTheLatestCensusLeavingExactlyOneResidence() throws IOException {
        importFile(ChildrenKind.NAME, goodCensus(), false);
        TestGraph.run("""
            CREATE (:Measure {code: 'TST-KA-CHILD', name: 'Test child measure', unit: 'PERCENT', polarity: 'LOWER_IS_BETTER',
                level: 'CHILD', periodType: 'TERM', valueKind: 'MEAN'})
            WITH 1 AS one
            MATCH (c:Child {ref: 'Cfa00000001'})
            CREATE (c)-[:OBSERVED]->(:Observation {key: 'TST-KA-CHILD|Child|Cfa00000001|202425|Autumn term',
                measure: 'TST-KA-CHILD', timePeriod: 202425, timeIdentifier: 'Autumn term', periodStart: date('2024-09-01'),
                value: 5.0})""");

        // Summer: child 1 moved to area 2 (still on roll at the same school), child 2 went up a year group.
        ImportReport summer = importFile(ChildrenKind.NAME, census("census-summer.csv",
            "Cfa00000001,2025-05-15,974,2014,F,5,E,ASD,SLCN,990201",
            "Cfa00000002,2025-05-15,973,2016,M,3,E,SLCN,,"), false);
        assertThat(summer.outcome()).isEqualTo(Outcome.IMPORTED);
        // An older census loaded late changes neither the properties nor the residence.
        ImportReport older = importFile(ChildrenKind.NAME, census("census-2024.csv",
            "Cfa00000001,2024-01-18,973,2014,F,4,K,SLCN,,"), false);
        assertThat(older.outcome()).isEqualTo(Outcome.IMPORTED);

        assertThat(rows("""
                MATCH (c:Child) WHERE c.ref IN ['Cfa00000001', 'Cfa00000002']
                RETURN c.ref AS ref, c.senProvision AS provision, c.primaryNeed AS need, toString(c.censusDate) AS census,
                  [(c)-[:RESIDENT_IN]->(a) | a.code] AS areas, COUNT { (c)-[:PLACED_AT]->() } AS placements
                ORDER BY ref""")).containsExactly(
            Map.of("ref", "Cfa00000001", "provision", "E", "need", "ASD", "census", "2025-05-15", "areas", List.of("TST-KA-A2"),
                "placements", 1L),
            Map.of("ref", "Cfa00000002", "provision", "E", "need", "SLCN", "census", "2025-05-15", "areas", List.of("TST-KA-A1"),
                "placements", 0L));
        assertThat(childrenThroughGraphQl().getFirst()).containsEntry("area", Map.of("code", "TST-KA-A2"));
        // The summaries of the areas the child moved between follow it.
        assertThat(rows("MATCH (s:ObservationSummary {measure: 'TST-KA-CHILD'}) RETURN s.area AS area, s.observations AS n"))
            .containsExactly(Map.of("area", "TST-KA-A2", "n", 1L));
    }

    @Test
    void shouldNameEveryAreaAChildRowTouchesInItsScopeAreas() {
        KindFile kindFile = importer.kinds().get(ChildrenKind.NAME).open("f.csv", List.of(CENSUS_HEADER.strip().split(",")),
            ImportOptions.defaults());
        Candidate candidate = kindFile.parse(row(CENSUS_HEADER, "Cfa00000001,2025-01-16,974,2014,F,5,E,ASD,,990201"),
            problems()).getFirst();

        Map<String, Object> moved = kindFile.complete(candidate, r -> switch (r.column()) {
            case "child_ref" -> "TST-KA-A1";
            case "urn" -> "990201";
            default -> "TST-KA-A2";
        }, problems());
        assertThat(moved).containsEntry("scopeAreas", List.of("TST-KA-A2", "TST-KA-A1")).containsEntry("setting", "990201");
        assertThat(kindFile.complete(candidate, r -> r.column().equals("child_ref") ? "" : "TST-KA-A2", problems()))
            .containsEntry("scopeAreas", List.of("TST-KA-A2"));
    }
}
