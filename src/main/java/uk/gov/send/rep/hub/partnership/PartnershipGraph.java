package uk.gov.send.rep.hub.partnership;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.gov.send.rep.hub.area.AreaGraph;
import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.area.Region;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.Field;
import uk.gov.send.rep.hub.query.NodeType;
import uk.gov.send.rep.hub.query.Relation;
import uk.gov.send.rep.hub.query.Relations;
import uk.gov.send.rep.hub.query.GroupKey;
import uk.gov.send.rep.hub.query.GroupKeys;

import static uk.gov.send.rep.hub.query.Field.string;
import static uk.gov.send.rep.hub.query.Props.str;

/** How partnerships are stored and linked to regions and member areas. */
@Configuration(proxyBeanMethods = false)
public class PartnershipGraph {

    public static final NodeType<Partnership> PARTNERSHIP = new NodeType<>("Partnership", "Partnership", "code",
        p -> new Partnership(str(p, "code"), str(p, "name")),
        List.of(string("code"), string("name")));

    static final Relation<Partnership, Region, Edge<Region>> REGION =
        Relation.plain("Partnership.region", PARTNERSHIP, "IN_REGION", true, AreaGraph.REGION).atMostOne();

    static final Relation<Partnership, LocalArea, MemberEdge> MEMBERS = new Relation<>("Partnership.members",
        PARTNERSHIP, "MEMBER_OF", false, AreaGraph.LOCAL_AREA,
        (cursor, area, rel) -> new MemberEdge(cursor, area, str(rel, "role"))).withEdgeFields(Field.enumeration("role"));

    static final Relation<LocalArea, Partnership, PartnershipMembership> MEMBERSHIP = new Relation<>(
        "LocalArea.partnership", AreaGraph.LOCAL_AREA, "MEMBER_OF", true, PARTNERSHIP,
        (cursor, partnership, rel) -> new PartnershipMembership(partnership, str(rel, "role")))
        .withEdgeFields(Field.enumeration("role"));

    @Bean
    NodeType<Partnership> partnershipNodeType() {
        return PARTNERSHIP;
    }

    /** The relationship fields this feature declares, for {@code where} filters that follow them. */
    @Bean
    Relations partnershipRelations() {
        return Relations.of(REGION, MEMBERS, MEMBERSHIP);
    }

    /** Group keys across this feature's to-one relationships, for {@code groupBy}. */
    @Bean
    GroupKeys partnershipGroupKeys() {
        return GroupKeys.of(PARTNERSHIP,
            GroupKey.via("regionCode", REGION, "code"));
    }
}
