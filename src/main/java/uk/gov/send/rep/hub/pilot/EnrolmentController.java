package uk.gov.send.rep.hub.pilot;

import java.time.LocalDate;
import java.util.function.Consumer;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.child.Child;
import uk.gov.send.rep.hub.child.ChildGraph;
import uk.gov.send.rep.hub.mutation.FieldError;
import uk.gov.send.rep.hub.mutation.FieldErrors;
import uk.gov.send.rep.hub.mutation.Writers;
import uk.gov.send.rep.hub.mutation.Writes;
import uk.gov.send.rep.hub.mutation.Writes.Outcome;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.Scope;

/**
 * {@code enrolInCohort}, {@code withdrawFromCohort} and the {@code Enrolment} type (ADR 0017).
 * {@code NATIONAL} may enrol any child; a partnership lead or a local area only children living in
 * its scope's areas (a child outside them, or none, is {@code FORBIDDEN_SCOPE}: the answer never
 * says whether such a child exists). A child's arm is that of the pilot area the child lives in.
 */
@Controller
class EnrolmentController {

    private final Writes writes;
    private final GraphReader reader;

    EnrolmentController(Writes writes, GraphReader reader) {
        this.writes = writes;
        this.reader = reader;
    }

    /** The enrolInCohort input. */
    record EnrolInCohortInput(String pilot, String child, String arm, LocalDate enrolled) {
    }

    /** The withdrawFromCohort input. */
    record WithdrawFromCohortInput(String pilot, String child, LocalDate left) {
    }

    /** The checks of one enrolment mutation beyond the pilot and the child; they add to {@code errors}. */
    @FunctionalInterface
    private interface Checks {
        void check(PilotWrites.EnrolmentLookup graph, FieldErrors errors);
    }

    @MutationMapping
    EnrolmentPayload enrolInCohort(@Argument EnrolInCohortInput input, @Argument String idempotencyKey,
            DataFetchingEnvironment env) {
        return write(env, idempotencyKey, input.pilot(), input.child(), (graph, errors) -> {
            if (graph.enrolment() != null) {
                errors.add(FieldError.DUPLICATE, "Child '" + input.child() + "' was enrolled in pilot '" + input.pilot()
                    + "' on " + graph.enrolment().enrolled(), "input", "child");
            }
            else if (graph.pilotExists() && graph.childExists() && errors.isEmpty()) {
                if (graph.areaArms().isEmpty()) {
                    errors.add(FieldError.ARM_MISMATCH, "The child lives in " + graph.area() + ", which is not an area of "
                        + "pilot '" + input.pilot() + "'", "input", "arm");
                }
                else if (!graph.areaArms().contains(input.arm())) {
                    errors.add(FieldError.ARM_MISMATCH, "The child lives in " + graph.area() + ", a "
                        + graph.areaArms().getFirst() + " area of the pilot, not " + input.arm(), "input", "arm");
                }
            }
            if (graph.pilotExists() && input.enrolled() != null && (input.enrolled().isBefore(graph.start())
                    || input.enrolled().isAfter(graph.end()))) {
                errors.add(FieldError.DATE_ORDER, "Enrolment (" + input.enrolled() + ") must be within the pilot's dates, "
                    + graph.start() + " to " + graph.end(), "input", "enrolled");
            }
        }, tx -> PilotWrites.enrol(tx, input.pilot(), input.child(), input.arm(), input.enrolled()));
    }

    @MutationMapping
    EnrolmentPayload withdrawFromCohort(@Argument WithdrawFromCohortInput input, @Argument String idempotencyKey,
            DataFetchingEnvironment env) {
        return write(env, idempotencyKey, input.pilot(), input.child(), (graph, errors) -> {
            Enrolment enrolment = graph.enrolment();
            if (!errors.isEmpty()) {
                return;
            }
            if (enrolment == null) {
                errors.add(FieldError.NOT_FOUND, "Child '" + input.child() + "' is not in the cohort of pilot '"
                    + input.pilot() + "'", "input", "child");
            }
            else if (enrolment.left() != null) {
                errors.add(FieldError.DUPLICATE, "Child '" + input.child() + "' left the cohort on " + enrolment.left(),
                    "input", "child");
            }
            else if (input.left().isBefore(enrolment.enrolled())) {
                errors.add(FieldError.DATE_ORDER, "Leaving (" + input.left() + ") cannot be before enrolment ("
                    + enrolment.enrolled() + ")", "input", "left");
            }
        }, tx -> PilotWrites.withdraw(tx, input.pilot(), input.child(), input.left()));
    }

    /**
     * Runs one enrolment mutation: the pilot and child are looked up in one statement, the pilot
     * must exist and the child be in the caller's scope, then the mutation's own checks; written
     * when nothing is wrong.
     */
    private EnrolmentPayload write(DataFetchingEnvironment env, String idempotencyKey, String pilot, String child,
            Checks checks, Consumer<Writes.Transaction> write) {
        Scope scope = Scope.of(env.getGraphQlContext());
        return payload(env, writes.run(env, idempotencyKey, tx -> {
            PilotWrites.EnrolmentLookup graph = PilotWrites.enrolmentLookup(tx, pilot, child);
            FieldErrors errors = new FieldErrors();
            pilotAndChild(errors, scope, pilot, child, graph);
            checks.check(graph, errors);
            Outcome invalid = Writes.invalid(errors);
            if (invalid != null) {
                return invalid;
            }
            write.accept(tx);
            return Writes.written(PilotWrites.enrolmentKey(pilot, child));
        }));
    }

    @SchemaMapping
    Pilot pilot(Enrolment enrolment, DataFetchingEnvironment env) {
        return reader.find(env, PilotGraph.PILOT, enrolment.pilotCode()).orElse(null);
    }

    @SchemaMapping
    Child child(Enrolment enrolment, DataFetchingEnvironment env) {
        return reader.find(env, ChildGraph.CHILD, enrolment.childRef()).orElse(null);
    }

    private EnrolmentPayload payload(DataFetchingEnvironment env, Outcome outcome) {
        return Writes.payload(outcome, key -> PilotWrites.enrolment(writes, env, key), EnrolmentPayload::new);
    }

    /** The pilot must exist; the child must exist and, for a scoped role, live in the scope's areas. */
    private static void pilotAndChild(FieldErrors errors, Scope scope, String pilot, String child,
            PilotWrites.EnrolmentLookup graph) {
        if (!graph.pilotExists()) {
            errors.add(FieldError.UNKNOWN_CODE, "No pilot has the code '" + pilot + "'", "input", "pilot");
        }
        Writers.checkChild(errors, scope, child, graph.childExists(), graph.area(), "input", "child");
    }
}
