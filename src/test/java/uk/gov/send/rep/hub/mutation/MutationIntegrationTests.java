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
