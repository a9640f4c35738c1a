package uk.gov.send.rep.hub.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Repository;

import uk.gov.send.rep.hub.outcome.Measure;
import uk.gov.send.rep.hub.outcome.OutcomeGraph;
import uk.gov.send.rep.hub.pilot.Pilot;
import uk.gov.send.rep.hub.pilot.PilotGraph;
import uk.gov.send.rep.hub.query.ConnectionQueries.CypherQuery;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.Scope;
import uk.gov.send.rep.hub.reform.Reform;
import uk.gov.send.rep.hub.reform.ReformGraph;

/**
 * The evaluation's Cypher, all of it: fixed statement texts, every value a parameter, run through
 * {@link GraphReader} (so each is one counted round trip). Each statement aggregates in the
 * database and returns a few rows per pilot: per arm and window, per arm and period, and per arm
 * the units' changes. Units are a pilot's cohort children ({@code IN_COHORT}, intention to treat)
 * for a child-level measure, and its areas ({@code IN_AREA}) for an area-level one; each unit
 * carries its home area so that disclosure control can tell which figures count children outside
 * the viewer's scope ({@code outside}).
 */
@Repository
class EvaluationQueries {

    /**
     * A measure and whether its observations are rates: as the catalogue declares
     * ({@code valueKind}), else judged on its first observation with a value.
     */
    private static final String MEASURES = """
        UNWIND $codes AS code
        MATCH (m:Measure {code: code})
        CALL (m, code) {
          OPTIONAL MATCH (o:Observation)
          WHERE m.valueKind IS NULL AND o.measure = code AND o.timePeriod IS NOT NULL AND o.value IS NOT NULL
          WITH o LIMIT 1
          RETURN coalesce(m.valueKind = 'RATE', o IS NOT NULL AND o.numerator IS NOT NULL AND o.denominator IS NOT NULL)
              AS rate
        }
        RETURN m {.*} AS measure, rate""";

    private static final String PILOTS = """
        MATCH (p:Pilot)
        WHERE p.code IN $codes OR ($reform IS NOT NULL AND EXISTS { (p)-[:TESTS]->(:Reform {code: $reform}) })
        RETURN p {.*} AS pilot, COLLECT { MATCH (p)-[:TESTS]->(r:Reform) RETURN r.code ORDER BY r.code } AS reforms
        ORDER BY p.code""";

    /** A pilot's cohort children, each with its arm and home area. */
    private static final String CHILD_UNITS = """
          MATCH (u:Child)-[m:IN_COHORT]->(p)
          WITH u, m.arm AS line, COLLECT { MATCH (u)-[:RESIDENT_IN]->(h:LocalArea) RETURN h.code }[0] AS home""";

    /** A pilot's areas, each with its arm. */
    private static final String AREA_UNITS = """
          MATCH (p)-[m:IN_AREA]->(u:LocalArea)
          WITH u, m.arm AS line, u.code AS home""";

    /** The partnership's line of an area-level measure: its member areas. */
    private static final String AREA_PARTNERSHIP = """
          MATCH (p)<-[:RUNS]-(:Partnership)<-[:MEMBER_OF]-(u:LocalArea)
          WITH u, 'PARTNERSHIP' AS line, u.code AS home""";

    private static final String OBSERVATIONS = """
          MATCH (u)-[:OBSERVED]->(o:Observation)
          WHERE o.measure = $measure
            AND ($from IS NULL OR o.periodStart >= $from) AND ($to IS NULL OR o.periodStart < $to)
          RETURN line, home, o""";

    /** Per line and period: units with a value, without one, outside the scope, and the pooled figures. */
    private static final String POINTS = """
        WITH pilot, line, home, o, CASE WHEN $rate THEN o.numerator IS NOT NULL AND o.denominator > 0
            ELSE o.value IS NOT NULL END AS valued
        WITH pilot, line, o.timePeriod AS timePeriod, o.timeIdentifier AS timeIdentifier, min(o.periodStart) AS start,
             count(CASE WHEN valued THEN 1 END) AS n, count(CASE WHEN NOT valued THEN 1 END) AS missing,
             count(CASE WHEN valued AND (home IS NULL OR NOT home IN $areas) THEN 1 END) AS outside,
             sum(CASE WHEN valued THEN o.numerator END) AS numerator,
             sum(CASE WHEN valued THEN o.denominator END) AS denominator,
             avg(CASE WHEN valued THEN o.value END) AS mean, stDev(CASE WHEN valued THEN o.value END) AS sd
        RETURN pilot, line, timePeriod, timeIdentifier, start, n, missing, outside, numerator, denominator, mean, sd
        ORDER BY pilot, line, start, timePeriod, timeIdentifier""";

