package uk.gov.send.rep.hub.setting;

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

/** Setting queries and fields, and {@code LocalArea.settings}. */
@Controller
class SettingController {

    private final GraphReader reader;
    private final RelatedLoader related;

    SettingController(GraphReader reader, RelatedLoader related) {
        this.reader = reader;
        this.related = related;
    }

    @QueryMapping
    Connection<Edge<Setting>> settings(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return reader.page(env, SettingGraph.SETTING, first, after);
    }

    @QueryMapping
    Setting setting(@Argument String ref, DataFetchingEnvironment env) {
        return reader.find(env, SettingGraph.SETTING, ref).orElse(null);
    }

    @SchemaMapping
    CompletableFuture<LocalArea> area(Setting setting, DataFetchingEnvironment env) {
        return related.one(env, SettingGraph.AREA, setting.ref());
    }

    @SchemaMapping(typeName = "LocalArea")
    CompletableFuture<Connection<Edge<Setting>>> settings(LocalArea area, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return related.connection(env, SettingGraph.AREA_SETTINGS, area.code(), first, after);
    }
}
