package uk.gov.send.rep.hub.mutation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.gov.send.rep.hub.query.GlobalId;
import uk.gov.send.rep.hub.support.RoleClient.Answer;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.send.rep.hub.mutation.MutationFixture.child;
import static uk.gov.send.rep.hub.mutation.MutationFixture.count;
import static uk.gov.send.rep.hub.mutation.MutationFixture.errors;
import static uk.gov.send.rep.hub.mutation.MutationFixture.one;

/**
 * Mutations over HTTP as NATIONAL (issue 6, ADR 0017): each one's result checked against the
 * graph by plain Cypher; its validation errors, each at its field path, with nothing written; an
 * idempotency key replayed (the first result, one write) and reused with another input (an error,
 * nothing written); and the audit event of a mutation. Who may write what is
 * {@link MutationRoleMatrixIntegrationTests}.
 */
class MutationIntegrationTests extends MutationFixture {

    private static final String PILOT = "pilot { code name start end status partnership { code } reforms { code } "
        + "areas(first: 10) { edges { arm node { code } } } } errors { field code message } replayed";

    private static final String ENROLMENT = "enrolment { pilot { code } child { ref } arm enrolled left } "
        + "errors { field code message } replayed";

    private static final String OBSERVATION = "observation { id measureCode value numerator denominator "
        + "period { label } } errors { field code message } replayed";

    private Answer national(String mutation) {
        return ask(tokens.national(), mutation);
    }

    private static String createPilot(String code, String extra, String key) {
        return "mutation { createPilot(input: {code: \"" + code + "\", name: \"Created pilot\", partnership: \"TST-MA\", "
            + "reforms: [\"TST-MR1\", \"TST-MR2\"], interventionAreas: [\"TST-MA-A1\", \"TST-MA-A2\"], "
            + "comparisonAreas: [\"TST-MB-A2\"], settings: [\"TST-MA-S1-1\"], start: \"2025-01-01\", "
            + "end: \"2026-12-31\"" + extra + "}" + (key == null ? "" : ", idempotencyKey: \"" + key + "\"")
            + ") { " + PILOT + " } }";
    }

    private static long pilots(String code) {
        return count("MATCH (p:Pilot {code: $code}) RETURN count(p)", Map.of("code", code));
    }

    /** The field errors of a mutation given this input (the text inside {@code input: {...}}), as {@code path:CODE}. */
    private List<String> fieldErrors(String mutation, String input) {
        return errors(national("mutation { " + mutation + "(input: {" + input + "}) { errors { field code } } }"), mutation);
    }

    @Test
    void createsAPilotWithItsPartnershipReformsAreasBySettingsAndDates() {
        Answer answer = national(createPilot("TST-MNEW", ", status: ACTIVE", null));

        assertThat(answer.errors()).isEmpty();
        assertThat(errors(answer, "createPilot")).isEmpty();
        assertThat(answer.values("createPilot.pilot.code")).containsExactly("TST-MNEW");
        assertThat(answer.values("createPilot.pilot.status")).containsExactly("ACTIVE");
        assertThat(answer.values("createPilot.replayed")).containsExactly(false);
        assertThat(TestGraph.run("""
            MATCH (:Partnership {code: 'TST-MA'})-[:RUNS]->(p:Pilot {code: 'TST-MNEW'})
            RETURN p.name AS name, toString(p.start) AS start, toString(p.end) AS end, p.status AS status,
                COLLECT { MATCH (p)-[:TESTS]->(r) RETURN r.code ORDER BY r.code } AS reforms,
                COLLECT { MATCH (p)-[i:IN_AREA]->(a) RETURN i.arm + ':' + a.code ORDER BY a.code } AS areas,
                COLLECT { MATCH (p)-[:INVOLVES]->(s) RETURN s.ref } AS settings""").getFirst().asMap())
            .isEqualTo(Map.of("name", "Created pilot", "start", "2025-01-01", "end", "2026-12-31", "status", "ACTIVE",
                "reforms", List.of("TST-MR1", "TST-MR2"),
                "areas", List.of("INTERVENTION:TST-MA-A1", "INTERVENTION:TST-MA-A2", "COMPARISON:TST-MB-A2"),
                "settings", List.of("TST-MA-S1-1")));
    }

