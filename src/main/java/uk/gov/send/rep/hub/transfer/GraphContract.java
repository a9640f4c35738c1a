package uk.gov.send.rep.hub.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an export holds, after docs/model.md: the labels with their natural key, and every
 * relationship type with the label pairs it connects. {@code ObservationSummary} (derived: the
 * restore recomputes it) and {@code Migration} (the schema's history: the restore runs the hub's
 * own migrations) are never exported.
 */
final class GraphContract {

    /** A label and its natural key property. */
    record NodeLabel(String label, String key) {
    }

    /** One (start label)-[type]->(end label) pattern of a relationship type. */
    record Pattern(NodeLabel start, String type, NodeLabel end) {
    }

    static final NodeLabel REGION = new NodeLabel("Region", "code");
    static final NodeLabel LOCAL_AREA = new NodeLabel("LocalArea", "code");
    static final NodeLabel PARTNERSHIP = new NodeLabel("Partnership", "code");
    static final NodeLabel SETTING = new NodeLabel("Setting", "ref");
    static final NodeLabel CHILD = new NodeLabel("Child", "ref");
    static final NodeLabel PLAN = new NodeLabel("Plan", "ref");
    static final NodeLabel REFORM = new NodeLabel("Reform", "code");
    static final NodeLabel PILOT = new NodeLabel("Pilot", "code");
    static final NodeLabel MEASURE = new NodeLabel("Measure", "code");
    static final NodeLabel OBSERVATION = new NodeLabel("Observation", "key");
    static final NodeLabel AUDIT_EVENT = new NodeLabel("AuditEvent", "id");
    static final NodeLabel SEED_RUN = new NodeLabel("SeedRun", "scale");
    static final NodeLabel IMPORT_RUN = new NodeLabel("ImportRun", "id");
    static final NodeLabel IDEMPOTENCY_RECORD = new NodeLabel("IdempotencyRecord", "key");

    /** Exported labels, in the order they are written and restored. */
    static final List<NodeLabel> LABELS = List.of(REGION, LOCAL_AREA, PARTNERSHIP, REFORM, MEASURE, SETTING, PILOT,
        CHILD, PLAN, OBSERVATION, AUDIT_EVENT, SEED_RUN, IMPORT_RUN, IDEMPOTENCY_RECORD);

    /** Labels of the graph that are deliberately not exported. */
    static final Set<String> NOT_EXPORTED = Set.of("ObservationSummary", "Migration");

    /** Every relationship pattern of docs/model.md, grouped by type in this order. */
    static final List<Pattern> PATTERNS = List.of(
        new Pattern(LOCAL_AREA, "IN_REGION", REGION),
        new Pattern(PARTNERSHIP, "IN_REGION", REGION),
        new Pattern(LOCAL_AREA, "MEMBER_OF", PARTNERSHIP),
        new Pattern(SETTING, "IN_AREA", LOCAL_AREA),
        new Pattern(PILOT, "IN_AREA", LOCAL_AREA),
        new Pattern(CHILD, "RESIDENT_IN", LOCAL_AREA),
        new Pattern(CHILD, "PLACED_AT", SETTING),
        new Pattern(CHILD, "HAS_PLAN", PLAN),
        new Pattern(PLAN, "MAINTAINED_BY", LOCAL_AREA),
        new Pattern(PARTNERSHIP, "RUNS", PILOT),
        new Pattern(PILOT, "TESTS", REFORM),
        new Pattern(PILOT, "INVOLVES", SETTING),
        new Pattern(CHILD, "IN_COHORT", PILOT),
        new Pattern(CHILD, "OBSERVED", OBSERVATION),
        new Pattern(SETTING, "OBSERVED", OBSERVATION),
        new Pattern(LOCAL_AREA, "OBSERVED", OBSERVATION));

    private GraphContract() {
    }

    /** The relationship types, each with its patterns, in {@link #PATTERNS} order. */
    static Map<String, List<Pattern>> types() {
        Map<String, List<Pattern>> types = new LinkedHashMap<>();
        for (Pattern pattern : PATTERNS) {
            types.computeIfAbsent(pattern.type(), type -> new java.util.ArrayList<>()).add(pattern);
        }
        return types;
    }

    static Optional<NodeLabel> label(String name) {
        return LABELS.stream().filter(l -> l.label().equals(name)).findFirst();
    }

    static Optional<Pattern> pattern(String start, String type, String end) {
        return PATTERNS.stream()
            .filter(p -> p.start().label().equals(start) && p.type().equals(type) && p.end().label().equals(end))
            .findFirst();
    }
}
