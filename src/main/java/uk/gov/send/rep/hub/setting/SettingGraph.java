package uk.gov.send.rep.hub.setting;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.gov.send.rep.hub.area.AreaGraph;
import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.query.Edge;
import uk.gov.send.rep.hub.query.Field;
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
import static uk.gov.send.rep.hub.query.Props.integer;
import static uk.gov.send.rep.hub.query.Props.str;

/** How settings are stored and linked to their local area. */
@Configuration(proxyBeanMethods = false)
public class SettingGraph {

    public static final NodeType<Setting> SETTING = new NodeType<>("Setting", "Setting", "ref",
        p -> new Setting(str(p, "ref"), str(p, "urn"), str(p, "ukprn"), str(p, "laestab"), str(p, "name"),
            str(p, "kind"), str(p, "giasTypeCode"), str(p, "phase"), integer(p, "apTier"),
            Boolean.TRUE.equals(bool(p, "resourcedProvision"))),
        List.of(string("ref"), string("urn"), string("ukprn"), string("laestab"), string("name"), enumeration("kind"),
            string("giasTypeCode"), enumeration("phase"), number("apTier"), bool("resourcedProvision")));

    static final Relation<Setting, LocalArea, Edge<LocalArea>> AREA =
        Relation.plain("Setting.area", SETTING, "IN_AREA", true, AreaGraph.LOCAL_AREA).atMostOne();

    static final Relation<LocalArea, Setting, Edge<Setting>> AREA_SETTINGS =
        Relation.plain("LocalArea.settings", AreaGraph.LOCAL_AREA, "IN_AREA", false, SETTING);

    @Bean
    NodeType<Setting> settingNodeType() {
        return SETTING;
    }

    /** The relationship fields this feature declares, for {@code where} filters that follow them. */
    @Bean
    Relations settingRelations() {
        return Relations.of(AREA, AREA_SETTINGS);
    }

    /** Group keys across this feature's to-one relationships, for {@code groupBy}. */
    @Bean
    GroupKeys settingGroupKeys() {
        return GroupKeys.of(SETTING,
            GroupKey.via("areaCode", AREA, "code"));
    }
}
