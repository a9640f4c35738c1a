package uk.gov.send.rep.hub.outcome;

import java.time.LocalDate;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import uk.gov.send.rep.hub.mutation.Writes;

/**
 * The outcome feature's write Cypher, in one place (ADR 0017): the look-up of what an
 * observation's input names, in one statement, and the write of the observation.
 */
final class OutcomeWrites {

    // %1$s and %2$s: the subject's label and key property, from Subject (never from the input).

    /** The measure, and the subject with the area whose scope covers it (a child's home, a setting's area, the area). */
    private static final String OBSERVATION_LOOKUP = """
        OPTIONAL MATCH (m:Measure {code: $measure})
        OPTIONAL MATCH (subject:%1$s {%2$s: $subjectKey})
        OPTIONAL MATCH (subject)-[:RESIDENT_IN|IN_AREA]->(area:LocalArea)
        RETURN m IS NOT NULL AS measureExists, m.level AS level, m.periodType AS periodType, m.unit AS unit,
            m.valueKind AS valueKind, subject IS NOT NULL AS subjectExists,
            CASE WHEN subject:LocalArea THEN subject.code ELSE area.code END AS area
        LIMIT 1""";

    /** One observation per key: replaced when recorded again (a correction). */
    private static final String RECORD = """
        MATCH (subject:%1$s {%2$s: $subjectKey})
        MERGE (o:Observation {key: $key})
        SET o.measure = $measure, o.timePeriod = $timePeriod, o.timeIdentifier = $timeIdentifier,
            o.periodStart = $periodStart, o.value = $value, o.numerator = $numerator, o.denominator = $denominator,
            o.status = null
        MERGE (subject)-[:OBSERVED]->(o)""";

    private OutcomeWrites() {
    }

    /** What an observation's subject is: its label and natural key property. */
    enum Subject {
        CHILD("Child", "ref", "CHILD", "child"), SETTING("Setting", "ref", "SETTING", "setting"),
        AREA("LocalArea", "code", "AREA", "area");

        final String label;
        final String property;
        final String level;
        final String field;

        Subject(String label, String property, String level, String field) {
            this.label = label;
            this.property = property;
            this.level = level;
            this.field = field;
        }

        String cypher(String template) {
            return template.formatted(label, property);
        }
    }

    /** What the graph holds of an observation's measure and subject. */
    record Lookup(boolean measureExists, String level, String periodType, String unit, String valueKind,
            boolean subjectExists, String area) {
    }

    static Lookup lookup(Writes.Transaction tx, String measure, Subject subject, String key) {
        Record row = tx.run(subject.cypher(OBSERVATION_LOOKUP), Map.of("measure", measure == null ? "" : measure,
            "subjectKey", key)).getFirst();
        return new Lookup(row.get("measureExists").asBoolean(), text(row.get("level")), text(row.get("periodType")),
            text(row.get("unit")), text(row.get("valueKind")), row.get("subjectExists").asBoolean(), text(row.get("area")));
    }

    /** The observation's natural key (docs/model.md). */
    static String key(String measure, Subject subject, String subjectKey, int timePeriod, String timeIdentifier) {
        return String.join("|", measure, subject.label, subjectKey, String.valueOf(timePeriod), timeIdentifier);
    }

    static void record(Writes.Transaction tx, String key, String measure, Subject subject, String subjectKey,
            int timePeriod, String timeIdentifier, LocalDate periodStart, Double value, Double numerator,
            Double denominator) {
        Map<String, Object> parameters = Writes.parameters("key", key, "measure", measure, "subjectKey", subjectKey,
            "timePeriod", timePeriod, "timeIdentifier", timeIdentifier, "periodStart", periodStart, "value", value,
            "numerator", numerator, "denominator", denominator);
        tx.run(subject.cypher(RECORD), parameters);
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
