package uk.gov.send.rep.hub.pilot;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.child.Child;
import uk.gov.send.rep.hub.partnership.Partnership;
import uk.gov.send.rep.hub.pilot.PilotEdges.AreaPilotEdge;
import uk.gov.send.rep.hub.pilot.PilotEdges.CohortEdge;
import uk.gov.send.rep.hub.pilot.PilotEdges.CohortMembership;
import uk.gov.send.rep.hub.pilot.PilotEdges.PilotAreaEdge;
import uk.gov.send.rep.hub.query.Connection;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.RelatedLoader;
import uk.gov.send.rep.hub.reform.Reform;
import uk.gov.send.rep.hub.setting.Setting;

/** Pilot queries and fields, and the pilots of partnerships, reforms, areas, settings and children. */
@Controller
class PilotController {

    private final GraphReader reader;
    private final RelatedLoader related;

    PilotController(GraphReader reader, RelatedLoader related) {
        this.reader = reader;
        this.related = related;
    }

    @QueryMapping
    Connection<Edge<Pilot>> pilots(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return reader.page(env, PilotGraph.PILOT, first, after);
    }

    @QueryMapping
    Pilot pilot(@Argument String code, DataFetchingEnvironment env) {
        return reader.find(env, PilotGraph.PILOT, code).orElse(null);
    }

    @SchemaMapping
    CompletableFuture<Partnership> partnership(Pilot pilot, DataFetchingEnvironment env) {
        return related.one(env, PilotGraph.PARTNERSHIP, pilot.code());
    }

    @SchemaMapping
    CompletableFuture<List<Reform>> reforms(Pilot pilot, DataFetchingEnvironment env) {
        return related.list(env, PilotGraph.REFORMS, pilot.code());
    }

    @SchemaMapping
    CompletableFuture<Connection<PilotAreaEdge>> areas(Pilot pilot, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return related.connection(env, PilotGraph.AREAS, pilot.code(), first, after);
    }

    @SchemaMapping
    CompletableFuture<Connection<Edge<Setting>>> settings(Pilot pilot, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return related.connection(env, PilotGraph.SETTINGS, pilot.code(), first, after);
    }

    @SchemaMapping
    CompletableFuture<Connection<CohortEdge>> cohort(Pilot pilot, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return related.connection(env, PilotGraph.COHORT, pilot.code(), first, after);
    }

    @SchemaMapping(typeName = "Partnership", field = "pilots")
    CompletableFuture<Connection<Edge<Pilot>>> partnershipPilots(Partnership partnership, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return related.connection(env, PilotGraph.PARTNERSHIP_PILOTS, partnership.code(), first, after);
    }

    @SchemaMapping(typeName = "Reform", field = "pilots")
    CompletableFuture<Connection<Edge<Pilot>>> reformPilots(Reform reform, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return related.connection(env, PilotGraph.REFORM_PILOTS, reform.code(), first, after);
    }

    @SchemaMapping(typeName = "LocalArea", field = "pilots")
    CompletableFuture<Connection<AreaPilotEdge>> areaPilots(LocalArea area, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return related.connection(env, PilotGraph.AREA_PILOTS, area.code(), first, after);
    }

    @SchemaMapping(typeName = "Setting", field = "pilots")
    CompletableFuture<List<Pilot>> settingPilots(Setting setting, DataFetchingEnvironment env) {
        return related.list(env, PilotGraph.SETTING_PILOTS, setting.ref());
    }

    @SchemaMapping(typeName = "Child", field = "cohorts")
    CompletableFuture<List<CohortMembership>> childCohorts(Child child, DataFetchingEnvironment env) {
        return related.edges(env, PilotGraph.CHILD_COHORTS, child.ref());
    }
}
