package uk.gov.send.rep.hub.child;

import java.time.LocalDate;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.mutation.FieldError;
import uk.gov.send.rep.hub.mutation.FieldErrors;
import uk.gov.send.rep.hub.mutation.Writers;
import uk.gov.send.rep.hub.mutation.Writes;
import uk.gov.send.rep.hub.mutation.Writes.Outcome;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.Scope;
import uk.gov.send.rep.hub.setting.Setting;
import uk.gov.send.rep.hub.setting.SettingGraph;

/**
 * {@code recordPlacement} and the {@code Placement} type (ADR 0017). {@code NATIONAL} may place
 * any child; a partnership lead or a local area only children living in its scope's areas (at a
 * setting anywhere). A current placement (no end) ends the child's current placement elsewhere
 * that started before it, on its start date.
 */
@Controller
class PlacementController {

    private final Writes writes;
    private final GraphReader reader;

    PlacementController(Writes writes, GraphReader reader) {
        this.writes = writes;
        this.reader = reader;
    }

    /** The recordPlacement input. */
    record RecordPlacementInput(String child, String setting, LocalDate from, LocalDate to) {
    }

    @MutationMapping
    PlacementPayload recordPlacement(@Argument RecordPlacementInput input, @Argument String idempotencyKey,
            DataFetchingEnvironment env) {
        Scope scope = Scope.of(env.getGraphQlContext());
        Outcome outcome = writes.run(env, idempotencyKey, tx -> {
            ChildWrites.PlacementLookup graph = ChildWrites.placementLookup(tx, input.child(), input.setting(),
                input.from());
            FieldErrors errors = new FieldErrors();
            Writers.checkChild(errors, scope, input.child(), graph.childExists(), graph.area(), "input", "child");
            if (!graph.settingExists()) {
                errors.add(FieldError.UNKNOWN_CODE, "No setting has the ref '" + input.setting() + "'", "input", "setting");
            }
            if (input.to() != null && input.to().isBefore(input.from())) {
                errors.add(FieldError.DATE_ORDER, "The end (" + input.to() + ") cannot be before the start ("
                    + input.from() + ")", "input", "to");
            }
            if (errors.isEmpty() && graph.duplicate()) {
                errors.add(FieldError.DUPLICATE, "Child '" + input.child() + "' has a placement at " + input.setting()
                    + " from " + input.from() + " already", "input", "from");
            }
            Outcome invalid = Writes.invalid(errors);
            if (invalid != null) {
                return invalid;
            }
            ChildWrites.place(tx, input.child(), input.setting(), input.from(), input.to());
            return Writes.written(ChildWrites.placementKey(input.child(), input.setting(), input.from()));
        });
        return Writes.payload(outcome, key -> ChildWrites.placement(writes, env, key), PlacementPayload::new);
    }

    @SchemaMapping
    Child child(Placement placement, DataFetchingEnvironment env) {
        return reader.find(env, ChildGraph.CHILD, placement.childRef()).orElse(null);
    }

    @SchemaMapping
    Setting setting(Placement placement, DataFetchingEnvironment env) {
        return reader.find(env, SettingGraph.SETTING, placement.settingRef()).orElse(null);
    }
}
