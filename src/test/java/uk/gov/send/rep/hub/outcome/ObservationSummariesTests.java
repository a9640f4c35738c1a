package uk.gov.send.rep.hub.outcome;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-area summaries of children's observations equal the observations they summarise, after
 * a full refresh and after a refresh of the areas a writer touched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ObservationSummariesTests {

    private static final String MEASURE = "TST-OS-M";

    /** Each area's summaries as stored, and as computed from the observations, by period. */
    private static final String STORED = """
        MATCH (s:ObservationSummary {measure: $measure})
        RETURN s.area AS area, s.timePeriod AS timePeriod, s.observations AS observations, s.values AS values,
               s.sum AS sum, s.sumSquares AS squares, s.rates AS rates, s.numerator AS numerator,
               s.denominator AS denominator
        ORDER BY area, timePeriod""";

    private static final String TRUTH = """
        MATCH (a:LocalArea)<-[:RESIDENT_IN]-(:Child)-[:OBSERVED]->(o:Observation {measure: $measure})
        WITH a.code AS area, o.timePeriod AS timePeriod, count(*) AS observations, count(o.value) AS values,
             sum(o.value) AS sum, sum(o.value * o.value) AS squares,
             count(CASE WHEN o.denominator > 0 AND o.numerator IS NOT NULL THEN 1 END) AS rates,
             sum(CASE WHEN o.denominator > 0 AND o.numerator IS NOT NULL THEN o.numerator END) AS numerator,
             sum(CASE WHEN o.denominator > 0 AND o.numerator IS NOT NULL THEN o.denominator END) AS denominator
        RETURN area, timePeriod, observations, values, sum, squares, rates, numerator, denominator
        ORDER BY area, timePeriod""";

    @Autowired
    ObservationSummaries summaries;

    @AfterEach
    void cleanUp() {
        TestGraph.deleteFixtures();
    }

    private static List<Map<String, Object>> rows(String cypher) {
        return TestGraph.run(cypher, Map.of("measure", MEASURE)).stream().map(r -> r.asMap()).toList();
    }

    private static void observe(String area, int children, int timePeriod) {
        TestGraph.run("""
            MERGE (a:LocalArea {code: $area}) ON CREATE SET a.name = $area, a.dfeCode = $area
            WITH a
            UNWIND range(1, $children) AS i
            MERGE (c:Child {ref: $area + '-C' + i})
            MERGE (c)-[:RESIDENT_IN]->(a)
            CREATE (c)-[:OBSERVED]->(:Observation {key: 'TST-OS|' + c.ref + '|' + $timePeriod, measure: $measure,
                timePeriod: $timePeriod, timeIdentifier: 'Academic year', periodStart: date({year: $timePeriod / 100, month: 9, day: 1}),
                value: CASE WHEN i % 4 = 0 THEN null ELSE 100.0 * i / 20 END,
                numerator: CASE WHEN i % 4 = 0 THEN null ELSE toFloat(i) END, denominator: 20.0})""",
            Map.of("area", area, "children", children, "timePeriod", timePeriod, "measure", MEASURE));
    }

    @Test
    void shouldSummariseEveryAreaAndRefreshTheAreasAWriterTouched() {
        observe("TST-OS-A", 7, 202324);
        observe("TST-OS-B", 5, 202324);
        summaries.refresh(List.of(MEASURE));
        assertThat(rows(STORED)).hasSize(2).isEqualTo(rows(TRUTH));

        // A writer adds a year in A and changes a value in B, then refreshes the areas it touched.
        observe("TST-OS-A", 9, 202425);
        TestGraph.run("MATCH (o:Observation {key: 'TST-OS|TST-OS-B-C1|202324'}) SET o.value = 40.0, o.numerator = 8.0");
        assertThat(rows(STORED)).isNotEqualTo(rows(TRUTH));
        summaries.refresh(MEASURE, List.of("TST-OS-A", "TST-OS-B"));
        assertThat(rows(STORED)).hasSize(3).isEqualTo(rows(TRUTH));
        assertThat(rows(STORED).getFirst()).containsEntry("observations", 7L).containsEntry("values", 6L)
            .containsEntry("rates", 6L);
    }
}
