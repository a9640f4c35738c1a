package uk.gov.send.rep.hub.child;

import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.query.Connection;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.RelatedLoader;
import uk.gov.send.rep.hub.setting.Setting;

/** Child queries and fields, and the children of an area and of a setting. */
@Controller
class ChildController {

    private final GraphReader reader;
    private final RelatedLoader related;

    ChildController(GraphReader reader, RelatedLoader related) {
        this.reader = reader;
        this.related = related;
    }

    @QueryMapping
    Connection<Edge<Child>> children(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return reader.page(env, ChildGraph.CHILD, first, after);
    }

    @QueryMapping
    Child child(@Argument String ref, DataFetchingEnvironment env) {
        return reader.find(env, ChildGraph.CHILD, ref).orElse(null);
    }

    @SchemaMapping
    CompletableFuture<LocalArea> area(Child child, DataFetchingEnvironment env) {
        return related.one(env, ChildGraph.AREA, child.ref());
    }

    @SchemaMapping
    CompletableFuture<Connection<PlacementEdge>> placements(Child child, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return related.connection(env, ChildGraph.PLACEMENTS, child.ref(), first, after);
    }

    @SchemaMapping(typeName = "LocalArea")
    CompletableFuture<Connection<Edge<Child>>> children(LocalArea area, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return related.connection(env, ChildGraph.AREA_CHILDREN, area.code(), first, after);
    }

    @SchemaMapping(typeName = "Setting", field = "placements")
    CompletableFuture<Connection<PlacedChildEdge>> settingPlacements(Setting setting, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return related.connection(env, ChildGraph.SETTING_PLACEMENTS, setting.ref(), first, after);
    }
}
