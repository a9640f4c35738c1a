package uk.gov.send.rep.hub.evaluation;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Pilot evaluation on the demo seed, whose true effects the generator knows
 * ({@code seed/pilot-effects.csv}): interval coverage and accuracy over every pilot-measure pair,
 * and exact agreement of the hub's figures with an independent computation from the raw
 * observations fetched by plain Cypher.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"hub.seed.scale=demo", "hub.seed.seed=20230302"})
@AutoConfigureHttpGraphQlTester
class EvaluationSeedTests {

    /** A true effect from the generator's inputs. */
    record TrueEffect(String pilot, String measure, double effect) {
    }

    @Autowired
    HttpGraphQlTester http;

    @Autowired
    CypherStatementCounter statements;

    static List<TrueEffect> trueEffects() throws IOException {
        List<TrueEffect> effects = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ClassPathResource("seed/pilot-effects.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                effects.add(new TrueEffect(r.get("pilot"), r.get("measure"), Double.parseDouble(r.get("effect"))));
            }
        }
        return effects;
    }

    /** Every pilot's effect on each of these measures, in one request (one alias per measure). */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> effects(Set<String> measures, String method) {
        StringBuilder query = new StringBuilder("{ pilots(first: 20) { edges { node { code ");
        List<String> aliases = new ArrayList<>();
        for (String measure : measures) {
            String alias = "e_" + measure;
            aliases.add(alias);
            query.append(alias).append(": effect(measure: \"").append(measure).append("\", method: ").append(method)
                .append(") { estimate standardError degreesOfFreedom lower upper reading notEstimable suppressed { reason } ")
                .append("changes { arm units meanChange sd } cells { arm window units observations value standardError } ")
                .append("parallelTrends { periods slopeDifference diverging } } ");
        }
        query.append("} } } }");
        List<Map<String, Object>> nodes = http.mutate().responseTimeout(Duration.ofSeconds(120)).build()
            .document(query.toString()).execute().errors().verify()
            .path("pilots.edges[*].node").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        Map<String, Map<String, Object>> byPair = new LinkedHashMap<>();
        for (Map<String, Object> node : nodes) {
            for (String alias : aliases) {
                byPair.put(node.get("code") + "|" + alias.substring(2), (Map<String, Object>) node.get(alias));
            }
        }
        return byPair;
    }

    @Test
    void shouldCoverTheTrueEffectsWithTheirIntervals() throws IOException {
        List<TrueEffect> truth = trueEffects();
        Set<String> measures = new LinkedHashSet<>();
        truth.forEach(t -> measures.add(t.measure()));
        long before = statements.count();
        Map<String, Map<String, Object>> effects = effects(measures, "UNIT_CHANGE");
        long sent = statements.count() - before;
        // One statement for the pilots page, then per measure one effects statement, plus the
        // measure look-up: bounded by the arguments, not by the 18 pilots.
        assertThat(sent).as("statements for %d pilots x %d measures", 18, measures.size())
            .isLessThanOrEqualTo(2 + 2L * measures.size());

        int covered = 0;
        double worst = 0;
        StringBuilder report = new StringBuilder();
        for (TrueEffect t : truth) {
            Map<String, Object> e = effects.get(t.pilot() + "|" + t.measure());
            assertThat(e).as(t.toString()).isNotNull();
            assertThat(e.get("notEstimable")).as(t + " " + e).isNull();
            double estimate = ((Number) e.get("estimate")).doubleValue();
            double se = ((Number) e.get("standardError")).doubleValue();
            double lower = ((Number) e.get("lower")).doubleValue();
            double upper = ((Number) e.get("upper")).doubleValue();
            boolean inside = lower <= t.effect() && t.effect() <= upper;
            covered += inside ? 1 : 0;
            worst = Math.max(worst, Math.abs(estimate - t.effect()) / se);
            report.append(String.format("%s %s true %.3f estimate %.3f se %.3f [%.3f, %.3f] %s%n", t.pilot(),
                t.measure(), t.effect(), estimate, se, lower, upper, inside ? "" : "MISSED"));
        }
        System.out.print(report);
        // The stated tolerance (README "Pilot evaluation"): every estimate within 3.5 of its
        // standard errors of the true effect.
        assertThat(worst).as(report.toString()).isLessThanOrEqualTo(3.5);
        assertThat((double) covered / truth.size()).as(report.toString()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void shouldAgreeExactlyWithAnIndependentComputation() {
        // Child level (a rate), and area level (a rate, and a mean), by both methods.
        for (String[] pair : List.of(new String[] {"NE-INCLUSION-PLANS", "ABSENCE_RATE"},
                new String[] {"WM-AP-TIERS", "SUSPENSIONS"}, new String[] {"NW-EHCP-TEMPLATE", "EHCP_20_WEEKS"},
                new String[] {"EM-FUNDING-BANDS", "HIGH_NEEDS_SPEND_PER_HEAD"})) {
            String pilot = pair[0];
            String measure = pair[1];
            Independent expected = Independent.compute(pilot, measure);
            Map<String, Map<String, Object>> unit = effects(Set.of(measure), "UNIT_CHANGE");
            Map<String, Object> e = unit.get(pilot + "|" + measure);
            String what = pilot + " " + measure + " UNIT_CHANGE";
            assertThat(number(e, "estimate")).as(what).isCloseTo(expected.unitEstimate, within(1e-9));
            assertThat(number(e, "standardError")).as(what).isCloseTo(expected.unitError, within(1e-9));
            assertThat(number(e, "degreesOfFreedom")).as(what).isCloseTo(expected.unitDf, within(1e-9 * expected.unitDf));
            double t = new TDistribution(expected.unitDf).inverseCumulativeProbability(0.975);
            assertThat(number(e, "lower")).as(what).isCloseTo(expected.unitEstimate - t * expected.unitError, within(1e-9));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> changes = (List<Map<String, Object>>) e.get("changes");
            assertThat(changes).extracting(c -> ((Number) c.get("units")).longValue())
                .containsExactly(expected.units[0], expected.units[1]);

            Map<String, Object> cells = effects(Set.of(measure), "CELLS").get(pilot + "|" + measure);
            what = pilot + " " + measure + " CELLS";
            assertThat(number(cells, "estimate")).as(what).isCloseTo(expected.cellEstimate, within(1e-9));
            assertThat(number(cells, "standardError")).as(what).isCloseTo(expected.cellError, within(1e-9));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cellRows = (List<Map<String, Object>>) cells.get("cells");
            assertThat(cellRows).extracting(c -> ((Number) c.get("observations")).longValue())
                .containsExactly(java.util.Arrays.stream(expected.observations).boxed().toArray(Long[]::new));
        }
    }

    private static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        assertThat(value).as(key + " in " + map).isInstanceOf(Number.class);
        return ((Number) value).doubleValue();
    }

    /**
     * The same estimates computed here, from every raw observation of the pilot's units on the
     * measure (plain Cypher, no aggregation in the database) with the README's formulas.
     */
    static final class Independent {

        double unitEstimate;
        double unitError;
        double unitDf;
        long[] units = new long[2];
        double cellEstimate;
        double cellError;
        long[] observations = new long[4];

        static Independent compute(String pilot, String measure) {
            String level = TestGraph.run("MATCH (m:Measure {code: $m}) RETURN m.level AS level", Map.of("m", measure))
                .getFirst().get("level").asString();
            String units = level.equals("CHILD")
                ? "MATCH (u:Child)-[m:IN_COHORT]->(p:Pilot {code: $pilot}) WITH p, u, m.arm AS arm"
                : "MATCH (p:Pilot {code: $pilot})-[m:IN_AREA]->(u:LocalArea) WITH p, u, m.arm AS arm";
            List<Record> rows = TestGraph.run(units + """
                 MATCH (u)-[:OBSERVED]->(o:Observation {measure: $measure})
                RETURN elementId(u) AS unit, arm, o.periodStart < p.start AS before, o.value AS value,
                       o.numerator AS numerator, o.denominator AS denominator""",
                Map.of("pilot", pilot, "measure", measure));
            boolean rate = rows.stream().filter(r -> !r.get("value").isNull()).findFirst().map(r ->
                !r.get("numerator").isNull() && !r.get("denominator").isNull()).orElseThrow();
            // unit -> arm, [sum value, count, sum numerator, sum denominator] before and after
            Map<String, String> armOf = new LinkedHashMap<>();
            Map<String, double[]> sums = new LinkedHashMap<>();
            // cell (arm, window) -> values; numerators and denominators
            Map<String, List<Double>> cellValues = new LinkedHashMap<>();
            Map<String, double[]> cellRates = new LinkedHashMap<>();
            for (Record r : rows) {
                boolean valued = rate ? !r.get("numerator").isNull() && !r.get("denominator").isNull()
                    && r.get("denominator").asDouble() > 0 : !r.get("value").isNull();
                if (!valued) {
                    continue;
                }
                String unit = r.get("unit").asString();
                String arm = r.get("arm").asString();
                boolean before = r.get("before").asBoolean();
                armOf.put(unit, arm);
                double[] s = sums.computeIfAbsent(unit, k -> new double[8]);
                int at = before ? 0 : 4;
                s[at] += r.get("value").asDouble();
                s[at + 1]++;
                if (rate) {
                    s[at + 2] += r.get("numerator").asDouble();
                    s[at + 3] += r.get("denominator").asDouble();
                }
                String cell = arm + (before ? "|B" : "|F");
                cellValues.computeIfAbsent(cell, k -> new ArrayList<>()).add(r.get("value").asDouble());
                if (rate) {
                    double[] c = cellRates.computeIfAbsent(cell, k -> new double[2]);
                    c[0] += r.get("numerator").asDouble();
                    c[1] += r.get("denominator").asDouble();
                }
            }
            Independent result = new Independent();
            double[][] changeStats = new double[2][];
            int a = 0;
            for (String arm : List.of("INTERVENTION", "COMPARISON")) {
                List<Double> changes = new ArrayList<>();
                sums.forEach((unit, s) -> {
                    if (armOf.get(unit).equals(arm) && s[1] > 0 && s[5] > 0) {
                        double before = rate ? 100.0 * s[2] / s[3] : s[0] / s[1];
                        double after = rate ? 100.0 * s[6] / s[7] : s[4] / s[5];
                        changes.add(after - before);
                    }
                });
                result.units[a] = changes.size();
                changeStats[a] = meanAndVariance(changes);
                a++;
            }
            result.unitEstimate = changeStats[0][0] - changeStats[1][0];
            if (level.equals("CHILD")) {
                // Welch between the arms.
                double vi = changeStats[0][1] / result.units[0];
                double vc = changeStats[1][1] / result.units[1];
                result.unitError = Math.sqrt(vi + vc);
                result.unitDf = (vi + vc) * (vi + vc) / (vi * vi / (result.units[0] - 1) + vc * vc / (result.units[1] - 1));
            }
            else {
                // The spread of the reference areas' changes: areas in no pilot's intervention arm.
                List<Double> reference = new ArrayList<>();
                for (Record r : TestGraph.run("""
                        MATCH (p:Pilot {code: $pilot})
                        MATCH (u:LocalArea)-[:OBSERVED]->(o:Observation {measure: $measure})
                        WHERE NOT EXISTS { (u)<-[:IN_AREA {arm: 'INTERVENTION'}]-(:Pilot) }
                        WITH u, collect([o.periodStart < p.start, o.value, o.numerator, o.denominator]) AS obs
                        RETURN obs""", Map.of("pilot", pilot, "measure", measure))) {
                    double[] s = new double[8];
                    for (Object item : r.get("obs").asList()) {
                        List<?> o = (List<?>) item;
                        boolean valued = rate ? o.get(2) != null && o.get(3) != null && ((Number) o.get(3)).doubleValue() > 0
                            : o.get(1) != null;
                        if (!valued) {
                            continue;
                        }
                        int at = (Boolean) o.get(0) ? 0 : 4;
                        s[at] += ((Number) o.get(1)).doubleValue();
                        s[at + 1]++;
                        if (rate) {
                            s[at + 2] += ((Number) o.get(2)).doubleValue();
                            s[at + 3] += ((Number) o.get(3)).doubleValue();
                        }
                    }
                    if (s[1] > 0 && s[5] > 0) {
                        reference.add(rate ? 100.0 * s[6] / s[7] - 100.0 * s[2] / s[3] : s[4] / s[5] - s[0] / s[1]);
                    }
                }
                double sd = Math.sqrt(meanAndVariance(reference)[1]);
                result.unitError = sd * Math.sqrt(1.0 / result.units[0] + 1.0 / result.units[1]);
                result.unitDf = reference.size() - 1;
            }

            double[] value = new double[4];
            double variance = 0;
            int i = 0;
            for (String cell : List.of("INTERVENTION|B", "INTERVENTION|F", "COMPARISON|B", "COMPARISON|F")) {
                List<Double> values = cellValues.get(cell);
                result.observations[i] = values.size();
                if (rate) {
                    double p = cellRates.get(cell)[0] / cellRates.get(cell)[1];
                    value[i] = 100 * p;
                    variance += 100 * 100 * p * (1 - p) / cellRates.get(cell)[1];
                }
                else {
                    double[] mv = meanAndVariance(values);
                    value[i] = mv[0];
                    variance += mv[1] / values.size();
                }
                i++;
            }
            result.cellEstimate = (value[1] - value[0]) - (value[3] - value[2]);
            result.cellError = Math.sqrt(variance);
            return result;
        }

        /** Mean and sample variance, two-pass. */
        private static double[] meanAndVariance(List<Double> values) {
            double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            return new double[] {mean, squares / (values.size() - 1)};
        }
    }
}