    /** Pilots' series from their units' observations: each pilot's arms (and more lines), per period. */
    private static final String SERIES = """
        UNWIND $pilots AS code
        MATCH (p:Pilot {code: code})
        CALL (p) {
        %s
        }
        WITH p.code AS pilot, line, home, o
        """ + POINTS;

    /**
     * The partnership's and England's lines of a child-level measure, from the per-area summaries
     * of children's observations ({@code ObservationSummary}, by the area the child lives in): a
     * pilot's partnership is its member areas, England every area.
     */
    private static final String CHILD_CONTEXT = """
        CALL () {
          UNWIND $pilots AS code
          MATCH (:Pilot {code: code})<-[:RUNS]-(:Partnership)<-[:MEMBER_OF]-(a:LocalArea)
          MATCH (s:ObservationSummary) WHERE s.measure = $measure AND s.area = a.code
          RETURN code AS pilot, 'PARTNERSHIP' AS line, s
          UNION ALL
          MATCH (s:ObservationSummary) WHERE s.measure = $measure AND s.area IS NOT NULL
          RETURN null AS pilot, 'ENGLAND' AS line, s
        }
        WITH pilot, line, s WHERE ($from IS NULL OR s.periodStart >= $from) AND ($to IS NULL OR s.periodStart < $to)
        WITH pilot, line, s, CASE WHEN $rate THEN s.rates ELSE s.values END AS valued
        WITH pilot, line, s.timePeriod AS timePeriod, s.timeIdentifier AS timeIdentifier, min(s.periodStart) AS start,
             sum(valued) AS n, sum(s.observations - valued) AS missing,
             sum(CASE WHEN s.area IN $areas THEN 0 ELSE valued END) AS outside,
             sum(s.numerator) AS numerator, sum(s.denominator) AS denominator, sum(s.sum) AS total,
             sum(s.sumSquares) AS squares
        RETURN pilot, line, timePeriod, timeIdentifier, start, n, missing, outside, numerator, denominator,
               CASE WHEN n > 0 THEN total / n END AS mean,
               CASE WHEN n > 1 THEN sqrt(CASE WHEN squares - total * total / n > 0 THEN squares - total * total / n
                   ELSE 0.0 END / (n - 1)) END AS sd
        ORDER BY pilot, line, start, timePeriod, timeIdentifier""";

    /** England's line of an area-level measure: every area's observations. */
    private static final String AREA_ENGLAND = """
        MATCH (u:LocalArea)-[:OBSERVED]->(o:Observation)
        WHERE o.measure = $measure
          AND ($from IS NULL OR o.periodStart >= $from) AND ($to IS NULL OR o.periodStart < $to)
        WITH null AS pilot, 'ENGLAND' AS line, u.code AS home, o
        """ + POINTS;

