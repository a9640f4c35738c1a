package uk.gov.send.rep.hub.outcome;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Per-area summaries of children's observations: for each child-level measure, local area (where
 * the child lives) and period, one {@code ObservationSummary} node with the observations, those
 * with a value and their sum and sum of squares, and those with a numerator and a positive
 * denominator and their sums (docs/model.md). England's and a partnership's lines of a pilot's
 * series read these (at most 153 a period) instead of every child's observation (about three
 * million a measure nationally).
 *
 * <p>They are derived data: every writer of children's observations refreshes the measures it
 * wrote (the seed does after writing the graph); a refresh replaces a measure's summaries in one
 * transaction, so a reader sees the old set or the new one. They are never exposed one by one:
 * no GraphQL type reads them.
 */
@Component
public class ObservationSummaries {

    private static final Logger log = LoggerFactory.getLogger(ObservationSummaries.class);

    private static final String CHILD_MEASURES = "MATCH (m:Measure {level: 'CHILD'}) RETURN m.code AS code ORDER BY code";

    private static final String MISSING = """
        MATCH (m:Measure {level: 'CHILD'})
        WHERE NOT EXISTS { MATCH (s:ObservationSummary) WHERE s.measure = m.code AND s.area IS NOT NULL }
          AND EXISTS { MATCH (o:Observation) WHERE o.measure = m.code AND o.timePeriod IS NOT NULL }
        RETURN m.code AS code ORDER BY code""";

    /** Per area and period of the matched {@code a} and {@code o}: one summary node each. */
    private static final String SUMMARISE = """
          WITH a.code AS area, o.timePeriod AS timePeriod, o.timeIdentifier AS timeIdentifier,
               min(o.periodStart) AS periodStart, count(*) AS observations,
               count(o.value) AS values, sum(o.value) AS sum, sum(o.value * o.value) AS sumSquares,
               count(CASE WHEN o.numerator IS NOT NULL AND o.denominator > 0 THEN 1 END) AS rates,
               sum(CASE WHEN o.numerator IS NOT NULL AND o.denominator > 0 THEN o.numerator END) AS numerator,
               sum(CASE WHEN o.numerator IS NOT NULL AND o.denominator > 0 THEN o.denominator END) AS denominator
          CREATE (:ObservationSummary {key: $measure + '|' + area + '|' + timePeriod + '|' + timeIdentifier,
              measure: $measure, area: area, timePeriod: timePeriod, timeIdentifier: timeIdentifier,
              periodStart: periodStart, observations: observations, values: values, sum: sum,
              sumSquares: sumSquares, rates: rates, numerator: numerator, denominator: denominator})
          RETURN count(*) AS written
        }
        RETURN written""";

    /** Every summary of one measure, replaced in one statement (one transaction). */
    private static final String REFRESH = """
        CALL () {
          MATCH (s:ObservationSummary) WHERE s.measure = $measure AND s.area IS NOT NULL
          DETACH DELETE s
        }
        CALL () {
          MATCH (o:Observation) WHERE o.measure = $measure AND o.timePeriod IS NOT NULL
          MATCH (o)<-[:OBSERVED]-(:Child)-[:RESIDENT_IN]->(a:LocalArea)
        """ + SUMMARISE;

    /** The summaries of one measure in some areas, recomputed from those areas' children only. */
    private static final String REFRESH_AREAS = """
        CALL () {
          MATCH (s:ObservationSummary) WHERE s.measure = $measure AND s.area IN $areas
          DETACH DELETE s
        }
        CALL () {
          MATCH (a:LocalArea) WHERE a.code IN $areas
          MATCH (a)<-[:RESIDENT_IN]-(:Child)-[:OBSERVED]->(o:Observation)
          WHERE o.measure = $measure AND o.timePeriod IS NOT NULL
        """ + SUMMARISE;

    private final Neo4jClient neo4j;

    ObservationSummaries(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Recomputes the summaries of every child-level measure. */
    public void refresh() {
        refresh(codes(CHILD_MEASURES));
    }

    /** Computes the summaries of child-level measures that have observations but none yet (a graph seeded before them). */
    public void ensure() {
        refresh(codes(MISSING));
    }

    /** Recomputes the summaries of these measures, each in one transaction. */
    public void refresh(List<String> measures) {
        for (String measure : measures) {
            long started = System.nanoTime();
            Object written = neo4j.query(REFRESH).bind(measure).to("measure").fetch().one()
                .map(row -> row.get("written")).orElse(0L);
            log.info("Observation summaries of {}: {} written in {} ms", measure, written,
                (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Recomputes one measure's summaries in these local areas (ONS codes): what a writer calls
     * after adding or changing children's observations there (or moving children between them),
     * in about the time it takes to read those areas' children's observations.
     */
    public void refresh(String measure, java.util.Collection<String> areaCodes) {
        if (areaCodes.isEmpty()) {
            return;
        }
        neo4j.query(REFRESH_AREAS).bind(measure).to("measure").bind(List.copyOf(areaCodes)).to("areas").run();
    }

    private List<String> codes(String cypher) {
        return neo4j.query(cypher).fetch().all().stream().map(row -> (String) row.get("code")).toList();
    }
}
