package uk.gov.send.rep.hub.pilot;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
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
 * {@code createPilot} and {@code updatePilot} (ADR 0017). Only {@code NATIONAL} (any pilot) and a
 * partnership lead (its own partnership's pilots) may write pilots. Intervention areas must be
 * members of the running partnership; comparison areas may be anywhere but not in both arms.
 */
@Controller
class PilotMutationController {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
    private static final int MAX_NAME = 200;

    private final Writes writes;
    private final GraphReader reader;

    PilotMutationController(Writes writes, GraphReader reader) {
        this.writes = writes;
        this.reader = reader;
    }

    /** The createPilot input. */
    record CreatePilotInput(String code, String name, String partnership, List<String> reforms,
            List<String> interventionAreas, List<String> comparisonAreas, List<String> settings, LocalDate start,
            LocalDate end, String status) {

        PilotWrites.Fields fields() {
            return new PilotWrites.Fields(code, name, reforms, interventionAreas, comparisonAreas, settings, start, end,
                status);
        }
    }

    /** The updatePilot input: null fields stay as they are. */
    record UpdatePilotInput(String code, String name, List<String> reforms, List<String> interventionAreas,
            List<String> comparisonAreas, List<String> settings, LocalDate start, LocalDate end, String status) {

        PilotWrites.Fields fields() {
            return new PilotWrites.Fields(code, name, reforms, interventionAreas, comparisonAreas, settings, start, end,
                status);
        }
    }

    /** The checks of one pilot mutation, given the caller's scope and what the graph holds; they add to {@code errors}. */
    @FunctionalInterface
    private interface Checks {
        void check(Scope scope, PilotWrites.Lookup graph, FieldErrors errors);
    }

    @MutationMapping
    PilotPayload createPilot(@Argument CreatePilotInput input, @Argument String idempotencyKey,
            DataFetchingEnvironment env) {
        PilotWrites.Fields fields = input.fields();
        return write(env, idempotencyKey, fields, input.partnership(), (scope, graph, errors) -> {
            if (errors.required(input.code(), "input", "code")) {
                if (!CODE.matcher(input.code()).matches()) {
                    errors.add(FieldError.INVALID_FORMAT, "A pilot code has 2 to 40 capital letters, digits and hyphens",
                        "input", "code");
                }
                else if (graph.exists()) {
                    errors.add(FieldError.DUPLICATE, "A pilot with the code '" + input.code() + "' exists already",
                        "input", "code");
                }
            }
            name(errors, input.name());
            if (errors.required(input.partnership(), "input", "partnership")) {
                if (!graph.partnershipExists()) {
                    errors.add(FieldError.UNKNOWN_CODE, "No partnership has the code '" + input.partnership() + "'",
                        "input", "partnership");
                }
                else if (!ownPartnership(scope, input.partnership())) {
                    errors.add(FieldError.FORBIDDEN_SCOPE, "A lead of " + scope.partnership()
                        + " may create pilots of that partnership only", "input", "partnership");
                }
            }
            links(errors, fields, graph, true);
            dates(errors, input.start(), input.end(), "end");
        }, tx -> PilotWrites.create(tx, input.partnership(), fields));
    }

    @MutationMapping
    PilotPayload updatePilot(@Argument UpdatePilotInput input, @Argument String idempotencyKey,
            DataFetchingEnvironment env) {
        PilotWrites.Fields fields = input.fields();
        return write(env, idempotencyKey, fields, null, (scope, graph, errors) -> {
            if (!graph.exists()) {
                errors.add(FieldError.NOT_FOUND, "No pilot has the code '" + input.code() + "'", "input", "code");
                return;
            }
            if (!ownPartnership(scope, graph.runner())) {
                errors.add(FieldError.FORBIDDEN_SCOPE, "Pilot '" + input.code() + "' is run by " + graph.runner()
                    + "; a lead of " + scope.partnership() + " may change its own pilots only", "input", "code");
                return;
            }
            if (input.name() != null) {
                name(errors, input.name());
            }
            links(errors, fields, graph, false);
            LocalDate start = input.start() != null ? input.start() : graph.start();
            LocalDate end = input.end() != null ? input.end() : graph.end();
            dates(errors, start, end, input.end() != null || input.start() == null ? "end" : "start");
        }, tx -> PilotWrites.update(tx, fields));
    }

    /**
     * Runs one pilot mutation: only NATIONAL and a partnership lead may write pilots; the input's
     * codes are looked up in one statement, checked, and written when nothing is wrong.
     */
    private PilotPayload write(DataFetchingEnvironment env, String idempotencyKey, PilotWrites.Fields fields,
            String partnership, Checks checks, Consumer<Writes.Transaction> write) {
        Scope scope = Scope.of(env.getGraphQlContext());
        Writers.requireRole(scope, env.getField().getName(), Scope.NATIONAL, Writers.PARTNERSHIP_LEAD);
        return payload(writes.run(env, idempotencyKey, tx -> {
            FieldErrors errors = new FieldErrors();
            checks.check(scope, PilotWrites.lookup(tx, fields.code(), partnership, fields), errors);
            Outcome invalid = Writes.invalid(errors);
            if (invalid != null) {
                return invalid;
            }
            write.accept(tx);
            return Writes.written(fields.code());
        }));
    }

    private PilotPayload payload(Outcome outcome) {
        return Writes.payload(outcome, code -> reader.find(PilotGraph.PILOT, code).orElse(null), PilotPayload::new);
    }

    private static boolean ownPartnership(Scope scope, String partnership) {
        return Scope.NATIONAL.equals(scope.role()) || scope.partnership() != null
            && scope.partnership().equals(partnership);
    }

    private static void name(FieldErrors errors, String name) {
        if (errors.required(name, "input", "name") && name.length() > MAX_NAME) {
            errors.add(FieldError.OUT_OF_RANGE, "A name has at most " + MAX_NAME + " characters", "input", "name");
        }
    }

    /**
     * Reforms, areas by arm and settings: those given must exist, intervention areas be members of
     * the partnership, and no area be in both arms (the arm not given keeps its current areas).
     */
    private static void links(FieldErrors errors, PilotWrites.Fields fields, PilotWrites.Lookup graph, boolean create) {
        if (create || fields.reforms() != null) {
            if (errors.required(fields.reforms(), "input", "reforms")) {
                errors.eachKnown(fields.reforms(), graph.reforms(), "reform", "input", "reforms");
            }
        }
        List<String> intervention = fields.intervention() != null ? fields.intervention() : graph.intervention();
        if (create || fields.intervention() != null) {
            if (errors.required(fields.intervention(), "input", "interventionAreas")) {
                errors.eachKnown(fields.intervention(), graph.areas(), "local area", "input", "interventionAreas");
                for (int i = 0; i < intervention.size(); i++) {
                    String area = intervention.get(i);
                    if (graph.areas().contains(area) && !graph.members().contains(area)) {
                        errors.add(FieldError.ARM_MISMATCH, "Local area '" + area + "' is not a member of the pilot's "
                            + "partnership, so it cannot be an intervention area", "input", "interventionAreas", i);
                    }
                }
            }
        }
        List<String> comparison = fields.comparison() != null ? fields.comparison() : graph.comparison();
        if (fields.comparison() != null) {
            errors.eachKnown(fields.comparison(), graph.areas(), "local area", "input", "comparisonAreas");
        }
        Set<String> both = new HashSet<>(intervention);
        both.retainAll(comparison);
        String field = fields.comparison() != null ? "comparisonAreas" : "interventionAreas";
        List<String> named = fields.comparison() != null ? comparison : intervention;
        for (int i = 0; i < named.size(); i++) {
            // An intervention area outside the partnership is reported once, as such.
            if (both.contains(named.get(i)) && (fields.comparison() != null || graph.members().contains(named.get(i)))) {
                errors.add(FieldError.ARM_MISMATCH, "Local area '" + named.get(i) + "' cannot be in both arms",
                    "input", field, i);
            }
        }
        if (fields.settings() != null) {
            errors.eachKnown(fields.settings(), graph.settings(), "setting", "input", "settings");
        }
    }

    private static void dates(FieldErrors errors, LocalDate start, LocalDate end, String field) {
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(FieldError.DATE_ORDER, "The end (" + end + ") must be after the start (" + start + ")",
                "input", field);
        }
    }
}
