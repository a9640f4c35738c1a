package uk.gov.send.rep.hub.search;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import uk.gov.send.rep.hub.area.AreaGraph;
import uk.gov.send.rep.hub.partnership.PartnershipGraph;
import uk.gov.send.rep.hub.pilot.PilotGraph;
import uk.gov.send.rep.hub.query.NodeType;
import uk.gov.send.rep.hub.reform.ReformGraph;
import uk.gov.send.rep.hub.setting.SettingGraph;

/**
 * The kinds of object {@code search} finds (the GraphQL enum {@code SearchType}), each with the
 * declaration that says how it is stored. The {@code name_search} index (migration V004) covers
 * exactly these labels.
 */
enum SearchType {

    SETTING(SettingGraph.SETTING),
    LOCAL_AREA(AreaGraph.LOCAL_AREA),
    PARTNERSHIP(PartnershipGraph.PARTNERSHIP),
    PILOT(PilotGraph.PILOT),
    REFORM(ReformGraph.REFORM);

    private static final Map<String, SearchType> BY_LABEL = Arrays.stream(values())
        .collect(Collectors.toUnmodifiableMap(type -> type.nodeType.label(), Function.identity()));

    private final NodeType<?> nodeType;

    SearchType(NodeType<?> nodeType) {
        this.nodeType = nodeType;
    }

    NodeType<?> nodeType() {
        return nodeType;
    }

    String label() {
        return nodeType.label();
    }

    /** The type of a label the index returned, or null for a label search does not know. */
    static SearchType byLabel(String label) {
        return BY_LABEL.get(label);
    }
}
