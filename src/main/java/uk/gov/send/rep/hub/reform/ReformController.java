package uk.gov.send.rep.hub.reform;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.query.Connection;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.GraphReader;

/** Reform queries. */
@Controller
class ReformController {

    private final GraphReader reader;

    ReformController(GraphReader reader) {
        this.reader = reader;
    }

    @QueryMapping
    Connection<Edge<Reform>> reforms(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return reader.page(env, ReformGraph.REFORM, first, after);
    }

    @QueryMapping
    Reform reform(@Argument String code, DataFetchingEnvironment env) {
        return reader.find(env, ReformGraph.REFORM, code).orElse(null);
    }
}
