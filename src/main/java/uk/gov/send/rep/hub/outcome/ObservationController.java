package uk.gov.send.rep.hub.outcome;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.child.Child;
import uk.gov.send.rep.hub.query.Connection;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.RelatedLoader;
import uk.gov.send.rep.hub.setting.Setting;

/** Observation fields, and the observations of children, settings and areas. */
@Controller
class ObservationController {

    private final GraphReader reader;
    private final RelatedLoader related;

    ObservationController(GraphReader reader, RelatedLoader related) {
        this.reader = reader;
        this.related = related;
    }

    /** The measures of a page of observations, in one statement. */
    @BatchMapping
    Map<Observation, Measure> measure(List<Observation> observations) {
        Map<Object, Measure> measures = reader.findAll(OutcomeGraph.MEASURE,
            observations.stream().map(Observation::measureCode).distinct().toList());
        return observations.stream().collect(java.util.stream.Collectors.toMap(o -> o, o -> measures.get(o.measureCode()),
            (a, b) -> a));
    }

    @SchemaMapping(typeName = "Child", field = "observations")
    CompletableFuture<Connection<Edge<Observation>>> childObservations(Child child, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return related.connection(env, OutcomeGraph.CHILD_OBSERVATIONS, child.ref(), first, after);
    }

    @SchemaMapping(typeName = "Setting", field = "observations")
    CompletableFuture<Connection<Edge<Observation>>> settingObservations(Setting setting, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return related.connection(env, OutcomeGraph.SETTING_OBSERVATIONS, setting.ref(), first, after);
    }

    @SchemaMapping(typeName = "LocalArea", field = "observations")
    CompletableFuture<Connection<Edge<Observation>>> areaObservations(LocalArea area, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return related.connection(env, OutcomeGraph.AREA_OBSERVATIONS, area.code(), first, after);
    }
}
