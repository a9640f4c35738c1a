package uk.gov.send.rep.hub.seed;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated row: a node with its relationships to nodes written before it. The generator
 * emits rows; a {@link SeedSink} writes, counts or hashes them. Records keep {@code toString}
 * stable, which is what the determinism hash reads.
 */
sealed interface SeedRow {

    /** The kind of row; its order is the order in which kinds must reach the database. */
    enum Kind {
        PILOT, PILOT_AREA, SETTING, CHILD, PLAN, PLACEMENT, COHORT, PILOT_SETTING, CHILD_OBSERVATION,
        AREA_OBSERVATION
    }

    Kind kind();

    /** The row as Cypher parameters, keyed by the names {@link SeedCypher} reads. */
    Map<String, Object> parameters();

    record PilotRow(String code, String name, LocalDate start, LocalDate end, String status, String partnership,
            List<String> reforms) implements SeedRow {

        public Kind kind() {
            return Kind.PILOT;
        }

        public Map<String, Object> parameters() {
            return params("code", code, "name", name, "start", start, "end", end, "status", status,
                "partnership", partnership, "reforms", reforms);
        }
    }

    record PilotAreaRow(String pilot, String area, String arm) implements SeedRow {

        public Kind kind() {
            return Kind.PILOT_AREA;
        }

        public Map<String, Object> parameters() {
            return params("pilot", pilot, "area", area, "arm", arm);
        }
    }

    record SettingRow(String ref, String urn, String ukprn, String laestab, String name, String settingKind,
            String giasTypeCode, String phase, Integer apTier, boolean resourcedProvision, String area)
            implements SeedRow {

        public Kind kind() {
            return Kind.SETTING;
        }

        public Map<String, Object> parameters() {
            return params("ref", ref, "urn", urn, "ukprn", ukprn, "laestab", laestab, "name", name, "kind", settingKind,
                "giasTypeCode", giasTypeCode, "phase", phase, "apTier", apTier,
                "resourcedProvision", resourcedProvision, "area", area);
        }
    }

    record ChildRow(String ref, int birthYear, String sex, String yearGroup, String senProvision,
            String primaryNeed, String secondaryNeed, String area) implements SeedRow {

        public Kind kind() {
            return Kind.CHILD;
        }

        public Map<String, Object> parameters() {
            return params("ref", ref, "birthYear", birthYear, "sex", sex, "yearGroup", yearGroup,
                "senProvision", senProvision, "primaryNeed", primaryNeed, "secondaryNeed", secondaryNeed,
                "area", area);
        }
    }

    record PlanRow(String ref, String child, String area, LocalDate requested, String decision, LocalDate decided,
            LocalDate issued, Double weeksToIssue, boolean exceptionsApply, String template, boolean digital,
            String status, LocalDate ceased, String ceaseReason) implements SeedRow {

        public Kind kind() {
            return Kind.PLAN;
        }

        public Map<String, Object> parameters() {
            return params("ref", ref, "child", child, "area", area, "requested", requested, "decision", decision,
                "decided", decided, "issued", issued, "weeksToIssue", weeksToIssue,
                "exceptionsApply", exceptionsApply, "template", template, "digital", digital, "status", status,
                "ceased", ceased, "ceaseReason", ceaseReason);
        }
    }

    /** A placement; {@code to} is the last day, null while current. */
    record PlacementRow(String child, String setting, LocalDate from, LocalDate to) implements SeedRow {

        public Kind kind() {
            return Kind.PLACEMENT;
        }

        public Map<String, Object> parameters() {
            return params("child", child, "setting", setting, "from", from, "to", to);
        }
    }

    record CohortRow(String child, String pilot, String arm, LocalDate enrolled, LocalDate left)
            implements SeedRow {

        public Kind kind() {
            return Kind.COHORT;
        }

        public Map<String, Object> parameters() {
            return params("child", child, "pilot", pilot, "arm", arm, "enrolled", enrolled, "left", left);
        }
    }

    record PilotSettingRow(String pilot, String setting) implements SeedRow {

        public Kind kind() {
            return Kind.PILOT_SETTING;
        }

        public Map<String, Object> parameters() {
            return params("pilot", pilot, "setting", setting);
        }
    }

    /** An observation of a child ({@code subject} a child ref) or of a local area (an ONS code). */
    record ObservationRow(Kind kind, String key, String measure, String subject, int timePeriod,
            String timeIdentifier, LocalDate periodStart, Double value, Double numerator, Double denominator,
            String status) implements SeedRow {

        public ObservationRow {
            if (kind != Kind.CHILD_OBSERVATION && kind != Kind.AREA_OBSERVATION) {
                throw new IllegalArgumentException("Not an observation kind: " + kind);
            }
        }

        static ObservationRow of(Kind kind, String measure, String subject, Period period, Double value,
                Double numerator, Double denominator, String status) {
            String label = kind == Kind.CHILD_OBSERVATION ? "Child" : "LocalArea";
            String key = measure + "|" + label + "|" + subject + "|" + period.timePeriod() + "|"
                + period.timeIdentifier();
            return new ObservationRow(kind, key, measure, subject, period.timePeriod(), period.timeIdentifier(),
                period.start(), value, numerator, denominator, status);
        }

        public Map<String, Object> parameters() {
            return params("key", key, "measure", measure, "subject", subject, "timePeriod", timePeriod,
                "timeIdentifier", timeIdentifier, "periodStart", periodStart, "value", value,
                "numerator", numerator, "denominator", denominator, "status", status);
        }
    }

    /** A map that, unlike {@code Map.of}, takes null values (absent properties). */
    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>(keysAndValues.length);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