    @Test
    void refusesAnInvalidPilotWithAnErrorAtEachFieldAndWritesNothing() {
        Answer answer = national("""
            mutation { createPilot(input: {code: "TST-MP", name: " ", partnership: "TST-MA",
                reforms: ["TST-MR1", "TST-MNOPE", "TST-MR1"], interventionAreas: ["TST-MA-A1", "TST-MB-A2", "TST-MNOWHERE"],
                comparisonAreas: ["TST-MA-A1"], settings: ["TST-MNOSETTING"], start: "2025-01-01", end: "2024-12-31"})
              { pilot { code } errors { field code message } } }""");

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.values("createPilot.pilot")).containsExactly((Object) null);
        assertThat(errors(answer, "createPilot")).containsExactlyInAnyOrder("input.code:DUPLICATE", "input.name:REQUIRED",
            "input.reforms.1:UNKNOWN_CODE", "input.reforms.2:DUPLICATE", "input.interventionAreas.1:ARM_MISMATCH",
            "input.interventionAreas.2:UNKNOWN_CODE", "input.comparisonAreas.0:ARM_MISMATCH",
            "input.settings.0:UNKNOWN_CODE", "input.end:DATE_ORDER");
        assertThat(one("MATCH (p:Pilot {code: 'TST-MP'}) RETURN p.name + '|' + toString(p.start)", Map.of()))
            .isEqualTo("Test pilot|2024-09-01");
        assertThat(count("MATCH (p:Pilot {code: 'TST-MP'})-[r:RUNS|TESTS|IN_AREA|INVOLVES]-() RETURN count(r)", Map.of()))
            .isEqualTo(4);

