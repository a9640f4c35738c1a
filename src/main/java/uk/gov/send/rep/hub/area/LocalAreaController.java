package uk.gov.send.rep.hub.area;

import java.util.List;
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
class LocalAreaController {

    private final GraphReader reader;
    private final RelatedLoader related;

    LocalAreaController(GraphReader reader, RelatedLoader related) {
        this.reader = reader;
        this.related = related;
    }

    @QueryMapping
    Connection<Edge<LocalArea>> localAreas(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return reader.page(env, AreaGraph.LOCAL_AREA, first, after);
    }

    /** By ONS code, or by DfE code when the code is three digits. */
    @QueryMapping
    LocalArea localArea(@Argument String code, DataFetchingEnvironment env) {
        String property = code.matches("\\d{3}") ? "dfeCode" : "code";
        return reader.findAllBy(env, AreaGraph.LOCAL_AREA, property, List.of(code)).values().stream().findFirst().orElse(null);
    }

    @SchemaMapping
    CompletableFuture<Region> region(LocalArea area, DataFetchingEnvironment env) {
        return related.one(env, AreaGraph.AREA_REGION, area.code());
    }
}
