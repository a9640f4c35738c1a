package uk.gov.send.rep.hub.plan;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.gov.send.rep.hub.area.AreaGraph;
import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.child.Child;
import uk.gov.send.rep.hub.child.ChildGraph;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.Field;
import uk.gov.send.rep.hub.query.Guard;
import uk.gov.send.rep.hub.query.NodeType;
import uk.gov.send.rep.hub.query.Relation;
import uk.gov.send.rep.hub.query.Relations;
import uk.gov.send.rep.hub.query.GroupKey;
import uk.gov.send.rep.hub.query.GroupKeys;

import static uk.gov.send.rep.hub.query.Field.string;
import static uk.gov.send.rep.hub.query.Field.number;
import static uk.gov.send.rep.hub.query.Field.enumeration;
import static uk.gov.send.rep.hub.query.Field.bool;
import static uk.gov.send.rep.hub.query.Props.bool;
import static uk.gov.send.rep.hub.query.Props.date;
import static uk.gov.send.rep.hub.query.Props.decimal;
import static uk.gov.send.rep.hub.query.Props.str;

/** How plans are stored and linked to their child and maintaining area. */
@Configuration(proxyBeanMethods = false)
public class PlanGraph {

    public static final NodeType<Plan> PLAN = new NodeType<>("Plan", "Plan", "ref",
        p -> new Plan(str(p, "ref"), str(p, "kind"), date(p, "requested"), str(p, "decision"), date(p, "decided"),
            date(p, "issued"), decimal(p, "weeksToIssue"), Boolean.TRUE.equals(bool(p, "exceptionsApply")),
            str(p, "template"), Boolean.TRUE.equals(bool(p, "digital")), str(p, "status"), date(p, "ceased"),
            str(p, "ceaseReason"), date(p, "reviewed")),
        List.of(string("ref"), string("kind"), Field.date("requested").mandatory(), enumeration("decision"), Field.date("decided"),
            Field.date("issued"), number("weeksToIssue"), bool("exceptionsApply"), enumeration("template"), bool("digital"),
            enumeration("status"), Field.date("ceased"), enumeration("ceaseReason"), Field.date("reviewed")))
        // A plan is the data of the local area that maintains it (ADR 0010).
        .protectedBy(Guard.areas(Guard.out("MAINTAINED_BY", "LocalArea")));

    static final Relation<Plan, Child, Edge<Child>> CHILD =
        Relation.plain("Plan.child", PLAN, "HAS_PLAN", false, ChildGraph.CHILD).atMostOne();

    static final Relation<Plan, LocalArea, Edge<LocalArea>> MAINTAINED_BY =
        Relation.plain("Plan.maintainedBy", PLAN, "MAINTAINED_BY", true, AreaGraph.LOCAL_AREA).atMostOne();

    static final Relation<Child, Plan, Edge<Plan>> CHILD_PLANS =
        Relation.plain("Child.plans", ChildGraph.CHILD, "HAS_PLAN", true, PLAN);

    static final Relation<LocalArea, Plan, Edge<Plan>> AREA_PLANS =
        Relation.plain("LocalArea.plans", AreaGraph.LOCAL_AREA, "MAINTAINED_BY", false, PLAN);

    @Bean
    NodeType<Plan> planNodeType() {
        return PLAN;
    }

    /** The relationship fields this feature declares, for {@code where} filters that follow them. */
    @Bean
    Relations planRelations() {
        return Relations.of(CHILD, MAINTAINED_BY, CHILD_PLANS, AREA_PLANS);
    }

    /** Group keys across this feature's to-one relationships, for {@code groupBy}. */
    @Bean
    GroupKeys planGroupKeys() {
        return GroupKeys.of(PLAN,
            GroupKey.via("maintainedByCode", MAINTAINED_BY, "code"),
            GroupKey.via("childPrimaryNeed", CHILD, "primaryNeed"),
            GroupKey.via("childSenProvision", CHILD, "senProvision"));
    }
}