        Answer unknown = national("""
            mutation { createPilot(input: {code: "tst mbad", name: "x", partnership: "TST-MNONE", reforms: [],
                interventionAreas: [], start: "2025-01-01", end: "2025-12-31"}) { errors { field code } } }""");
        assertThat(errors(unknown, "createPilot")).containsExactlyInAnyOrder("input.code:INVALID_FORMAT",
            "input.partnership:UNKNOWN_CODE", "input.reforms:REQUIRED", "input.interventionAreas:REQUIRED");
    }

    @Test
    void updatesOnlyTheFieldsGivenAndChecksThemAgainstThePilot() {
        national(createPilot("TST-MUPD", "", null));
        Answer answer = national("""
            mutation { updatePilot(input: {code: "TST-MUPD", name: "Renamed", comparisonAreas: ["TST-MB-A1"],
                status: COMPLETED}) { %s } }""".formatted(PILOT));

        assertThat(errors(answer, "updatePilot")).isEmpty();
        assertThat(answer.values("updatePilot.pilot.name")).containsExactly("Renamed");
        assertThat(TestGraph.run("""
            MATCH (p:Pilot {code: 'TST-MUPD'})
            RETURN p.name AS name, p.status AS status, toString(p.start) AS start,
                COLLECT { MATCH (p)-[i:IN_AREA]->(a) RETURN i.arm + ':' + a.code ORDER BY a.code } AS areas,
                COLLECT { MATCH (p)-[:TESTS]->(r) RETURN r.code ORDER BY r.code } AS reforms""").getFirst().asMap())
            .isEqualTo(Map.of("name", "Renamed", "status", "COMPLETED", "start", "2025-01-01",
                "areas", List.of("INTERVENTION:TST-MA-A1", "INTERVENTION:TST-MA-A2", "COMPARISON:TST-MB-A1"),
                "reforms", List.of("TST-MR1", "TST-MR2")));

        Answer invalid = national("""
            mutation { updatePilot(input: {code: "TST-MUPD", start: "2027-01-01", interventionAreas: ["TST-MB-A1"],
                reforms: []}) { pilot { code } errors { field code } } }""");
        assertThat(errors(invalid, "updatePilot")).containsExactlyInAnyOrder("input.start:DATE_ORDER",
            "input.interventionAreas.0:ARM_MISMATCH", "input.reforms:REQUIRED");
        assertThat(one("MATCH (p:Pilot {code: 'TST-MUPD'}) RETURN toString(p.start)", Map.of())).isEqualTo("2025-01-01");

        Answer missing = national("mutation { updatePilot(input: {code: \"TST-MNONE\", name: \"x\"}) { errors { field code } } }");
        assertThat(errors(missing, "updatePilot")).containsExactly("input.code:NOT_FOUND");
    }

    @Test
    void enrolsAndWithdrawsAChildInTheArmOfItsArea() {
        String child = child("TST-MB", 1, 1);
        Answer enrolled = national("""
            mutation { enrolInCohort(input: {pilot: "TST-MP", child: "%s", arm: COMPARISON, enrolled: "2025-02-03"})
              { %s } }""".formatted(child, ENROLMENT));

        assertThat(errors(enrolled, "enrolInCohort")).isEmpty();
        assertThat(enrolled.values("enrolInCohort.enrolment.child.ref")).containsExactly(child);
        assertThat(enrolled.values("enrolInCohort.enrolment.arm")).containsExactly("COMPARISON");
        assertThat(one("MATCH (:Child {ref: $child})-[c:IN_COHORT]->(:Pilot {code: 'TST-MP'}) "
            + "RETURN c.arm + '|' + toString(c.enrolled) + '|' + coalesce(toString(c.left), '-')", Map.of("child", child)))
            .isEqualTo("COMPARISON|2025-02-03|-");

        Answer withdrawn = national("""
            mutation { withdrawFromCohort(input: {pilot: "TST-MP", child: "%s", left: "2025-07-01"}) { %s } }"""
            .formatted(child, ENROLMENT));
        assertThat(errors(withdrawn, "withdrawFromCohort")).isEmpty();
        assertThat(withdrawn.values("withdrawFromCohort.enrolment.left")).containsExactly("2025-07-01");
        assertThat(one("MATCH (:Child {ref: $child})-[c:IN_COHORT]->(:Pilot {code: 'TST-MP'}) RETURN toString(c.left)",
            Map.of("child", child))).isEqualTo("2025-07-01");
    }

    @Test
    void refusesAnInvalidEnrolmentOrWithdrawalAtEachFieldAndWritesNothing() {
        String intervention = child("TST-MA", 1, 11);
        String elsewhere = child("TST-MA", 2, 11);
        assertThat(fieldErrors("enrolInCohort", ("pilot: \"TST-MP\", child: \"%s\", arm: COMPARISON, "
            + "enrolled: \"2024-08-31\"").formatted(intervention)))
            .containsExactlyInAnyOrder("input.arm:ARM_MISMATCH", "input.enrolled:DATE_ORDER");
        assertThat(fieldErrors("enrolInCohort", ("pilot: \"TST-MP\", child: \"%s\", arm: INTERVENTION, "
            + "enrolled: \"2025-01-01\"").formatted(elsewhere)))
            .containsExactly("input.arm:ARM_MISMATCH");
        assertThat(fieldErrors("enrolInCohort", "pilot: \"TST-MNONE\", child: \"TST-MNOBODY\", arm: INTERVENTION, "
            + "enrolled: \"2025-01-01\""))
            .containsExactlyInAnyOrder("input.pilot:UNKNOWN_CODE", "input.child:UNKNOWN_CODE");
        assertThat(fieldErrors("enrolInCohort", ("pilot: \"TST-MP\", child: \"%s\", arm: INTERVENTION, "
            + "enrolled: \"2025-01-01\"").formatted(child("TST-MA", 1, 10))))
            .containsExactly("input.child:DUPLICATE");
        assertThat(count("MATCH (c:Child)-[r:IN_COHORT]->() WHERE c.ref IN $refs RETURN count(r)",
            Map.of("refs", List.of(intervention, elsewhere)))).isZero();

        assertThat(fieldErrors("withdrawFromCohort",
            "pilot: \"TST-MP\", child: \"%s\", left: \"2025-01-01\"".formatted(intervention)))
            .containsExactly("input.child:NOT_FOUND");
        assertThat(fieldErrors("withdrawFromCohort",
            "pilot: \"TST-MP\", child: \"%s\", left: \"2024-09-30\"".formatted(child("TST-MA", 1, 9))))
            .containsExactly("input.left:DATE_ORDER");
        assertThat(one("MATCH (:Child {ref: $child})-[c:IN_COHORT]->() RETURN c.left", Map.of("child", child("TST-MA", 1, 9))))
            .isNull();
    }

    @Test
    void recordsAChildsRateObservationAndRefreshesItsAreasSummary() {
        String child = child("TST-MA", 1, 12);
        Answer answer = national("""
            mutation { recordObservation(input: {measure: "TST-MC", child: "%s",
                period: {timePeriod: 202425, timeIdentifier: "autumn term"}, numerator: 3, denominator: 12})
              { %s } }""".formatted(child, OBSERVATION));

        String key = "TST-MC|Child|" + child + "|202425|Autumn term";
        assertThat(answer.errors()).isEmpty();
        assertThat(errors(answer, "recordObservation")).isEmpty();
        assertThat(answer.values("recordObservation.observation.id")).containsExactly(GlobalId.encode("Observation", key));
        assertThat(answer.values("recordObservation.observation.period.label")).containsExactly("2024/25 Autumn term");
        assertThat(answer.values("recordObservation.observation.value")).containsExactly(25.0);
        assertThat(TestGraph.run("""
            MATCH (:Child {ref: $child})-[:OBSERVED]->(o:Observation {key: $key})
            RETURN o.measure AS measure, o.value AS value, o.numerator AS numerator, o.denominator AS denominator,
                o.timePeriod AS timePeriod, o.timeIdentifier AS timeIdentifier, toString(o.periodStart) AS start""",
            Map.of("child", child, "key", key)).getFirst().asMap())
            .isEqualTo(Map.of("measure", "TST-MC", "value", 25.0, "numerator", 3.0, "denominator", 12.0,
                "timePeriod", 202425L, "timeIdentifier", "Autumn term", "start", "2024-09-01"));
        assertThat(TestGraph.run("""
            MATCH (s:ObservationSummary {key: 'TST-MC|TST-MA-A1|202425|Autumn term'})
            RETURN s.observations AS observations, s.numerator AS numerator, s.denominator AS denominator""")
            .getFirst().asMap()).isEqualTo(Map.of("observations", 1L, "numerator", 3.0, "denominator", 12.0));
    }

    @Test
    void refusesAnInvalidObservationAtEachFieldAndWritesNothing() {
        String child = child("TST-MA", 1, 13);
        assertThat(fieldErrors("recordObservation", ("measure: \"TST-MC\", child: \"%s\", period: {timePeriod: 202425, "
            + "timeIdentifier: \"Academic year\"}, value: 50, numerator: 13, "
            + "denominator: 12").formatted(child)))
            .containsExactlyInAnyOrder("input.period:LEVEL_MISMATCH", "input.numerator:OUT_OF_RANGE");
        assertThat(fieldErrors("recordObservation", ("measure: \"TST-MC\", child: \"%s\", period: {timePeriod: 202425, "
            + "timeIdentifier: \"Autumn term\"}, value: 50, numerator: 1, "
            + "denominator: 4").formatted(child)))
            .containsExactly("input.value:OUT_OF_RANGE");
        assertThat(fieldErrors("recordObservation", "measure: \"TST-MN\", area: \"TST-MA-A1\", period: {timePeriod: 2024, "
            + "timeIdentifier: \"Winter\"}, value: -1"))
            .containsExactlyInAnyOrder("input.area:LEVEL_MISMATCH", "input.period:INVALID_FORMAT",
                "input.value:OUT_OF_RANGE");
        assertThat(fieldErrors("recordObservation", "measure: \"TST-MNONE\", child: \"TST-MNOBODY\", "
            + "period: {timePeriod: 202425, timeIdentifier: \"Academic year\"}"))
            .containsExactlyInAnyOrder("input.measure:UNKNOWN_CODE", "input.child:UNKNOWN_CODE", "input.value:REQUIRED");
        assertThat(fieldErrors("recordObservation", ("measure: \"TST-MN\", child: \"%s\", area: \"TST-MA-A1\", "
            + "period: {timePeriod: 202425, timeIdentifier: \"Academic year\"}, "
            + "value: 1").formatted(child)))
            .containsExactly("input.area:DUPLICATE");
        assertThat(count("MATCH (o:Observation) WHERE o.key STARTS WITH 'TST-M' AND o.key CONTAINS $child "
            + "OR o.key STARTS WITH 'TST-MN|LocalArea' RETURN count(o)", Map.of("child", child))).isZero();
    }

    @Test
    void placesAChildAndEndsItsCurrentPlacementElsewhere() {
        String child = child("TST-MA", 2, 12);
        Answer answer = national("""
            mutation { recordPlacement(input: {child: "%s", setting: "TST-MB-S2-1", from: "2025-04-22"})
              { placement { child { ref } setting { ref } from to } errors { field code } replayed } }""".formatted(child));

        assertThat(errors(answer, "recordPlacement")).isEmpty();
        assertThat(answer.values("recordPlacement.placement.setting.ref")).containsExactly("TST-MB-S2-1");
        assertThat(answer.values("recordPlacement.placement.to")).containsExactly((Object) null);
        assertThat(TestGraph.run("""
            MATCH (:Child {ref: $child})-[p:PLACED_AT]->(s:Setting)
            RETURN s.ref + ':' + toString(p.from) + ':' + coalesce(toString(p.to), '-') AS placement ORDER BY placement""",
            Map.of("child", child)).stream().map(row -> row.get("placement").asString()).toList())
            .containsExactly("TST-MA-S2-1:2023-09-01:2025-04-22", "TST-MB-S2-1:2025-04-22:-");
    }

    @Test
    void refusesAnInvalidPlacementAtEachFieldAndWritesNothing() {
        String child = child("TST-MA", 2, 13);
        assertThat(fieldErrors("recordPlacement", ("child: \"%s\", setting: \"TST-MNOSETTING\", from: \"2025-04-22\", "
            + "to: \"2025-04-21\"").formatted(child)))
            .containsExactlyInAnyOrder("input.setting:UNKNOWN_CODE", "input.to:DATE_ORDER");
        assertThat(fieldErrors("recordPlacement", ("child: \"%s\", setting: \"TST-MA-S2-1\", from: \"2023-09-01\"").formatted(child)))
            .containsExactly("input.from:DUPLICATE");
        assertThat(fieldErrors("recordPlacement", "child: \"TST-MNOBODY\", setting: \"TST-MA-S2-1\", from: \"2025-01-01\""))
            .containsExactly("input.child:UNKNOWN_CODE");
        assertThat(count("MATCH (:Child {ref: $child})-[p:PLACED_AT]->() WHERE p.to IS NULL RETURN count(p)",
            Map.of("child", child))).isOne();
    }

    private static final String PLAN = "plan { ref status requested decision decided issued weeksToIssue "
        + "issuedWithin20Weeks exceptionsApply template digital reviewed ceased ceaseReason child { ref } "
        + "maintainedBy { code } } errors { field code message } replayed";

    private Answer planEvent(String input) {
        return national("mutation { recordPlanEvent(input: {" + input + "}) { " + PLAN + " } }");
    }

    private static Map<String, Object> planRow(String ref) {
        return TestGraph.run("""
            MATCH (c:Child)-[:HAS_PLAN]->(p:Plan {ref: $ref})-[:MAINTAINED_BY]->(a:LocalArea)
            RETURN c.ref AS child, a.code AS area, p.status AS status, toString(p.requested) AS requested,
                p.decision AS decision, toString(p.decided) AS decided, toString(p.issued) AS issued,
                p.weeksToIssue AS weeksToIssue, p.exceptionsApply AS exceptionsApply, p.template AS template,
                p.digital AS digital, toString(p.reviewed) AS reviewed, toString(p.ceased) AS ceased,
                p.ceaseReason AS ceaseReason""", Map.of("ref", ref)).stream().map(row -> row.asMap()).findFirst()
            .orElse(null);
    }

    @Test
    void recordsAPlansLifeFromRequestToCessation() {
        String child = child("TST-MA", 2, 15);
        Answer requested = planEvent("plan: \"TST-MPLAN-1\", event: REQUEST, date: \"2025-01-06\", child: \"" + child
            + "\", digital: true");
        assertThat(requested.errors()).isEmpty();
        assertThat(errors(requested, "recordPlanEvent")).isEmpty();
        assertThat(requested.values("recordPlanEvent.plan.status")).containsExactly("REQUESTED");
        assertThat(requested.values("recordPlanEvent.plan.child.ref")).containsExactly(child);
        assertThat(requested.values("recordPlanEvent.plan.maintainedBy.code")).containsExactly("TST-MA-A2");
        assertThat(requested.values("recordPlanEvent.plan.template")).containsExactly("LOCAL");

        Answer decided = planEvent("plan: \"TST-MPLAN-1\", event: DECISION, date: \"2025-02-03\", decision: ASSESS");
        assertThat(errors(decided, "recordPlanEvent")).isEmpty();
        assertThat(decided.values("recordPlanEvent.plan.status")).containsExactly("ASSESSING");

        Answer issued = planEvent("plan: \"TST-MPLAN-1\", event: ISSUE, date: \"2025-05-05\", template: STANDARDISED");
        assertThat(errors(issued, "recordPlanEvent")).isEmpty();
        assertThat(issued.values("recordPlanEvent.plan.status")).containsExactly("ISSUED");
        assertThat(issued.values("recordPlanEvent.plan.weeksToIssue")).containsExactly(17.0);
        assertThat(issued.values("recordPlanEvent.plan.issuedWithin20Weeks")).containsExactly(true);

        Answer reviewed = planEvent("plan: \"TST-MPLAN-1\", event: REVIEW, date: \"2026-04-20\"");
        assertThat(errors(reviewed, "recordPlanEvent")).isEmpty();
        assertThat(reviewed.values("recordPlanEvent.plan.reviewed")).containsExactly("2026-04-20");

        Answer ceased = planEvent("plan: \"TST-MPLAN-1\", event: CEASE, date: \"2026-07-31\", ceaseReason: NEEDS_MET");
        assertThat(errors(ceased, "recordPlanEvent")).isEmpty();
        assertThat(ceased.values("recordPlanEvent.plan.status")).containsExactly("CEASED");

        Map<String, Object> expected = new java.util.HashMap<>();
        expected.putAll(Map.of("child", child, "area", "TST-MA-A2", "status", "CEASED", "requested", "2025-01-06",
            "decision", "ASSESS", "decided", "2025-02-03", "issued", "2025-05-05", "weeksToIssue", 17.0,
            "exceptionsApply", false, "template", "STANDARDISED"));
        expected.putAll(Map.of("digital", true, "reviewed", "2026-04-20", "ceased", "2026-07-31",
            "ceaseReason", "NEEDS_MET"));
        assertThat(planRow("TST-MPLAN-1")).isEqualTo(expected);

        Answer notAssessed = planEvent("plan: \"TST-MPLAN-2\", event: REQUEST, date: \"2025-01-06\", child: \"" + child
            + "\"");
        assertThat(errors(notAssessed, "recordPlanEvent")).isEmpty();
        Answer refused = planEvent("plan: \"TST-MPLAN-2\", event: DECISION, date: \"2025-01-20\", decision: NOT_ASSESS");
        assertThat(refused.values("recordPlanEvent.plan.status")).containsExactly("NOT_ISSUED");
    }

    @Test
    void refusesAnInvalidPlanEventAtEachFieldAndWritesNothing() {
        String child = child("TST-MA", 1, 15);
        TestGraph.run("""
            MATCH (c:Child {ref: $child})-[:RESIDENT_IN]->(a:LocalArea)
            CREATE (c)-[:HAS_PLAN]->(r:Plan {ref: 'TST-MPLAN-R', kind: 'EHC_PLAN', requested: date('2025-03-03'),
                status: 'REQUESTED', template: 'LOCAL', digital: false, exceptionsApply: false})-[:MAINTAINED_BY]->(a)
            CREATE (c)-[:HAS_PLAN]->(n:Plan {ref: 'TST-MPLAN-N', kind: 'EHC_PLAN', requested: date('2025-03-03'),
                decision: 'NOT_ASSESS', decided: date('2025-04-01'), status: 'NOT_ISSUED', template: 'LOCAL',
                digital: false, exceptionsApply: false})-[:MAINTAINED_BY]->(a)
            CREATE (c)-[:HAS_PLAN]->(i:Plan {ref: 'TST-MPLAN-I', kind: 'EHC_PLAN', requested: date('2024-01-08'),
                decision: 'ASSESS', decided: date('2024-02-05'), issued: date('2024-05-06'), weeksToIssue: 17.0,
                reviewed: date('2025-04-28'), status: 'ISSUED', template: 'LOCAL', digital: false,
                exceptionsApply: false})-[:MAINTAINED_BY]->(a)
            CREATE (:Child {ref: 'TST-MNOAREA'})""", Map.of("child", child));
        List<Map<String, Object>> before = java.util.stream.Stream.of("TST-MPLAN-R", "TST-MPLAN-N", "TST-MPLAN-I")
            .map(MutationIntegrationTests::planRow).toList();

        // A request: a new ref, a child, only the request's fields.
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST-MPLAN-R\", event: REQUEST, date: \"2025-01-01\", "
            + "decision: ASSESS, ceaseReason: OTHER")).containsExactlyInAnyOrder("input.plan:DUPLICATE",
            "input.child:REQUIRED", "input.decision:INVALID_FORMAT", "input.ceaseReason:INVALID_FORMAT");
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST MPLAN?\", event: REQUEST, date: \"2025-01-01\", "
            + "child: \"TST-MNOBODY\", exceptionsApply: true")).containsExactlyInAnyOrder("input.plan:INVALID_FORMAT",
            "input.child:UNKNOWN_CODE", "input.exceptionsApply:INVALID_FORMAT");
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST-MPLAN-X\", event: REQUEST, date: \"2025-01-01\", "
            + "child: \"TST-MNOAREA\"")).containsExactly("input.child:NOT_FOUND");
        // An event on an unknown plan.
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST-MPLAN-NONE\", event: REVIEW, date: \"2025-01-01\""))
            .containsExactly("input.plan:NOT_FOUND");
        // A decision: the decision, not before the request, once.
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST-MPLAN-R\", event: DECISION, date: \"2025-03-02\", "
            + "child: \"" + child + "\"")).containsExactlyInAnyOrder("input.child:INVALID_FORMAT",
            "input.decision:REQUIRED", "input.date:DATE_ORDER");
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST-MPLAN-N\", event: DECISION, date: \"2025-05-01\", "
            + "decision: ASSESS")).containsExactly("input.event:DUPLICATE");
        // An issue: after a decision to assess, not before it.
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST-MPLAN-R\", event: ISSUE, date: \"2025-06-02\""))
            .containsExactly("input.event:DATE_ORDER");
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST-MPLAN-N\", event: ISSUE, date: \"2025-06-02\""))
            .containsExactly("input.event:OUT_OF_RANGE");
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST-MPLAN-I\", event: ISSUE, date: \"2025-06-02\""))
            .containsExactly("input.event:DUPLICATE");
        // A review: of an issued plan, not before its latest review.
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST-MPLAN-R\", event: REVIEW, date: \"2025-06-02\""))
            .containsExactly("input.event:DATE_ORDER");
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST-MPLAN-I\", event: REVIEW, date: \"2025-04-01\", "
            + "template: LOCAL")).containsExactlyInAnyOrder("input.template:INVALID_FORMAT", "input.date:DATE_ORDER");
        // A cessation: its reason, of an issued plan, not before its latest review.
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST-MPLAN-I\", event: CEASE, date: \"2025-04-01\""))
            .containsExactlyInAnyOrder("input.ceaseReason:REQUIRED", "input.date:DATE_ORDER");
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST-MPLAN-N\", event: CEASE, date: \"2025-06-01\", "
            + "ceaseReason: OTHER")).containsExactly("input.event:DATE_ORDER");
        // A cease reason outside the enumeration never reaches the mutation.
        Answer badReason = national("mutation { recordPlanEvent(input: {plan: \"TST-MPLAN-I\", event: CEASE, "
            + "date: \"2025-06-01\", ceaseReason: BORED}) { errors { code } } }");
        assertThat(badReason.errors()).isNotEmpty();

        assertThat(count("MATCH (p:Plan) WHERE p.ref IN ['TST-MPLAN-X', 'TST MPLAN?'] RETURN count(p)", Map.of())).isZero();
        assertThat(java.util.stream.Stream.of("TST-MPLAN-R", "TST-MPLAN-N", "TST-MPLAN-I")
            .map(MutationIntegrationTests::planRow).toList()).isEqualTo(before);
    }

    @Test
    void replaysAPlanEventOfAnIdempotencyKey() {
        String child = child("TST-MB", 2, 15);
        String request = "mutation { recordPlanEvent(input: {plan: \"TST-MPLAN-K\", event: REQUEST, date: \"2025-01-06\", "
            + "child: \"" + child + "\"}, idempotencyKey: \"TST-key-plan\") { " + PLAN + " } }";
        Answer first = national(request);
        Answer again = national(request);

        assertThat(errors(first, "recordPlanEvent")).isEmpty();
        assertThat(again.values("recordPlanEvent.replayed")).containsExactly(true);
        assertThat(again.values("recordPlanEvent.plan")).isEqualTo(first.values("recordPlanEvent.plan"));
        assertThat(count("MATCH (p:Plan {ref: 'TST-MPLAN-K'}) RETURN count(p)", Map.of())).isOne();

        // Without the key, the same request is a duplicate.
        assertThat(fieldErrors("recordPlanEvent", "plan: \"TST-MPLAN-K\", event: REQUEST, date: \"2025-01-06\", "
            + "child: \"" + child + "\"")).containsExactly("input.plan:DUPLICATE");
    }

    @Test
    void replaysTheFirstResultOfAnIdempotencyKeyAndWritesOnce() {
        String first = createPilot("TST-MIDEM", "", "TST-key-1");
        Answer answer = national(first);
        Answer again = national(first);

        assertThat(again.values("createPilot.pilot")).isEqualTo(answer.values("createPilot.pilot"));
        assertThat(answer.values("createPilot.replayed")).containsExactly(false);
        assertThat(again.values("createPilot.replayed")).containsExactly(true);
        assertThat(pilots("TST-MIDEM")).isOne();
        assertThat(count("MATCH (p:Pilot {code: 'TST-MIDEM'})-[r]-() RETURN count(r)", Map.of())).isEqualTo(7);
        assertThat(count("MATCH (r:IdempotencyRecord {key: 'test-national|createPilot|TST-key-1'}) RETURN count(r)",
            Map.of())).isOne();

        String child = child("TST-MA", 1, 14);
        String observe = """
            mutation { recordObservation(input: {measure: "TST-MN", child: "%s",
                period: {timePeriod: 202425, timeIdentifier: "Academic year"}, value: 2}, idempotencyKey: "TST-key-2")
              { %s } }""".formatted(child, OBSERVATION);
        Answer observed = national(observe);
        TestGraph.run("MATCH (o:Observation) WHERE o.key STARTS WITH 'TST-MN|Child|' + $child SET o.value = 5.0",
            Map.of("child", child));
        Answer replayed = national(observe);
        assertThat(observed.values("recordObservation.observation.value")).containsExactly(2.0);
        assertThat(replayed.values("recordObservation.replayed")).containsExactly(true);
        assertThat(one("MATCH (o:Observation) WHERE o.key STARTS WITH 'TST-MN|Child|' + $child RETURN o.value",
            Map.of("child", child))).as("the replay wrote nothing").isEqualTo(5.0);

        String enrol = """
            mutation { enrolInCohort(input: {pilot: "TST-MP", child: "%s", arm: INTERVENTION, enrolled: "2025-01-01"},
              idempotencyKey: "TST-key-3") { %s } }""".formatted(child, ENROLMENT);
        national(enrol);
        assertThat(national(enrol).values("enrolInCohort.errors")).containsExactly(List.of());
        assertThat(count("MATCH (:Child {ref: $child})-[r:IN_COHORT]->() RETURN count(r)", Map.of("child", child))).isOne();

        String place = """
            mutation { recordPlacement(input: {child: "%s", setting: "TST-MA-S2-1", from: "2025-05-01", to: "2025-06-01"},
              idempotencyKey: "TST-key-5") { placement { from to } errors { code } replayed } }""".formatted(child);
        Answer placed = national(place);
        Answer placedAgain = national(place);
        assertThat(placedAgain.values("recordPlacement.placement")).isEqualTo(placed.values("recordPlacement.placement"));
        assertThat(placedAgain.values("recordPlacement.replayed")).containsExactly(true);
        assertThat(count("MATCH (:Child {ref: $child})-[p:PLACED_AT]->() RETURN count(p)", Map.of("child", child)))
            .isEqualTo(2);
    }

    @Test
    void writesOnceWhenCallsWithOneKeyRaceEachOther() throws Exception {
        String document = createPilot("TST-MRACE", "", "TST-key-race");
        List<Answer> answers;
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Answer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(threads.submit(() -> national(document)));
            }
            answers = new java.util.ArrayList<>();
            for (var call : calls) {
                answers.add(call.get());
            }
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.errors()).isEmpty();
            assertThat(answer.values("createPilot.pilot.code")).containsExactly("TST-MRACE");
        });
        assertThat(answers).filteredOn(answer -> answer.values("createPilot.replayed").equals(List.of(false))).hasSize(1);
        assertThat(pilots("TST-MRACE")).isOne();
        assertThat(count("MATCH (p:Pilot {code: 'TST-MRACE'})-[r]-() RETURN count(r)", Map.of())).isEqualTo(7);
    }

    @Test
    void refusesAnIdempotencyKeyReusedWithAnotherInputAndWritesNothing() {
        national(createPilot("TST-MKEY", "", "TST-key-4"));
        Answer reused = national(createPilot("TST-MKEY2", "", "TST-key-4"));

        assertThat(errors(reused, "createPilot")).containsExactly("idempotencyKey:IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.values("createPilot.pilot")).containsExactly((Object) null);
        assertThat(pilots("TST-MKEY2")).isZero();

        Answer otherMutation = national("""
            mutation { updatePilot(input: {code: "TST-MKEY", name: "Same key, other mutation"}, idempotencyKey: "TST-key-4")
              { pilot { name } errors { code } } }""");
        assertThat(otherMutation.values("updatePilot.pilot.name")).as("keys are per mutation")
            .containsExactly("Same key, other mutation");
    }

    @Test
    void recordsEachMutationInTheAuditLog() {
        String name = "Audited" + UUID.randomUUID().toString().replace("-", "");
        national("mutation " + name + " { updatePilot(input: {code: \"TST-MP\", status: ACTIVE}) { errors { code } } }");

        assertThat(TestGraph.run("""
            MATCH (e:AuditEvent {operationName: $name})
            RETURN e.operationType AS type, e.subject AS subject, e.role AS role, e.outcome AS outcome""",
            Map.of("name", name)).stream().map(row -> row.asMap()).toList())
            .containsExactly(Map.of("type", "mutation", "subject", "test-national", "role", "NATIONAL", "outcome", "OK"));
    }
}
