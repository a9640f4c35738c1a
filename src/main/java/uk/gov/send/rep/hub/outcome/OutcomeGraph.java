package uk.gov.send.rep.hub.outcome;

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
import uk.gov.send.rep.hub.setting.Setting;
import uk.gov.send.rep.hub.setting.SettingGraph;

import static uk.gov.send.rep.hub.query.Field.string;
import static uk.gov.send.rep.hub.query.Field.number;
import static uk.gov.send.rep.hub.query.Props.date;
import static uk.gov.send.rep.hub.query.Props.decimal;
import static uk.gov.send.rep.hub.query.Props.integer;
import static uk.gov.send.rep.hub.query.Props.str;

/** How measures and observations are stored and linked to their subjects. */
@Configuration(proxyBeanMethods = false)
public class OutcomeGraph {

    public static final NodeType<Measure> MEASURE = new NodeType<>("Measure", "Measure", "code",
        p -> new Measure(str(p, "code"), str(p, "name"), str(p, "unit"), str(p, "polarity"), str(p, "level"),
            str(p, "periodType"), str(p, "definition"), str(p, "source"), str(p, "valueKind")),
        List.of(string("code"), string("name"), string("unit"), string("polarity"), string("level"), string("periodType")));

    public static final NodeType<Observation> OBSERVATION = new NodeType<>("Observation", "Observation", "key",
        p -> new Observation(str(p, "key"), str(p, "measure"), integer(p, "timePeriod"), str(p, "timeIdentifier"),
            date(p, "periodStart"), decimal(p, "value"), decimal(p, "numerator"), decimal(p, "denominator"),
            str(p, "status")),
        List.of(string("key"), new Field("measureCode", "measure", Field.Kind.STRING), number("timePeriod"),
            string("timeIdentifier"), Field.date("periodStart"), number("value"), number("numerator"),
            number("denominator"), string("status")))
        // A child's observation is the data of the child's area of residence; an area's or a
        // setting's is a published statistic (ADR 0010).
        .protectedBy(Guard.areasWhenLinked(Guard.in("OBSERVED", "Child"), Guard.out("RESIDENT_IN", "LocalArea"))
            .linkedWhen(OutcomeGraph::childs));

    /**
     * Whether an observation is a child's, from its key ({@code <measure>|<subject label>|...},
     * docs/model.md), which every read includes; one without a key counts as a child's.
     */
    static boolean childs(java.util.Map<String, Object> observation) {
        String key = str(observation, "key");
        return key == null || key.contains("|Child|");
    }

    static final Relation<Child, Observation, Edge<Observation>> CHILD_OBSERVATIONS =
        Relation.plain("Child.observations", ChildGraph.CHILD, "OBSERVED", true, OBSERVATION);

    static final Relation<Setting, Observation, Edge<Observation>> SETTING_OBSERVATIONS =
        Relation.plain("Setting.observations", SettingGraph.SETTING, "OBSERVED", true, OBSERVATION);

    static final Relation<LocalArea, Observation, Edge<Observation>> AREA_OBSERVATIONS =
        Relation.plain("LocalArea.observations", AreaGraph.LOCAL_AREA, "OBSERVED", true, OBSERVATION);

    @Bean
    NodeType<Measure> measureNodeType() {
        return MEASURE;
    }

    @Bean
    NodeType<Observation> observationNodeType() {
        return OBSERVATION;
    }

    /** The relationship fields this feature declares, for {@code where} filters that follow them. */
    @Bean
    Relations outcomeRelations() {
        return Relations.of(CHILD_OBSERVATIONS, SETTING_OBSERVATIONS, AREA_OBSERVATIONS);
    }
}
