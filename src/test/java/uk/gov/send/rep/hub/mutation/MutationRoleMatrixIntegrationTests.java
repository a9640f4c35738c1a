package uk.gov.send.rep.hub.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import uk.gov.send.rep.hub.support.RoleClient.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.send.rep.hub.mutation.MutationFixture.child;
import static uk.gov.send.rep.hub.mutation.MutationFixture.errors;
import static uk.gov.send.rep.hub.mutation.MutationFixture.one;

/**
 * Who may write what (issue 6, ADR 0017): every mutation asked by each of the five roles, once
 * within the scope of a lead of TST-MA and a local area of TST-MA-A1 and once outside it (TST-MB's
 * pilot, children of TST-MB-A1). Each case says whether it is allowed; the graph is checked by
 * plain Cypher before and after: an allowed write changed it, a refused one changed nothing. A
 * refusal is a {@code FORBIDDEN} error naming the role for a role that may write nothing of the
 * kind, else a {@code FORBIDDEN_SCOPE} field error. Plan events: a request for each role's own
 * child, and a decision on a plan maintained in or out of the scope.
 */
class MutationRoleMatrixIntegrationTests extends MutationFixture {

    /** The roles, each with its own fixture children (number {@code 1 + ordinal} to enrol, {@code 6 + ordinal} to withdraw). */
    enum Role {
        NATIONAL, PARTNERSHIP_LEAD, LOCAL_AREA, EVALUATOR, PUBLIC
    }

    /** How a case ends. */
    enum Expect {
        /** Written. */
        ALLOWED,
        /** A field error FORBIDDEN_SCOPE, nothing written. */
        OUT_OF_SCOPE,
        /** A FORBIDDEN error naming the role, nothing written. */
        FORBIDDEN
    }

    /**
     * A mutation of the matrix: the document for a role, in or out of scope, and the Cypher reading
     * the state it changes (with {@code $child} and {@code $code}).
     */
    record Mutation(String name, Function<Target, String> document, String state) {
    }

    /** What one case writes to: a child and a pilot code of its own. */
    record Target(String child, String pilot, String newPilot) {
    }