    /**
     * Pilots' differences in differences on one measure: for each pilot (with its own windows,
     * {@code w}), the observations of its units in the baseline or follow-up window, then three
     * aggregations of them: per arm and window (the cells), per arm the units' changes, and per
     * arm and period (for the parallel-trends check).
     */
    private static final String EFFECTS = """
        UNWIND $windows AS w
        MATCH (p:Pilot {code: w.pilot})
        CALL (p, w) {
        %s
          MATCH (u)-[:OBSERVED]->(o:Observation)
          WHERE o.measure = $measure
          WITH u, line, home, o,
               CASE WHEN (w.baselineFrom IS NULL OR o.periodStart >= w.baselineFrom)
                         AND (w.baselineTo IS NULL OR o.periodStart < w.baselineTo) THEN 'BASELINE'
                    WHEN (w.followUpFrom IS NULL OR o.periodStart >= w.followUpFrom)
                         AND (w.followUpTo IS NULL OR o.periodStart < w.followUpTo) THEN 'FOLLOW_UP' END AS window
          WHERE window IS NOT NULL
          RETURN collect({unit: elementId(u), arm: line, outside: home IS NULL OR NOT home IN $areas, window: window,
              valued: CASE WHEN $rate THEN o.numerator IS NOT NULL AND o.denominator > 0 ELSE o.value IS NOT NULL END,
              timePeriod: o.timePeriod, timeIdentifier: o.timeIdentifier, start: o.periodStart, value: o.value,
              numerator: o.numerator, denominator: o.denominator}) AS rows
        }
        CALL (rows) {
          UNWIND rows AS r
          WITH r WHERE r.valued
          WITH r.arm AS arm, r.window AS window, count(*) AS observations, count(DISTINCT r.unit) AS units,
               count(DISTINCT CASE WHEN r.outside THEN r.unit END) AS outside, sum(r.numerator) AS numerator,
               sum(r.denominator) AS denominator, avg(r.value) AS mean, stDev(r.value) AS sd
          RETURN collect({arm: arm, window: window, observations: observations, units: units, outside: outside,
              numerator: numerator, denominator: denominator, mean: mean, sd: sd}) AS cells
        }
        CALL (rows) {
          UNWIND rows AS r
          WITH r WHERE r.valued
          WITH r.arm AS arm, r.unit AS unit, r.outside AS outside, r.window AS window, count(*) AS k,
               sum(r.value) AS total, sum(r.numerator) AS numerator, sum(r.denominator) AS denominator
          WITH arm, unit, outside, window,
               CASE WHEN $rate THEN 100.0 * numerator / denominator ELSE total / k END AS level
          WITH arm, unit, outside, collect({window: window, level: level}) AS levels
          WITH arm, outside, [l IN levels WHERE l.window = 'BASELINE' | l.level][0] AS before,
               [l IN levels WHERE l.window = 'FOLLOW_UP' | l.level][0] AS after
          WHERE before IS NOT NULL AND after IS NOT NULL
          WITH arm, count(*) AS units, count(CASE WHEN outside THEN 1 END) AS outside,
               avg(after - before) AS meanChange, stDev(after - before) AS sd
          RETURN collect({arm: arm, units: units, outside: outside, meanChange: meanChange, sd: sd}) AS changes
        }
        CALL (rows) {
          UNWIND rows AS r
          WITH r.arm AS arm, r.window AS window, r.timePeriod AS timePeriod, r.timeIdentifier AS timeIdentifier,
               min(r.start) AS start, count(CASE WHEN r.valued THEN 1 END) AS n,
               count(CASE WHEN NOT r.valued THEN 1 END) AS missing,
               count(CASE WHEN r.valued AND r.outside THEN 1 END) AS outside,
               sum(CASE WHEN r.valued THEN r.numerator END) AS numerator,
               sum(CASE WHEN r.valued THEN r.denominator END) AS denominator,
               avg(CASE WHEN r.valued THEN r.value END) AS mean, stDev(CASE WHEN r.valued THEN r.value END) AS sd
          ORDER BY start, timePeriod, timeIdentifier
          RETURN collect({arm: arm, window: window, timePeriod: timePeriod, timeIdentifier: timeIdentifier,
              start: start, n: n, missing: missing, outside: outside, numerator: numerator,
              denominator: denominator, mean: mean, sd: sd}) AS periods
        }
        CALL (w) {
        %s
        }
        RETURN p.code AS pilot, cells, changes, periods, reference""";

    /** A child-level effect's variance comes from its arms (Welch): no reference units. */
    private static final String NO_REFERENCE = """
          RETURN null AS reference""";

    /**
     * An area-level effect's variance comes from the reference areas: every area of England in no
     * pilot's intervention arm, its change between the pilot's windows computed as for a unit.
     */
    private static final String REFERENCE_AREAS = """
          MATCH (u:LocalArea)-[:OBSERVED]->(o:Observation)
          WHERE o.measure = $measure AND NOT EXISTS { (u)<-[:IN_AREA {arm: 'INTERVENTION'}]-(:Pilot) }
          WITH u, o,
               CASE WHEN (w.baselineFrom IS NULL OR o.periodStart >= w.baselineFrom)
                         AND (w.baselineTo IS NULL OR o.periodStart < w.baselineTo) THEN 'BASELINE'
                    WHEN (w.followUpFrom IS NULL OR o.periodStart >= w.followUpFrom)
                         AND (w.followUpTo IS NULL OR o.periodStart < w.followUpTo) THEN 'FOLLOW_UP' END AS window
          WHERE window IS NOT NULL
            AND CASE WHEN $rate THEN o.numerator IS NOT NULL AND o.denominator > 0 ELSE o.value IS NOT NULL END
          WITH u, window, count(*) AS k, sum(o.value) AS total, sum(o.numerator) AS numerator,
               sum(o.denominator) AS denominator
          WITH u, window, CASE WHEN $rate THEN 100.0 * numerator / denominator ELSE total / k END AS level
          WITH u, collect({window: window, level: level}) AS levels
          WITH [l IN levels WHERE l.window = 'BASELINE' | l.level][0] AS before,
               [l IN levels WHERE l.window = 'FOLLOW_UP' | l.level][0] AS after
          WHERE before IS NOT NULL AND after IS NOT NULL
          RETURN {units: count(*), meanChange: avg(after - before), sd: stDev(after - before)} AS reference""";

