package uk.gov.send.rep.hub.plan;

import java.time.LocalDate;
import java.util.regex.Pattern;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.mutation.FieldError;
import uk.gov.send.rep.hub.mutation.FieldErrors;
import uk.gov.send.rep.hub.mutation.Writers;
import uk.gov.send.rep.hub.mutation.Writes;
import uk.gov.send.rep.hub.mutation.Writes.Outcome;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.Scope;

/**
 * {@code recordPlanEvent} (ADR 0017): the events of an EHC plan's life, each checked against the
 * plan as the graph holds it (events in order, dates not before the previous event's).
 * {@code NATIONAL} may record any plan's events; a partnership lead or a local area only those of
 * plans its scope's areas maintain, and requests for children living in them (an unknown plan or
 * child is the same {@code FORBIDDEN_SCOPE} answer as another area's, so a write never tells which
 * refs exist elsewhere); {@code EVALUATOR} and {@code PUBLIC} nothing.
 */
@Controller
class PlanEventController {

    /** A new plan's ref. */
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,59}");

    private final Writes writes;
    private final GraphReader reader;

    PlanEventController(Writes writes, GraphReader reader) {
        this.writes = writes;
        this.reader = reader;
    }

    /** The recordPlanEvent input. */
    record RecordPlanEventInput(String plan, String event, LocalDate date, String child, String decision,
            String template, Boolean digital, Boolean exceptionsApply, String ceaseReason) {
    }

    @MutationMapping
    PlanPayload recordPlanEvent(@Argument RecordPlanEventInput input, @Argument String idempotencyKey,
            DataFetchingEnvironment env) {
        Scope scope = Scope.of(env.getGraphQlContext());
        Outcome outcome = writes.run(env, idempotencyKey, tx -> {
            String event = input.event();
            FieldErrors errors = new FieldErrors();
            onlyFor(errors, event, input.child(), "child", "REQUEST");
            onlyFor(errors, event, input.decision(), "decision", "DECISION");
            onlyFor(errors, event, input.template(), "template", "REQUEST", "ISSUE");
            onlyFor(errors, event, input.digital(), "digital", "REQUEST", "ISSUE");
            onlyFor(errors, event, input.exceptionsApply(), "exceptionsApply", "ISSUE");
            onlyFor(errors, event, input.ceaseReason(), "ceaseReason", "CEASE");
            PlanWrites.Lookup plan = PlanWrites.lookup(tx, input.plan(), "REQUEST".equals(event) ? input.child() : null);
            if ("REQUEST".equals(event)) {
                checkRequest(errors, scope, input, plan);
            }
            else if (checkPlan(errors, scope, input.plan(), plan)) {
                switch (event) {
                    case "DECISION" -> checkDecision(errors, input, plan);
                    case "ISSUE" -> checkIssue(errors, input, plan);
                    case "REVIEW" -> checkReview(errors, input, plan);
                    case "CEASE" -> checkCease(errors, input, plan);
                    default -> throw new IllegalArgumentException("Unknown plan event " + event);
                }
            }
            Outcome invalid = Writes.invalid(errors);
            if (invalid != null) {
                return invalid;
            }
            switch (event) {
                case "REQUEST" -> PlanWrites.request(tx, input.plan(), input.child(), plan.childArea(), input.date(),
                    input.template() == null ? "LOCAL" : input.template(), Boolean.TRUE.equals(input.digital()));
                case "DECISION" -> PlanWrites.decide(tx, input.plan(), input.date(), input.decision());
                case "ISSUE" -> PlanWrites.issue(tx, input.plan(), plan.requested(), input.date(),
                    Boolean.TRUE.equals(input.exceptionsApply()), input.template(), input.digital());
                case "REVIEW" -> PlanWrites.review(tx, input.plan(), input.date());
                default -> PlanWrites.cease(tx, input.plan(), input.date(), input.ceaseReason());
            }
            return Writes.written(input.plan());
        });
        return Writes.payload(outcome, ref -> reader.find(PlanGraph.PLAN, ref).orElse(null), PlanPayload::new);
    }

    /** A field given for an event that does not take it. */
    private static void onlyFor(FieldErrors errors, String event, Object value, String field, String... events) {
        if (value == null) {
            return;
        }
        for (String allowed : events) {
            if (allowed.equals(event)) {
                return;
            }
        }
        errors.add(FieldError.INVALID_FORMAT, "Only " + String.join(" and ", events) + " events take " + field
            + "; leave it out for " + event, "input", field);
    }

    /** A request: a new, well-formed ref and a child in the caller's scope living in an area to maintain the plan. */
    private static void checkRequest(FieldErrors errors, Scope scope, RecordPlanEventInput input, PlanWrites.Lookup plan) {
        if (!REF.matcher(input.plan()).matches()) {
            errors.add(FieldError.INVALID_FORMAT, "A plan ref has 1 to 60 letters, digits and hyphens, not '"
                + input.plan() + "'", "input", "plan");
        }
        else if (plan.planExists()) {
            errors.add(FieldError.DUPLICATE, "A plan has the ref '" + input.plan() + "' already", "input", "plan");
        }
        if (errors.required(input.child(), "input", "child")) {
            int before = errors.list().size();
            Writers.checkChild(errors, scope, input.child(), plan.childExists(), plan.childArea(), "input", "child");
            if (errors.list().size() == before && plan.childArea() == null) {
                errors.add(FieldError.NOT_FOUND, "Child '" + input.child() + "' lives in no local area, which would "
                    + "maintain the plan", "input", "child");
            }
        }
    }

    /**
     * An existing plan maintained in the caller's scope; else {@code FORBIDDEN_SCOPE} for a scoped
     * role (unknown or another area's: the same answer), {@code NOT_FOUND} for NATIONAL.
     */
    private static boolean checkPlan(FieldErrors errors, Scope scope, String ref, PlanWrites.Lookup plan) {
        if (!scope.unrestricted() && (!plan.planExists() || !Writers.coversArea(scope, plan.planArea()))) {
            errors.add(FieldError.FORBIDDEN_SCOPE, "No plan '" + ref + "' is maintained by the areas of your scope",
                "input", "plan");
            return false;
        }
        if (!plan.planExists()) {
            errors.add(FieldError.NOT_FOUND, "No plan has the ref '" + ref + "': record its REQUEST first", "input", "plan");
            return false;
        }
        return true;
    }

    private static void checkDecision(FieldErrors errors, RecordPlanEventInput input, PlanWrites.Lookup plan) {
        errors.required(input.decision(), "input", "decision");
        if (plan.decided() != null) {
            errors.add(FieldError.DUPLICATE, "Plan '" + input.plan() + "' was decided on " + plan.decided() + " ("
                + plan.decision() + ") already", "input", "event");
        }
        notBefore(errors, input.date(), plan.requested(), "the request");
    }

    private static void checkIssue(FieldErrors errors, RecordPlanEventInput input, PlanWrites.Lookup plan) {
        if (plan.decided() == null) {
            errors.add(FieldError.DATE_ORDER, "Plan '" + input.plan() + "' has no decision yet: a plan is issued after "
                + "the decision to assess", "input", "event");
            return;
        }
        if (!"ASSESS".equals(plan.decision())) {
            errors.add(FieldError.OUT_OF_RANGE, "Plan '" + input.plan() + "' cannot be issued: the decision was "
                + plan.decision(), "input", "event");
            return;
        }
        if (plan.issued() != null) {
            errors.add(FieldError.DUPLICATE, "Plan '" + input.plan() + "' was issued on " + plan.issued() + " already",
                "input", "event");
            return;
        }
        notBefore(errors, input.date(), plan.decided(), "the decision");
    }

    private static void checkReview(FieldErrors errors, RecordPlanEventInput input, PlanWrites.Lookup plan) {
        if (!issuedAndCurrent(errors, input, plan, "reviewed")) {
            return;
        }
        if (!notBefore(errors, input.date(), plan.issued(), "the issue")) {
            return;
        }
        notBefore(errors, input.date(), plan.reviewed(), "the latest review");
    }

    private static void checkCease(FieldErrors errors, RecordPlanEventInput input, PlanWrites.Lookup plan) {
        errors.required(input.ceaseReason(), "input", "ceaseReason");
        if (!issuedAndCurrent(errors, input, plan, "ceased")) {
            return;
        }
        if (notBefore(errors, input.date(), plan.issued(), "the issue")) {
            notBefore(errors, input.date(), plan.reviewed(), "the latest review");
        }
    }

    /** An event only an issued plan that has not ceased has. */
    private static boolean issuedAndCurrent(FieldErrors errors, RecordPlanEventInput input, PlanWrites.Lookup plan,
            String what) {
        if (plan.ceased() != null) {
            errors.add("ceased".equals(what) ? FieldError.DUPLICATE : FieldError.OUT_OF_RANGE, "Plan '" + input.plan()
                + "' ceased on " + plan.ceased() + ": it cannot be " + what + " now", "input", "event");
            return false;
        }
        if (plan.issued() == null) {
            errors.add(FieldError.DATE_ORDER, "Plan '" + input.plan() + "' is not issued: only an issued plan is " + what,
                "input", "event");
            return false;
        }
        return true;
    }

    /** {@code DATE_ORDER} at {@code input.date} when it is before the previous event's date; says whether it is not. */
    private static boolean notBefore(FieldErrors errors, LocalDate date, LocalDate previous, String what) {
        if (previous != null && date.isBefore(previous)) {
            errors.add(FieldError.DATE_ORDER, "The date (" + date + ") cannot be before " + what + " (" + previous + ")",
                "input", "date");
            return false;
        }
        return true;
    }
}