    private static final List<Mutation> MUTATIONS = List.of(
        new Mutation("createPilot", target -> """
            mutation { createPilot(input: {code: "%s", name: "Matrix pilot", partnership: "%s", reforms: ["TST-MR1"],
              interventionAreas: ["%s-A1"], start: "2025-01-01", end: "2025-12-31"}) { pilot { code } errors { field code } } }"""
            .formatted(target.newPilot(), target.pilot().equals("TST-MP") ? "TST-MA" : "TST-MB",
                target.pilot().equals("TST-MP") ? "TST-MA" : "TST-MB"),
            "MATCH (p:Pilot {code: $code}) RETURN count(p)"),
        new Mutation("updatePilot", target -> """
            mutation { updatePilot(input: {code: "%s", name: "%s"}) { pilot { code } errors { field code } } }"""
            .formatted(target.pilot(), target.newPilot()),
            "MATCH (p:Pilot {name: $code}) RETURN count(p)"),
        new Mutation("enrolInCohort", target -> """
            mutation { enrolInCohort(input: {pilot: "TST-MP", child: "%s", arm: %s, enrolled: "2025-01-01"})
              { enrolment { arm } errors { field code } } }"""
            .formatted(target.child(), target.pilot().equals("TST-MP") ? "INTERVENTION" : "COMPARISON"),
            "MATCH (:Child {ref: $child})-[r:IN_COHORT]->() RETURN count(r)"),
        new Mutation("withdrawFromCohort", target -> """
            mutation { withdrawFromCohort(input: {pilot: "TST-MP", child: "%s", left: "2025-06-30"})
              { enrolment { left } errors { field code } } }""".formatted(target.child()),
            "MATCH (:Child {ref: $child})-[r:IN_COHORT]->() RETURN count(r.left)"),
        new Mutation("recordObservation", target -> """
            mutation { recordObservation(input: {measure: "TST-MN", child: "%s",
              period: {timePeriod: 202425, timeIdentifier: "Academic year"}, value: 1}) { observation { value } errors { field code } } }"""
            .formatted(target.child()),
            "MATCH (:Child {ref: $child})-[:OBSERVED]->(o:Observation {measure: 'TST-MN'}) RETURN count(o)"),
        new Mutation("recordPlacement", target -> """
            mutation { recordPlacement(input: {child: "%s", setting: "TST-MB-S2-1", from: "2025-04-22"})
              { placement { from } errors { field code } } }""".formatted(target.child()),
            "MATCH (:Child {ref: $child})-[p:PLACED_AT]->() RETURN count(p)"),
        new Mutation("recordPlanEvent", target -> """
            mutation { recordPlanEvent(input: {plan: "TST-MPL-%s", event: REQUEST, date: "2025-01-06", child: "%s"})
              { plan { status } errors { field code } } }""".formatted(target.child(), target.child()),
            "MATCH (p:Plan {ref: 'TST-MPL-' + $child}) RETURN count(p)"));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Mutation mutation : MUTATIONS) {
            for (Role role : Role.values()) {
                for (boolean inScope : List.of(true, false)) {
                    cases.add(Arguments.of(mutation.name(), role, inScope, expect(mutation.name(), role, inScope)));
                }
            }
        }
        return cases.stream();
    }

    /** The rules of ADR 0017, written out. */
    private static Expect expect(String mutation, Role role, boolean inScope) {
        boolean pilots = mutation.endsWith("Pilot");
        return switch (role) {
            case NATIONAL -> Expect.ALLOWED;
            case PARTNERSHIP_LEAD -> inScope ? Expect.ALLOWED : Expect.OUT_OF_SCOPE;
            case LOCAL_AREA -> pilots ? Expect.FORBIDDEN : inScope ? Expect.ALLOWED : Expect.OUT_OF_SCOPE;
            case EVALUATOR, PUBLIC -> Expect.FORBIDDEN;
        };
    }

    @ParameterizedTest(name = "{0} by {1}, in scope: {2} -> {3}")
    @MethodSource("cases")
    void allowsOrRefusesEachWriteAndARefusalChangesNothing(String name, Role role, boolean inScope, Expect expect) {
        Mutation mutation = MUTATIONS.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
        int number = (name.equals("withdrawFromCohort") ? 6 : 1) + role.ordinal();
        Target target = new Target(child(inScope ? "TST-MA" : "TST-MB", 1, number), inScope ? "TST-MP" : "TST-MQ",
            "TST-MX-" + role.ordinal() + (inScope ? "-IN" : "-OUT"));
        Map<String, Object> parameters = Map.of("child", target.child(), "code", target.newPilot());
        Object before = one(mutation.state(), parameters);

        Answer answer = ask(token(role), mutation.document().apply(target));

        Object after = one(mutation.state(), parameters);
        switch (expect) {
            case ALLOWED -> {
                assertThat(answer.errors()).isEmpty();
                assertThat(errors(answer, name)).isEmpty();
                assertThat(after).as("written").isNotEqualTo(before);
            }
            case OUT_OF_SCOPE -> {
                assertThat(answer.errors()).isEmpty();
                assertThat(errors(answer, name)).anyMatch(error -> error.endsWith(":FORBIDDEN_SCOPE"));
                assertThat(after).as("nothing written").isEqualTo(before);
            }
            case FORBIDDEN -> {
                assertThat(answer.errors()).singleElement().satisfies(error -> {
                    assertThat(error.classification()).isEqualTo("FORBIDDEN");
                    assertThat(error.message()).contains("Role " + role.name() + " may not");
                });
                assertThat(after).as("nothing written").isEqualTo(before);
            }
        }
    }

    static Stream<Arguments> planCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Role role : Role.values()) {
            for (boolean inScope : List.of(true, false)) {
                cases.add(Arguments.of(role, inScope, expect("recordPlanEvent", role, inScope)));
            }
        }
        return cases.stream();
    }

    /** An event of an existing plan: allowed only on plans maintained by the areas of the caller's scope. */
    @ParameterizedTest(name = "recordPlanEvent DECISION by {0}, in scope: {1} -> {2}")
    @MethodSource("planCases")
    void allowsOrRefusesAnEventOfAnExistingPlan(Role role, boolean inScope, Expect expect) {
        String child = child(inScope ? "TST-MA" : "TST-MB", 1, 11 + role.ordinal());
        String plan = "TST-MPD-" + role.ordinal() + (inScope ? "-IN" : "-OUT");
        uk.gov.send.rep.hub.support.TestGraph.run("""
            MATCH (c:Child {ref: $child})-[:RESIDENT_IN]->(a:LocalArea)
            MERGE (c)-[:HAS_PLAN]->(p:Plan {ref: $plan})-[:MAINTAINED_BY]->(a)
              ON CREATE SET p.kind = 'EHC_PLAN', p.requested = date('2025-01-06'), p.status = 'REQUESTED',
                p.template = 'LOCAL', p.digital = false, p.exceptionsApply = false""",
            Map.of("child", child, "plan", plan));
        String state = "MATCH (p:Plan {ref: $plan}) RETURN p.status";

        Answer answer = ask(token(role), """
            mutation { recordPlanEvent(input: {plan: "%s", event: DECISION, date: "2025-02-03", decision: ASSESS})
              { plan { status } errors { field code } } }""".formatted(plan));

        Object after = one(state, Map.of("plan", plan));
        switch (expect) {
            case ALLOWED -> {
                assertThat(answer.errors()).isEmpty();
                assertThat(errors(answer, "recordPlanEvent")).isEmpty();
                assertThat(after).isEqualTo("ASSESSING");
            }
            case OUT_OF_SCOPE -> {
                assertThat(answer.errors()).isEmpty();
                assertThat(errors(answer, "recordPlanEvent")).containsExactly("input.plan:FORBIDDEN_SCOPE");
                assertThat(after).isEqualTo("REQUESTED");
            }
            case FORBIDDEN -> {
                assertThat(answer.errors()).singleElement().satisfies(error -> {
                    assertThat(error.classification()).isEqualTo("FORBIDDEN");
                    assertThat(error.message()).contains("Role " + role.name() + " may not");
                });
                assertThat(after).isEqualTo("REQUESTED");
            }
        }
    }

    private String token(Role role) {
        return switch (role) {
            case NATIONAL -> tokens.national();
            case PARTNERSHIP_LEAD -> tokens.lead("TST-MA");
            case LOCAL_AREA -> tokens.localArea("996");
            case EVALUATOR -> tokens.evaluator();
            case PUBLIC -> null;
        };
    }
}