    private static final String CHILD_SERIES = SERIES.formatted(CHILD_UNITS + "\n" + OBSERVATIONS);
    private static final String AREA_SERIES = SERIES.formatted(AREA_UNITS + "\n" + OBSERVATIONS
        + "\n  UNION ALL\n" + AREA_PARTNERSHIP + "\n" + OBSERVATIONS);
    private static final String CHILD_EFFECTS = EFFECTS.formatted(CHILD_UNITS, NO_REFERENCE);
    private static final String AREA_EFFECTS = EFFECTS.formatted(AREA_UNITS, REFERENCE_AREAS);

    /** A measure of the catalogue as the evaluation needs it. */
    record MeasureInfo(Measure measure, ValueKind kind) {

        boolean childLevel() {
            return "CHILD".equals(measure.level());
        }
    }

    /** A pilot with the codes of the reforms it tests. */
    record PilotInfo(Pilot pilot, List<String> reforms) {
    }

    /** The dates a window admits: periods starting on or after {@code from} and before {@code to} (null: open). */
    record Window(LocalDate from, LocalDate to) {
    }

    /** One pilot's windows. */
    record PilotWindows(String pilot, Window baseline, Window followUp) {
    }

    private final GraphReader reader;

    EvaluationQueries(GraphReader reader) {
        this.reader = reader;
    }

    /** The measures of these codes that exist, by code. */
    Map<String, MeasureInfo> measures(List<String> codes) {
        Map<String, MeasureInfo> found = new HashMap<>();
        for (Map<String, Object> row : reader.run(new CypherQuery(MEASURES, Map.of("codes", codes)))) {
            Measure measure = OutcomeGraph.MEASURE.map(properties(row.get("measure")));
            found.put(measure.code(), new MeasureInfo(measure, Boolean.TRUE.equals(row.get("rate")) ? ValueKind.RATE
                : ValueKind.MEAN));
        }
        return found;
    }

    /** Pilots by code, or testing a reform (or both), in code order. */
    List<PilotInfo> pilots(List<String> codes, String reform) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("codes", codes);
        parameters.put("reform", reform);
        List<PilotInfo> pilots = new ArrayList<>();
        for (Map<String, Object> row : reader.run(new CypherQuery(PILOTS, parameters))) {
            @SuppressWarnings("unchecked")
            List<String> reforms = (List<String>) row.get("reforms");
            pilots.add(new PilotInfo(PilotGraph.PILOT.map(properties(row.get("pilot"))), List.copyOf(reforms)));
        }
        return pilots;
    }

    /**
     * Rows of pilots' series (columns as in {@link #POINTS}), one per pilot, line and period; the
     * England line's rows have no pilot. Two statements: the pilots' units (and an area-level
     * measure's partnership), then the context lines.
     */
    List<Map<String, Object>> series(List<String> pilots, MeasureInfo measure, Window window, Scope scope) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("pilots", pilots);
        parameters.put("measure", measure.measure().code());
        parameters.put("rate", measure.kind() == ValueKind.RATE);
        parameters.put("from", window.from());
        parameters.put("to", window.to());
        parameters.put("areas", scope.areaCodes());
        List<Map<String, Object>> rows = new ArrayList<>(
            reader.run(new CypherQuery(measure.childLevel() ? CHILD_SERIES : AREA_SERIES, parameters)));
        rows.addAll(reader.run(new CypherQuery(measure.childLevel() ? CHILD_CONTEXT : AREA_ENGLAND, parameters)));
        return rows;
    }

    /** Each pilot's cells, changes and periods (columns as in {@link #EFFECTS}), by pilot code. */
    Map<String, Map<String, Object>> effects(List<PilotWindows> pilots, MeasureInfo measure, Scope scope) {
        List<Map<String, Object>> windows = new ArrayList<>();
        for (PilotWindows pilot : pilots) {
            Map<String, Object> w = new HashMap<>();
            w.put("pilot", pilot.pilot());
            w.put("baselineFrom", pilot.baseline().from());
            w.put("baselineTo", pilot.baseline().to());
            w.put("followUpFrom", pilot.followUp().from());
            w.put("followUpTo", pilot.followUp().to());
            windows.add(w);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("windows", windows);
        parameters.put("measure", measure.measure().code());
        parameters.put("rate", measure.kind() == ValueKind.RATE);
        parameters.put("areas", scope.areaCodes());
        Map<String, Map<String, Object>> byPilot = new LinkedHashMap<>();
        for (Map<String, Object> row : reader.run(new CypherQuery(measure.childLevel() ? CHILD_EFFECTS : AREA_EFFECTS,
                parameters))) {
            byPilot.put((String) row.get("pilot"), row);
        }
        return byPilot;
    }

    /** A reform by code. */
    java.util.Optional<Reform> reform(String code) {
        return reader.find(ReformGraph.REFORM, code);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object value) {
        return (Map<String, Object>) value;
    }
}
