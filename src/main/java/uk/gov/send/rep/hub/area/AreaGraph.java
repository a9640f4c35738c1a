package uk.gov.send.rep.hub.area;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.Field;
import uk.gov.send.rep.hub.query.NodeType;
import uk.gov.send.rep.hub.query.Relation;
import uk.gov.send.rep.hub.query.Relations;
import uk.gov.send.rep.hub.query.GroupKey;
import uk.gov.send.rep.hub.query.GroupKeys;

import static uk.gov.send.rep.hub.query.Field.string;
import static uk.gov.send.rep.hub.query.Props.str;

/** How regions and local areas are stored, and the relationships between them. */
@Configuration(proxyBeanMethods = false)
public class AreaGraph {

    public static final NodeType<Region> REGION = new NodeType<>("Region", "Region", "code",
        p -> new Region(str(p, "code"), str(p, "name")),
        List.of(string("code"), string("name")));

    public static final NodeType<LocalArea> LOCAL_AREA = new NodeType<>("LocalArea", "LocalArea", "code",
        p -> new LocalArea(str(p, "code"), str(p, "dfeCode"), str(p, "name")),
        List.of(string("code"), string("dfeCode"), string("name")));

    static final Relation<Region, LocalArea, Edge<LocalArea>> REGION_AREAS =
        Relation.plain("Region.localAreas", REGION, "IN_REGION", false, LOCAL_AREA);

    static final Relation<LocalArea, Region, Edge<Region>> AREA_REGION =
        Relation.plain("LocalArea.region", LOCAL_AREA, "IN_REGION", true, REGION).atMostOne();

    @Bean
    NodeType<Region> regionNodeType() {
        return REGION;
    }

    @Bean
    NodeType<LocalArea> localAreaNodeType() {
        return LOCAL_AREA;
    }

    /** The relationship fields this feature declares, for {@code where} filters that follow them. */
    @Bean
    Relations areaRelations() {
        return Relations.of(REGION_AREAS, AREA_REGION);
    }

    /** Group keys across this feature's to-one relationships, for {@code groupBy}. */
    @Bean
    GroupKeys areaGroupKeys() {
        return GroupKeys.of(LOCAL_AREA,
            GroupKey.via("regionCode", AREA_REGION, "code"));
    }
}
