package uk.gov.send.rep.hub.seed;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import uk.gov.send.rep.hub.seed.SeedRow.Kind;

/** How many rows of each kind a generation produced: its own account of the graph it makes. */
record SeedCounts(Map<Kind, Long> byKind) {

    SeedCounts {
        byKind = Collections.unmodifiableMap(new EnumMap<>(byKind));
    }

    long of(Kind kind) {
        return byKind.getOrDefault(kind, 0L);
    }

    long children() {
        return of(Kind.CHILD);
    }

    long settings() {
        return of(Kind.SETTING);
    }

    long plans() {
        return of(Kind.PLAN);
    }

    long pilots() {
        return of(Kind.PILOT);
    }

    long observations() {
        return of(Kind.CHILD_OBSERVATION) + of(Kind.AREA_OBSERVATION);
    }

    long total() {
        return byKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The counts as SeedRun properties (a property cannot hold a map): children, settings, ... */
    Map<String, Object> asProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("children", children());
        properties.put("settings", settings());
        properties.put("plans", plans());
        properties.put("placements", of(Kind.PLACEMENT));
        properties.put("pilots", pilots());
        properties.put("cohortMembers", of(Kind.COHORT));
        properties.put("observations", observations());
        properties.put("rows", total());
        return properties;
    }

    /** A sink that counts what passes through it. */
    static final class Counter implements SeedSink {

        private final EnumMap<Kind, Long> counts = new EnumMap<>(Kind.class);

        @Override
        public void accept(SeedRow row) {
            counts.merge(row.kind(), 1L, Long::sum);
        }

        SeedCounts counts() {
            return new SeedCounts(counts);
        }
    }
}
