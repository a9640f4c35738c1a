package uk.gov.send.rep.hub.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.mutation.FieldError;
import uk.gov.send.rep.hub.mutation.FieldErrors;
import uk.gov.send.rep.hub.mutation.Writers;
import uk.gov.send.rep.hub.mutation.Writes;
import uk.gov.send.rep.hub.mutation.Writes.Invalid;
import uk.gov.send.rep.hub.mutation.Writes.Outcome;
import uk.gov.send.rep.hub.mutation.Writes.Written;
import uk.gov.send.rep.hub.outcome.OutcomeWrites.Subject;
import uk.gov.send.rep.hub.period.InvalidPeriodException;
import uk.gov.send.rep.hub.period.Period;
import uk.gov.send.rep.hub.period.PeriodInput;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.Scope;

/**
 * {@code recordObservation} (ADR 0017): one measure's value for one child, setting or local area
 * in one period, checked against the measure (level, period type, value kind and unit) and the
 * caller's scope. {@code NATIONAL} may record any observation; a partnership lead or a local area
 * only children's, of children living in its scope's areas. Recording a key again replaces the
 * observation (a correction). After a child's observation is written, the per-area summaries of
 * that measure in the child's area are refreshed ({@link ObservationSummaries}).
 */
@Controller
class ObservationMutationController {

    /** A measure's period type, and the kind of period (and identifier, for JANUARY) it takes. */
    private static final Map<String, Period.Kind> PERIOD_KINDS = Map.of("TERM", Period.Kind.TERM, "ACADEMIC_YEAR",
        Period.Kind.ACADEMIC_YEAR, "FINANCIAL_YEAR", Period.Kind.FINANCIAL_YEAR, "CALENDAR_YEAR",
        Period.Kind.CALENDAR_YEAR, "JANUARY", Period.Kind.MONTH);

    /** Units whose values can be negative (a balance, a progress score). */
    private static final List<String> SIGNED_UNITS = List.of("GBP", "SCORE");

    /** How far a given value may be from 100 × numerator / denominator. */
    private static final double TOLERANCE = 1e-6;

    private final Writes writes;
    private final GraphReader reader;
    private final ObservationSummaries summaries;

    ObservationMutationController(Writes writes, GraphReader reader, ObservationSummaries summaries) {
        this.writes = writes;
        this.reader = reader;
        this.summaries = summaries;
    }

    /** The recordObservation input. */
    record RecordObservationInput(String measure, String child, String setting, String area, PeriodInput period,
            Double value, Double numerator, Double denominator) {
    }

    @MutationMapping
    ObservationPayload recordObservation(@Argument RecordObservationInput input, @Argument String idempotencyKey,
            DataFetchingEnvironment env) {
        Scope scope = Scope.of(env.getGraphQlContext());
        AtomicReference<String> childArea = new AtomicReference<>();
        Outcome outcome = writes.run(env, idempotencyKey, tx -> {
            FieldErrors errors = new FieldErrors();
            List<Subject> given = new ArrayList<>();
            for (Subject subject : Subject.values()) {
                if (subjectKey(input, subject) != null) {
                    given.add(subject);
                }
            }
            if (given.size() != 1) {
                return new Invalid(errors.add(given.isEmpty() ? FieldError.REQUIRED : FieldError.DUPLICATE,
                    "Give exactly one subject: child, setting or area", "input",
                    given.isEmpty() ? "child" : given.get(1).field).list());
            }
            Subject subject = given.getFirst();
            String subjectKey = subjectKey(input, subject);
            OutcomeWrites.Lookup graph = OutcomeWrites.lookup(tx, input.measure(), subject, subjectKey);
            if (!graph.measureExists()) {
                errors.add(FieldError.UNKNOWN_CODE, "No measure has the code '" + input.measure() + "'", "input", "measure");
            }
            else if (!subject.level.equals(graph.level())) {
                errors.add(FieldError.LEVEL_MISMATCH, "Measure " + input.measure() + " is measured for each "
                    + graph.level().toLowerCase() + ", not each " + subject.field, "input", subject.field);
            }
            if (subject == Subject.CHILD) {
                Writers.checkChild(errors, scope, subjectKey, graph.subjectExists(), graph.area(), "input", "child");
            }
            else if (!scope.unrestricted()) {
                errors.add(FieldError.FORBIDDEN_SCOPE, "Only NATIONAL may record observations of settings and areas",
                    "input", subject.field);
            }
            else if (!graph.subjectExists()) {
                errors.add(FieldError.UNKNOWN_CODE, "No " + subject.field + " has the code '" + subjectKey + "'",
                    "input", subject.field);
            }
            Period period = period(errors, input.period(), graph);
            Double value = value(errors, input, graph);
            Outcome invalid = Writes.invalid(errors);
            if (invalid != null) {
                return invalid;
            }
            String key = OutcomeWrites.key(input.measure(), subject, subjectKey, period.timePeriod(),
                period.timeIdentifier());
            OutcomeWrites.record(tx, key, input.measure(), subject, subjectKey, period.timePeriod(),
                period.timeIdentifier(), period.start(), value, input.numerator(), input.denominator());
            childArea.set(subject == Subject.CHILD ? graph.area() : null);
            return Writes.written(key);
        });
        if (outcome instanceof Written written && !written.replayed() && childArea.get() != null) {
            summaries.refresh(input.measure(), List.of(childArea.get()));
        }
        return Writes.payload(outcome, key -> reader.find(OutcomeGraph.OBSERVATION, key).orElse(null),
            ObservationPayload::new);
    }

