package uk.gov.send.rep.hub.pilot;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.gov.send.rep.hub.area.AreaGraph;
import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.child.Child;
import uk.gov.send.rep.hub.child.ChildGraph;
import uk.gov.send.rep.hub.partnership.Partnership;
import uk.gov.send.rep.hub.partnership.PartnershipGraph;
import uk.gov.send.rep.hub.pilot.PilotEdges.AreaPilotEdge;
import uk.gov.send.rep.hub.pilot.PilotEdges.CohortEdge;
import uk.gov.send.rep.hub.pilot.PilotEdges.CohortMembership;
import uk.gov.send.rep.hub.pilot.PilotEdges.PilotAreaEdge;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.Field;
import uk.gov.send.rep.hub.query.NodeType;
import uk.gov.send.rep.hub.query.Relation;
import uk.gov.send.rep.hub.query.Relations;
import uk.gov.send.rep.hub.query.GroupKey;
import uk.gov.send.rep.hub.query.GroupKeys;
import uk.gov.send.rep.hub.reform.Reform;
import uk.gov.send.rep.hub.reform.ReformGraph;
import uk.gov.send.rep.hub.setting.Setting;
import uk.gov.send.rep.hub.setting.SettingGraph;

import static uk.gov.send.rep.hub.query.Field.string;
import static uk.gov.send.rep.hub.query.Field.enumeration;
import static uk.gov.send.rep.hub.query.Props.date;
import static uk.gov.send.rep.hub.query.Props.str;

/** How pilots are stored and linked to partnerships, reforms, areas, settings and cohorts. */
@Configuration(proxyBeanMethods = false)
public class PilotGraph {

    public static final NodeType<Pilot> PILOT = new NodeType<>("Pilot", "Pilot", "code",
        p -> new Pilot(str(p, "code"), str(p, "name"), date(p, "start"), date(p, "end"), str(p, "status")),
        List.of(string("code"), string("name"), Field.date("start"), Field.date("end"), enumeration("status")));

    static final Relation<Pilot, Partnership, Edge<Partnership>> PARTNERSHIP =
        Relation.plain("Pilot.partnership", PILOT, "RUNS", false, PartnershipGraph.PARTNERSHIP).atMostOne();

    static final Relation<Partnership, Pilot, Edge<Pilot>> PARTNERSHIP_PILOTS =
        Relation.plain("Partnership.pilots", PartnershipGraph.PARTNERSHIP, "RUNS", true, PILOT);

    static final Relation<Pilot, Reform, Edge<Reform>> REFORMS =
        Relation.plain("Pilot.reforms", PILOT, "TESTS", true, ReformGraph.REFORM);

    static final Relation<Reform, Pilot, Edge<Pilot>> REFORM_PILOTS =
        Relation.plain("Reform.pilots", ReformGraph.REFORM, "TESTS", false, PILOT);

    static final Relation<Pilot, LocalArea, PilotAreaEdge> AREAS = new Relation<>("Pilot.areas", PILOT, "IN_AREA",
        true, AreaGraph.LOCAL_AREA, (cursor, area, rel) -> new PilotAreaEdge(cursor, area, str(rel, "arm"))).withEdgeFields(Field.enumeration("arm"));

    static final Relation<LocalArea, Pilot, AreaPilotEdge> AREA_PILOTS = new Relation<>("LocalArea.pilots",
        AreaGraph.LOCAL_AREA, "IN_AREA", false, PILOT,
        (cursor, pilot, rel) -> new AreaPilotEdge(cursor, pilot, str(rel, "arm")))
        .withEdgeFields(Field.enumeration("arm"));

    static final Relation<Pilot, Setting, Edge<Setting>> SETTINGS =
        Relation.plain("Pilot.settings", PILOT, "INVOLVES", true, SettingGraph.SETTING);

    static final Relation<Setting, Pilot, Edge<Pilot>> SETTING_PILOTS =
        Relation.plain("Setting.pilots", SettingGraph.SETTING, "INVOLVES", false, PILOT);

    static final Relation<Pilot, Child, CohortEdge> COHORT = new Relation<>("Pilot.cohort", PILOT, "IN_COHORT",
        false, ChildGraph.CHILD,
        (cursor, child, rel) -> new CohortEdge(cursor, child, str(rel, "arm"), date(rel, "enrolled"), date(rel, "left")))
        .withEdgeFields(Field.enumeration("arm"), Field.date("enrolled"), Field.date("left"));

    static final Relation<Child, Pilot, CohortMembership> CHILD_COHORTS = new Relation<>("Child.cohorts",
        ChildGraph.CHILD, "IN_COHORT", true, PILOT,
        (cursor, pilot, rel) -> new CohortMembership(cursor, pilot, str(rel, "arm"), date(rel, "enrolled"), date(rel, "left")))
        .withEdgeFields(Field.enumeration("arm"), Field.date("enrolled"), Field.date("left"));

    @Bean
    NodeType<Pilot> pilotNodeType() {
        return PILOT;
    }

    /** The relationship fields this feature declares, for {@code where} filters that follow them. */
    @Bean
    Relations pilotRelations() {
        return Relations.of(PARTNERSHIP, PARTNERSHIP_PILOTS, REFORMS, REFORM_PILOTS, AREAS, AREA_PILOTS, SETTINGS, SETTING_PILOTS, COHORT, CHILD_COHORTS);
    }

    /** Group keys across this feature's to-one relationships, for {@code groupBy}. */
    @Bean
    GroupKeys pilotGroupKeys() {
        return GroupKeys.of(PILOT,
            GroupKey.via("partnershipCode", PARTNERSHIP, "code"));
    }
}
