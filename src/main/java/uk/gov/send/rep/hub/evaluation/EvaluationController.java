package uk.gov.send.rep.hub.evaluation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.evaluation.EvaluationQueries.Window;
import uk.gov.send.rep.hub.period.InvalidPeriodException;
import uk.gov.send.rep.hub.period.Period;
import uk.gov.send.rep.hub.pilot.Pilot;
import uk.gov.send.rep.hub.query.InvalidArgumentException;

/** A pilot's series and effect, and pilots compared (schema/evaluation.graphqls). */
@Controller
class EvaluationController {

    private final Evaluations evaluations;

    EvaluationController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @SchemaMapping(typeName = "Pilot")
    CompletableFuture<OutcomeSeries> series(Pilot pilot, @Argument String measure, @Argument Map<String, Object> from,
            @Argument Map<String, Object> to, DataFetchingEnvironment env) {
        return evaluations.series(env, pilot, measure, Estimates.dates(period("from", from), period("to", to)));
    }

    @SchemaMapping(typeName = "Pilot")
    CompletableFuture<PilotEffect> effect(Pilot pilot, @Argument String measure, @Argument Map<String, Object> baseline,
            @Argument Map<String, Object> followUp, @Argument String method, DataFetchingEnvironment env) {
        return evaluations.effect(env, pilot, measure, window("baseline", baseline), window("followUp", followUp),
            method);
    }

    @QueryMapping
    PilotComparison pilotComparison(@Argument String measure, @Argument String reform, @Argument List<String> pilots,
            @Argument Map<String, Object> baseline, @Argument Map<String, Object> followUp, @Argument String method) {
        return evaluations.compare(measure, reform, pilots, window("baseline", baseline), window("followUp", followUp),
            method);
    }

    /** A window input's dates (null when not given: the pilot's defaults). */
    @SuppressWarnings("unchecked")
    static Window window(String argument, Map<String, Object> input) {
        if (input == null) {
            return null;
        }
        return Estimates.dates(period(argument + ".from", (Map<String, Object>) input.get("from")),
            period(argument + ".to", (Map<String, Object>) input.get("to")));
    }

    /** A period input, or null when not given; a bad one is an argument error naming where. */
    static Period period(String argument, Map<String, Object> input) {
        if (input == null) {
            return null;
        }
        try {
            return Period.parse(String.valueOf(input.get("timePeriod")), (String) input.get("timeIdentifier"));
        }
        catch (InvalidPeriodException invalid) {
            throw new InvalidArgumentException(argument, invalid.getMessage());
        }
    }
}
