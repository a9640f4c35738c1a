package uk.gov.send.rep.hub.outcome;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.query.Connection;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.GraphReader;

/** Measure catalogue queries. */
@Controller
class MeasureController {

    private final GraphReader reader;

    MeasureController(GraphReader reader) {
        this.reader = reader;
    }

    @QueryMapping
    Connection<Edge<Measure>> measures(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return reader.page(env, OutcomeGraph.MEASURE, first, after);
    }

    @QueryMapping
    Measure measure(@Argument String code, DataFetchingEnvironment env) {
        return reader.find(env, OutcomeGraph.MEASURE, code).orElse(null);
    }
}
