package uk.gov.send.rep.hub.plan;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.child.Child;
import uk.gov.send.rep.hub.query.Connection;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.RelatedLoader;

/** Plan queries and fields, a child's plans and the plans an area maintains. */
@Controller
class PlanController {

    private final GraphReader reader;
    private final RelatedLoader related;

    PlanController(GraphReader reader, RelatedLoader related) {
        this.reader = reader;
        this.related = related;
    }

    @QueryMapping
    Connection<Edge<Plan>> plans(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return reader.page(env, PlanGraph.PLAN, first, after);
    }

    @QueryMapping
    Plan plan(@Argument String ref, DataFetchingEnvironment env) {
        return reader.find(env, PlanGraph.PLAN, ref).orElse(null);
    }

    @SchemaMapping
    CompletableFuture<Child> child(Plan plan, DataFetchingEnvironment env) {
        return related.one(env, PlanGraph.CHILD, plan.ref());
    }

    @SchemaMapping
    CompletableFuture<LocalArea> maintainedBy(Plan plan, DataFetchingEnvironment env) {
        return related.one(env, PlanGraph.MAINTAINED_BY, plan.ref());
    }

    @SchemaMapping(typeName = "Child")
    CompletableFuture<List<Plan>> plans(Child child, DataFetchingEnvironment env) {
        return related.list(env, PlanGraph.CHILD_PLANS, child.ref());
    }

    @SchemaMapping(typeName = "LocalArea", field = "plans")
    CompletableFuture<Connection<Edge<Plan>>> areaPlans(LocalArea area, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return related.connection(env, PlanGraph.AREA_PLANS, area.code(), first, after);
    }
}
