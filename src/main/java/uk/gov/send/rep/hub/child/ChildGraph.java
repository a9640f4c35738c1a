package uk.gov.send.rep.hub.child;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.gov.send.rep.hub.area.AreaGraph;
import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.Field;
import uk.gov.send.rep.hub.query.Guard;
import uk.gov.send.rep.hub.query.NodeType;
import uk.gov.send.rep.hub.query.Relation;
import uk.gov.send.rep.hub.query.Relations;
import uk.gov.send.rep.hub.query.GroupKey;
import uk.gov.send.rep.hub.query.GroupKeys;
import uk.gov.send.rep.hub.setting.Setting;
import uk.gov.send.rep.hub.setting.SettingGraph;

import static uk.gov.send.rep.hub.query.Field.string;
import static uk.gov.send.rep.hub.query.Field.number;
import static uk.gov.send.rep.hub.query.Field.enumeration;
import static uk.gov.send.rep.hub.query.Props.date;
import static uk.gov.send.rep.hub.query.Props.integer;
import static uk.gov.send.rep.hub.query.Props.str;

/** How children are stored and linked to their area of residence and their placements. */
@Configuration(proxyBeanMethods = false)
public class ChildGraph {

    public static final NodeType<Child> CHILD = new NodeType<>("Child", "Child", "ref",
        p -> new Child(str(p, "ref"), integer(p, "birthYear"), str(p, "sex"), str(p, "yearGroup"),
            str(p, "senProvision"), str(p, "primaryNeed"), str(p, "secondaryNeed")),
        List.of(string("ref"), number("birthYear").mandatory(), string("sex"), string("yearGroup"), enumeration("senProvision"),
            enumeration("primaryNeed"), enumeration("secondaryNeed")))
        // A child is the data of the local area the child lives in (ADR 0010).
        .protectedBy(Guard.areas(Guard.out("RESIDENT_IN", "LocalArea")));

    static final Relation<Child, LocalArea, Edge<LocalArea>> AREA =
        Relation.plain("Child.area", CHILD, "RESIDENT_IN", true, AreaGraph.LOCAL_AREA).atMostOne();

    static final Relation<LocalArea, Child, Edge<Child>> AREA_CHILDREN =
        Relation.plain("LocalArea.children", AreaGraph.LOCAL_AREA, "RESIDENT_IN", false, CHILD);

    static final Relation<Child, Setting, PlacementEdge> PLACEMENTS = new Relation<>("Child.placements", CHILD,
        "PLACED_AT", true, SettingGraph.SETTING,
        (cursor, setting, rel) -> new PlacementEdge(cursor, setting, date(rel, "from"), date(rel, "to")))
        .withEdgeFields(Field.date("from"), Field.date("to"));

    static final Relation<Setting, Child, PlacedChildEdge> SETTING_PLACEMENTS = new Relation<>(
        "Setting.placements", SettingGraph.SETTING, "PLACED_AT", false, CHILD,
        (cursor, child, rel) -> new PlacedChildEdge(cursor, child, date(rel, "from"), date(rel, "to")))
        .withEdgeFields(Field.date("from"), Field.date("to"));

    @Bean
    NodeType<Child> childNodeType() {
        return CHILD;
    }

    /** The relationship fields this feature declares, for {@code where} filters that follow them. */
    @Bean
    Relations childRelations() {
        return Relations.of(AREA, AREA_CHILDREN, PLACEMENTS, SETTING_PLACEMENTS);
    }

    /** Group keys across this feature's to-one relationships, for {@code groupBy}. */
    @Bean
    GroupKeys childGroupKeys() {
        return GroupKeys.of(CHILD,
            GroupKey.via("areaCode", AREA, "code"));
    }
}
