package uk.gov.send.rep.hub.partnership;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.area.Region;
import uk.gov.send.rep.hub.query.Connection;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.RelatedLoader;

/**
 * Partnership queries and fields, and {@code LocalArea.partnership}: a relationship field is
 * mapped by the feature that owns the relationship, so feature dependencies stay acyclic
 * (docs/adr/0003-relationship-fields-live-with-the-owning-feature.md).
 */
@Controller
class PartnershipController {

    private final GraphReader reader;
    private final RelatedLoader related;

    PartnershipController(GraphReader reader, RelatedLoader related) {
        this.reader = reader;
        this.related = related;
    }

    @QueryMapping
    Connection<Edge<Partnership>> partnerships(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return reader.page(env, PartnershipGraph.PARTNERSHIP, first, after);
    }

    @QueryMapping
    Partnership partnership(@Argument String code, DataFetchingEnvironment env) {
        return reader.find(env, PartnershipGraph.PARTNERSHIP, code).orElse(null);
    }

    @SchemaMapping
    CompletableFuture<Region> region(Partnership partnership, DataFetchingEnvironment env) {
        return related.one(env, PartnershipGraph.REGION, partnership.code());
    }

    @SchemaMapping
    CompletableFuture<Connection<MemberEdge>> members(Partnership partnership, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return related.connection(env, PartnershipGraph.MEMBERS, partnership.code(), first, after);
    }

    /** The lead and joint-lead areas, a short list. */
    @SchemaMapping
    CompletableFuture<List<LocalArea>> leads(Partnership partnership, DataFetchingEnvironment env) {
        return related.edges(env, PartnershipGraph.MEMBERS, partnership.code())
            .thenApply(edges -> edges.stream().filter(e -> !"MEMBER".equals(e.role())).map(MemberEdge::node).toList());
    }

    @SchemaMapping(typeName = "LocalArea")
    CompletableFuture<PartnershipMembership> partnership(LocalArea area, DataFetchingEnvironment env) {
        return related.edges(env, PartnershipGraph.MEMBERSHIP, area.code())
            .thenApply(memberships -> memberships.isEmpty() ? null : memberships.getFirst());
    }
}
