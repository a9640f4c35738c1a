package uk.gov.send.rep.hub.area;

import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.query.Connection;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.RelatedLoader;

@Controller
class RegionController {

    private final GraphReader reader;
    private final RelatedLoader related;

    RegionController(GraphReader reader, RelatedLoader related) {
        this.reader = reader;
        this.related = related;
    }

    @QueryMapping
    Connection<Edge<Region>> regions(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return reader.page(env, AreaGraph.REGION, first, after);
    }

    @QueryMapping
    Region region(@Argument String code, DataFetchingEnvironment env) {
        return reader.find(env, AreaGraph.REGION, code).orElse(null);
    }

    @SchemaMapping
    CompletableFuture<Connection<Edge<LocalArea>>> localAreas(Region region, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return related.connection(env, AreaGraph.REGION_AREAS, region.code(), first, after);
    }
}