    private static String subjectKey(RecordObservationInput input, Subject subject) {
        return switch (subject) {
            case CHILD -> input.child();
            case SETTING -> input.setting();
            case AREA -> input.area();
        };
    }

    /** The period named, of the kind the measure is reported for. */
    private static Period period(FieldErrors errors, PeriodInput input, OutcomeWrites.Lookup graph) {
        Period period;
        try {
            period = Period.parse(String.valueOf(input.timePeriod()), input.timeIdentifier());
        }
        catch (InvalidPeriodException invalid) {
            errors.add(FieldError.INVALID_FORMAT, invalid.getMessage(), "input", "period");
            return null;
        }
        Period.Kind kind = graph.periodType() == null ? null : PERIOD_KINDS.get(graph.periodType());
        boolean january = !"JANUARY".equals(graph.periodType()) || "January".equals(period.timeIdentifier());
        if (graph.measureExists() && kind != null && (period.kind() != kind || !january)) {
            errors.add(FieldError.LEVEL_MISMATCH, "Measure is reported per " + graph.periodType().toLowerCase()
                .replace('_', ' ') + ", not per " + period.timeIdentifier().toLowerCase(), "input", "period");
        }
        return period;
    }

    /**
     * The value to store: as given, or for a rate 100 × numerator / denominator. Counts, percentages
     * and rates are not negative, a percentage is at most 100, a numerator at most its denominator.
     */
    private static Double value(FieldErrors errors, RecordObservationInput input, OutcomeWrites.Lookup graph) {
        Double value = input.value();
        boolean signed = graph.unit() != null && SIGNED_UNITS.contains(graph.unit());
        nonNegative(errors, input.numerator(), "numerator");
        nonNegative(errors, input.denominator(), "denominator");
        if (!signed) {
            nonNegative(errors, value, "value");
        }
        if ("RATE".equals(graph.valueKind())) {
            boolean both = errors.required(input.numerator(), "input", "numerator")
                & errors.required(input.denominator(), "input", "denominator");
            if (!both || input.numerator() < 0) {
                return value;
            }
            if (input.denominator() <= 0) {
                errors.add(FieldError.OUT_OF_RANGE, "A rate's denominator must be above 0", "input", "denominator");
                return value;
            }
            if (input.numerator() > input.denominator()) {
                errors.add(FieldError.OUT_OF_RANGE, "The numerator (" + input.numerator()
                    + ") cannot exceed the denominator (" + input.denominator() + ")", "input", "numerator");
                return value;
            }
            double rate = 100 * input.numerator() / input.denominator();
            if (value != null && Math.abs(value - rate) > TOLERANCE * Math.max(1, rate)) {
                errors.add(FieldError.OUT_OF_RANGE, "The value (" + value + ") must be 100 × numerator / denominator ("
                    + rate + "), or be left out", "input", "value");
            }
            return rate;
        }
        errors.required(value, "input", "value");
        if (value != null && "PERCENT".equals(graph.unit()) && value > 100) {
            errors.add(FieldError.OUT_OF_RANGE, "A percentage is at most 100, not " + value, "input", "value");
        }
        return value;
    }

    private static void nonNegative(FieldErrors errors, Double number, String field) {
        if (number != null && (number < 0 || number.isNaN())) {
            errors.add(FieldError.OUT_OF_RANGE, "The " + field + " cannot be negative (" + number + ")", "input", field);
        }
    }
}
