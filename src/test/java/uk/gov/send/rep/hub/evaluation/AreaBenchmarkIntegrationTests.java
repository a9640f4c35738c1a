package uk.gov.send.rep.hub.evaluation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.period.Period;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code areaBenchmark} over HTTP on a fixture of its own: fourteen areas in two regions, four of
 * them in a partnership, three characteristics with known values (one missing here and there, one
 * suppressed, older periods that must not count), a rate and a mean measure over three periods
 * each with an observation suppressed at source. The neighbours and every point of every line are
 * compared with an independent computation in Java from the fixture's own numbers. The characteristics
 * are configured to the fixture's measures, plus the benchmarked rate itself (excluded when it is
 * benchmarked), a child-level measure and an unknown code (neither used).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
    "hub.evaluation.neighbour-characteristics=TST-BMC1,TST-BMC2,TST-BMC3,TST-BMRATE,TST-BMCHILD,TST-BM-NONE")
@AutoConfigureHttpGraphQlTester
class AreaBenchmarkIntegrationTests {

    private static final double TOLERANCE = 1e-9;

    private static final List<String> CONFIGURED = List.of("TST-BMC1", "TST-BMC2", "TST-BMC3", "TST-BMRATE",
        "TST-BMCHILD", "TST-BM-NONE");

    /** The fixture's measures and their levels. */
    private static final Map<String, String> LEVELS = Map.of("TST-BMC1", "AREA", "TST-BMC2", "AREA", "TST-BMC3", "AREA",
        "TST-BMRATE", "AREA", "TST-BMMEAN", "AREA", "TST-BMCHILD", "CHILD", "TST-BMSETTING", "SETTING");

    private static final List<String> AREAS = List.of("TST-BM-A01", "TST-BM-A02", "TST-BM-A03", "TST-BM-A04",
        "TST-BM-A05", "TST-BM-A06", "TST-BM-A07", "TST-BM-A08", "TST-BM-A09", "TST-BM-A10", "TST-BM-A11", "TST-BM-A12",
        "TST-BM-B01", "TST-BM-B02");

    private static final Set<String> PARTNERSHIP = Set.of("TST-BM-A01", "TST-BM-A02", "TST-BM-A03", "TST-BM-B01");

    private static String region(String area) {
        return area.contains("-A") ? "TST-BM-R1" : "TST-BM-R2";
    }

    /** One observation of an area. */
    record Obs(String measure, String area, Period period, Double value, Double numerator, Double denominator,
            String status) {

        Map<String, Object> row() {
            Map<String, Object> row = new HashMap<>();
            row.put("key", "TST-BM|" + measure + "|" + area + "|" + period.timePeriod() + "|" + period.timeIdentifier());
            row.put("measure", measure);
            row.put("area", area);
            row.put("timePeriod", period.timePeriod());
            row.put("timeIdentifier", period.timeIdentifier());
            row.put("periodStart", period.start());
            row.put("value", value);
            row.put("numerator", numerator);
            row.put("denominator", denominator);
            row.put("status", status);
            return row;
        }
    }

    private static final List<Obs> OBSERVATIONS = observations();

    private static List<Obs> observations() {
        List<Obs> all = new ArrayList<>();
        // Characteristic 1, latest academic year 2023/24 (A12 has none there); 2022/23 must be ignored.
        characteristic(all, "TST-BMC1", Period.academicYear(2023), 10, 12, 15, 9, 20, 20, 7, 30, 11, 14, 25, null, 10.5, 13);
        characteristic(all, "TST-BMC1", Period.academicYear(2022), 13, 15, 18, 12, 23, 3, 10, 33, 14, 17, 28, 50, 13.5, 16);
        // Characteristic 2, financial year 2023-24: A04 and A12 have none, A09's is suppressed.
        characteristic(all, "TST-BMC2", Period.financialYear(2023), 100, 130, 90, null, 150, 150, 80, 200, Double.NaN, 110,
            170, null, 105, 95);
        // Characteristic 3: calendar year 2024 (B01 and A12 have none); 2025 holds only a suppressed
        // value, so 2024 is the latest period with a value; 2023 must be ignored.
        characteristic(all, "TST-BMC3", Period.calendarYear(2024), -1.5, -1.0, 0.5, -2.0, 1.0, 1.0, -3.0, 2.0, -1.2, 0.0,
            1.5, null, null, -0.5);
        characteristic(all, "TST-BMC3", Period.calendarYear(2025), Double.NaN, null, null, null, null, null, null, null,
            null, null, null, null, null, null);
        characteristic(all, "TST-BMC3", Period.calendarYear(2023), 9, -9, 9, -9, 9, -9, 9, -9, 9, -9, 9, -9, 9, -9);
        // A child-level measure that (wrongly) has area observations: never a characteristic.
        characteristic(all, "TST-BMCHILD", Period.academicYear(2023), 1000, 0, 500, 0, 1000, 0, 500, 0, 1000, 0, 500, 0,
            1000, 0);
        List<Period> years = List.of(Period.academicYear(2021), Period.academicYear(2022), Period.academicYear(2023));
        List<Period> financial = List.of(Period.financialYear(2021), Period.financialYear(2022), Period.financialYear(2023));
        for (int i = 0; i < AREAS.size(); i++) {
            String area = AREAS.get(i);
            for (int k = 0; k < 3; k++) {
                // The rate: A03's 2022/23 is suppressed at source, A04 has no 2023/24 observation.
                if (area.equals("TST-BM-A03") && k == 1) {
                    all.add(new Obs("TST-BMRATE", area, years.get(k), null, null, null, "c"));
                }
                else if (!(area.equals("TST-BM-A04") && k == 2)) {
                    double denominator = 40 + 7 * i + 5 * k;
                    double numerator = Math.round(denominator * (0.3 + 0.03 * i + 0.02 * k));
                    all.add(new Obs("TST-BMRATE", area, years.get(k), 100 * numerator / denominator, numerator, denominator,
                        null));
                }
                // The mean: A05's 2022-23 is suppressed at source.
                boolean suppressed = area.equals("TST-BM-A05") && k == 1;
                all.add(new Obs("TST-BMMEAN", area, financial.get(k), suppressed ? null : 20 + 3 * i - 2 * k + (i % 3) * 1.7,
                    null, null, suppressed ? "c" : null));
            }
        }
        return all;
    }

    /** Values in area order: a number, null for no observation, NaN for one suppressed at source. */
    private static void characteristic(List<Obs> all, String measure, Period period, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number number) {
                boolean suppressed = Double.isNaN(number.doubleValue());
                all.add(new Obs(measure, AREAS.get(i), period, suppressed ? null : number.doubleValue(), null, null,
                    suppressed ? "c" : null));
            }
        }
    }

    @BeforeAll
    static void fixture() {
        TestGraph.run("""
            MERGE (r1:Region {code: 'TST-BM-R1'}) SET r1.name = 'Benchmark region one'
            MERGE (r2:Region {code: 'TST-BM-R2'}) SET r2.name = 'Benchmark region two'
            MERGE (p:Partnership {code: 'TST-BM-P'}) SET p.name = 'Benchmark partnership'
            WITH r1, r2, p
            UNWIND $areas AS code
            MERGE (a:LocalArea {code: code})
              SET a.name = 'Benchmark area ' + right(code, 3),
                  a.dfeCode = CASE code WHEN 'TST-BM-A01' THEN '998' ELSE code END
            WITH a, p, code, CASE WHEN code CONTAINS '-A' THEN r1 ELSE r2 END AS r
            MERGE (a)-[:IN_REGION]->(r)
            WITH a, p, code WHERE code IN $partnership
            MERGE (a)-[:MEMBER_OF {role: CASE code WHEN 'TST-BM-A01' THEN 'LEAD' ELSE 'MEMBER' END}]->(p)""",
            Map.of("areas", AREAS, "partnership", List.copyOf(PARTNERSHIP)));
        TestGraph.run("""
            UNWIND $measures AS m
            MERGE (x:Measure {code: m.code})
              SET x.name = 'Benchmark measure ' + m.code, x.level = m.level, x.unit = 'PERCENT',
                  x.polarity = 'HIGHER_IS_BETTER', x.periodType = 'ACADEMIC_YEAR'""",
            Map.of("measures", LEVELS.entrySet().stream().map(e -> Map.of("code", e.getKey(), "level", e.getValue())).toList()));
        TestGraph.run("""
            UNWIND $rows AS row
            MATCH (a:LocalArea {code: row.area})
            CREATE (a)-[:OBSERVED]->(:Observation {key: row.key, measure: row.measure, timePeriod: row.timePeriod,
                timeIdentifier: row.timeIdentifier, periodStart: row.periodStart, value: row.value,
                numerator: row.numerator, denominator: row.denominator, status: row.status})""",
            Map.of("rows", OBSERVATIONS.stream().map(Obs::row).toList()));
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    @Autowired
    HttpGraphQlTester http;

    @Autowired
    CypherStatementCounter statements;

    private static final String DOCUMENT = """
        query Benchmark($area: String!, $measure: String!, $from: PeriodInput, $to: PeriodInput, $neighbours: Int!) {
          areaBenchmark(area: $area, measure: $measure, from: $from, to: $to, neighbours: $neighbours) {
            area { code } measure { code } valueKind
            lines { kind label points { period { timePeriod timeIdentifier } n missing value numerator denominator
              sd standardError lower upper } }
            neighbours { area { code } rank distance sharedCharacteristics }
            characteristics { code }
          }
        }""";

    private HttpGraphQlTester graphQl() {
        return http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    private GraphQlTester.Response ask(String area, String measure, Period from, Period to, int neighbours) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("area", area);
        variables.put("measure", measure);
        variables.put("from", input(from));
        variables.put("to", input(to));
        variables.put("neighbours", neighbours);
        return graphQl().document(DOCUMENT).variables(variables).execute();
    }

    private static Map<String, Object> input(Period period) {
        return period == null ? null : Map.of("timePeriod", period.timePeriod(), "timeIdentifier", period.timeIdentifier());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> benchmark(String area, String measure, Period from, Period to, int neighbours) {
        return ask(area, measure, from, to, neighbours).errors().verify().path("areaBenchmark").entity(Map.class).get();
    }

    // --- The independent computation.

    /** An expected neighbour. */
    record Near(String area, double distance, int shared) {
    }

    /** The characteristics used for {@code area}, each area's z-score on them, in code order. */
    private static Map<String, Map<String, Double>> scores(String area, String benchmarked) {
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        CONFIGURED.stream().filter(code -> !code.equals(benchmarked) && "AREA".equals(LEVELS.get(code))).sorted()
            .forEach(code -> {
                List<Obs> valued = OBSERVATIONS.stream().filter(o -> o.measure().equals(code) && o.value() != null).toList();
                if (valued.isEmpty()) {
                    return;
                }
                Period latest = valued.stream().map(Obs::period).max(Comparator.comparing(Period::start)).orElseThrow();
                Map<String, Double> values = new LinkedHashMap<>();
                valued.stream().filter(o -> o.period().equals(latest)).forEach(o -> values.put(o.area(), o.value()));
                double mean = values.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double sd = Math.sqrt(values.values().stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size());
                if (sd > 0 && values.containsKey(area)) {
                    Map<String, Double> z = new LinkedHashMap<>();
                    values.forEach((a, v) -> z.put(a, (v - mean) / sd));
                    scores.put(code, z);
                }
            });
        return scores;
    }

    private static List<Near> neighbours(String area, String benchmarked, int wanted) {
        Map<String, Map<String, Double>> scores = scores(area, benchmarked);
        List<Near> all = new ArrayList<>();
        for (String other : AREAS) {
            if (other.equals(area)) {
                continue;
            }
            double sum = 0;
            int shared = 0;
            for (Map<String, Double> z : scores.values()) {
                if (z.containsKey(other)) {
                    sum += Math.pow(z.get(other) - z.get(area), 2);
                    shared++;
                }
            }
            if (shared > 0) {
                all.add(new Near(other, Math.sqrt(sum / shared), shared));
            }
        }
        all.sort(Comparator.comparingDouble(Near::distance).thenComparing(Near::area));
        return all.subList(0, Math.min(wanted, all.size()));
    }

    /** An expected line: its kind and the areas it is computed over. */
    record Group(String kind, List<String> areas) {
    }

    private static List<Group> groups(String area, List<Near> neighbours) {
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("AREA", List.of(area)));
        groups.add(new Group("REGION", AREAS.stream().filter(a -> region(a).equals(region(area))).toList()));
        if (PARTNERSHIP.contains(area)) {
            groups.add(new Group("PARTNERSHIP", List.copyOf(PARTNERSHIP)));
        }
        groups.add(new Group("ENGLAND", AREAS));
        if (!neighbours.isEmpty()) {
            groups.add(new Group("NEIGHBOURS", neighbours.stream().map(Near::area).toList()));
        }
        return groups;
    }

    /** The expected point of a group of areas in a period, from the fixture's observations. */
    private static SeriesPoint point(String measure, ValueKind kind, List<String> areas, Period period) {
        List<Obs> observed = OBSERVATIONS.stream()
            .filter(o -> o.measure().equals(measure) && o.period().equals(period) && areas.contains(o.area())).toList();
        List<Obs> valued = observed.stream().filter(o -> o.value() != null
            && (kind == ValueKind.MEAN || o.numerator() != null && o.denominator() != null)).toList();
        int n = valued.size();
        double numerator = valued.stream().mapToDouble(o -> kind == ValueKind.RATE ? o.numerator() : 0).sum();
        double denominator = valued.stream().mapToDouble(o -> kind == ValueKind.RATE ? o.denominator() : 0).sum();
        double mean = valued.stream().mapToDouble(Obs::value).average().orElse(Double.NaN);
        double sd = n < 2 ? Double.NaN
            : Math.sqrt(valued.stream().mapToDouble(o -> (o.value() - mean) * (o.value() - mean)).sum() / (n - 1));
        return SeriesPoint.of(period, kind, n, observed.size() - n, numerator, denominator, n == 0 ? null : mean,
            Double.isNaN(sd) ? null : sd);
    }

    /** Checks a whole answer against the independent computation. */
    @SuppressWarnings("unchecked")
    private void assertBenchmark(String area, String measure, ValueKind kind, Period from, Period to, int wanted) {
        String code = area.equals("998") ? "TST-BM-A01" : area;
        Map<String, Object> answer = benchmark(area, measure, from, to, wanted);
        assertThat(((Map<String, Object>) answer.get("area")).get("code")).isEqualTo(code);
        assertThat(((Map<String, Object>) answer.get("measure")).get("code")).isEqualTo(measure);
        assertThat(answer.get("valueKind")).isEqualTo(kind.name());
        assertThat(((List<Map<String, Object>>) answer.get("characteristics")).stream().map(c -> c.get("code")).toList())
            .as("characteristics").containsExactlyElementsOf(scores(code, measure).keySet());

        List<Near> expected = neighbours(code, measure, wanted);
        List<Map<String, Object>> neighbours = (List<Map<String, Object>>) answer.get("neighbours");
        assertThat(neighbours).as("neighbours of " + code).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> actual = neighbours.get(i);
            assertThat(((Map<String, Object>) actual.get("area")).get("code")).as("rank " + (i + 1))
                .isEqualTo(expected.get(i).area());
            assertThat(actual.get("rank")).isEqualTo(i + 1);
            assertThat(((Number) actual.get("distance")).doubleValue()).isCloseTo(expected.get(i).distance(), within(TOLERANCE));
            assertThat(actual.get("sharedCharacteristics")).isEqualTo(expected.get(i).shared());
        }

        TreeSet<Period> periods = new TreeSet<>();
        OBSERVATIONS.stream().filter(o -> o.measure().equals(measure))
            .filter(o -> (from == null || !o.period().start().isBefore(from.start()))
                && (to == null || o.period().start().isBefore(to.end())))
            .forEach(o -> periods.add(o.period()));
        List<Group> groups = groups(code, expected);
        List<Map<String, Object>> lines = (List<Map<String, Object>>) answer.get("lines");
        assertThat(lines.stream().map(line -> line.get("kind")).toList())
            .containsExactlyElementsOf(groups.stream().map(Group::kind).toList());
        for (int l = 0; l < groups.size(); l++) {
            List<Map<String, Object>> points = (List<Map<String, Object>>) lines.get(l).get("points");
            assertThat(points).as(groups.get(l).kind() + " points").hasSize(periods.size());
            int p = 0;
            for (Period period : periods) {
                assertPoint(groups.get(l).kind() + " " + period.label(), points.get(p++),
                    point(measure, kind, groups.get(l).areas(), period));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertPoint(String what, Map<String, Object> actual, SeriesPoint expected) {
        Map<String, Object> period = (Map<String, Object>) actual.get("period");
        assertThat(period.get("timePeriod")).as(what).isEqualTo(expected.period().timePeriod());
        assertThat(period.get("timeIdentifier")).as(what).isEqualTo(expected.period().timeIdentifier());
        assertThat(((Number) actual.get("n")).longValue()).as(what + " n").isEqualTo(((Number) expected.n()).longValue());
        assertThat(actual.get("missing")).as(what + " missing").isEqualTo(expected.missing());
        assertClose(what + " value", actual.get("value"), expected.value());
        assertClose(what + " numerator", actual.get("numerator"), expected.numerator());
        assertClose(what + " denominator", actual.get("denominator"), expected.denominator());
        assertClose(what + " sd", actual.get("sd"), expected.sd());
        assertClose(what + " standardError", actual.get("standardError"), expected.standardError());
        assertClose(what + " lower", actual.get("lower"), expected.lower());
        assertClose(what + " upper", actual.get("upper"), expected.upper());
    }

    private static void assertClose(String what, Object actual, Double expected) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        }
        else {
            assertThat(actual).as(what).isInstanceOf(Number.class);
            assertThat(((Number) actual).doubleValue()).as(what).isCloseTo(expected, within(TOLERANCE));
        }
    }

    // --- The tests.

    @Test
    void shouldBenchmarkARateAgainstEveryLineAndTheNearestNeighbours() {
        // By DfE code; the rate itself is configured but never a characteristic of its own benchmark.
        assertBenchmark("998", "TST-BMRATE", ValueKind.RATE, null, null, 10);
        assertThat(scores("TST-BM-A01", "TST-BMRATE")).containsOnlyKeys("TST-BMC1", "TST-BMC2", "TST-BMC3");
        assertThat(neighbours("TST-BM-A01", "TST-BMRATE", 20)).as("more candidates than asked for").hasSize(12);
    }

    @Test
    void shouldBreakTiesByCodeAndReturnFewerNeighboursWhenFewerAreAlike() {
        // A05 and A06 have the same characteristics: the same distance from every area, A05 first.
        List<Near> all = neighbours("TST-BM-A02", "TST-BMRATE", 20);
        int a05 = IntStream.range(0, all.size()).filter(i -> all.get(i).area().equals("TST-BM-A05")).findFirst().orElseThrow();
        assertThat(all.get(a05 + 1).area()).isEqualTo("TST-BM-A06");
        assertThat(all.get(a05 + 1).distance()).isEqualTo(all.get(a05).distance());
        assertBenchmark("TST-BM-A02", "TST-BMRATE", ValueKind.RATE, null, null, 20);
    }

    @Test
    void shouldBenchmarkAMeanOverAWindowWithTheRateAsACharacteristic() {
        assertBenchmark("TST-BM-A03", "TST-BMMEAN", ValueKind.MEAN, Period.financialYear(2022), Period.financialYear(2023), 10);
        assertThat(scores("TST-BM-A03", "TST-BMMEAN")).containsKey("TST-BMRATE");
        // A mean's suppressed value is missing: A05 in 2022-23, the region's line.
        Map<String, Object> answer = benchmark("TST-BM-A05", "TST-BMMEAN", Period.financialYear(2022), null, 5);
        assertThat(lines(answer, "AREA").getFirst()).containsEntry("n", 0).containsEntry("missing", 1)
            .containsEntry("value", null);
        assertThat(lines(answer, "REGION").getFirst()).containsEntry("n", 11).containsEntry("missing", 1);
    }

    @Test
    void shouldCountTheSuppressedObservationAsMissingNeverAsZero() {
        Map<String, Object> answer = benchmark("TST-BM-A03", "TST-BMRATE", Period.academicYear(2022),
            Period.academicYear(2022), 10);
        Map<String, Object> own = lines(answer, "AREA").getFirst();
        assertThat(own).containsEntry("n", 0).containsEntry("missing", 1).containsEntry("value", null)
            .containsEntry("numerator", null).containsEntry("denominator", null);
        Map<String, Object> partnership = lines(answer, "PARTNERSHIP").getFirst();
        double denominator = OBSERVATIONS.stream().filter(o -> o.measure().equals("TST-BMRATE")
            && o.period().equals(Period.academicYear(2022)) && PARTNERSHIP.contains(o.area()) && o.value() != null)
            .mapToDouble(Obs::denominator).sum();
        assertThat(partnership).containsEntry("n", 3).containsEntry("missing", 1).containsEntry("denominator", denominator);
        assertBenchmark("TST-BM-A03", "TST-BMRATE", ValueKind.RATE, null, null, 10);
    }

    @Test
    void shouldLeaveOutThePartnershipOfANonMemberAndTheNeighboursOfAnAreaWithNoCharacteristics() {
        assertBenchmark("TST-BM-B02", "TST-BMRATE", ValueKind.RATE, null, null, 10);
        // A12 has none of the characteristics in their latest periods (C1 only in an older one).
        assertThat(scores("TST-BM-A12", "TST-BMRATE")).isEmpty();
        assertBenchmark("TST-BM-A12", "TST-BMRATE", ValueKind.RATE, null, null, 10);
        // ... but it has the rate, a characteristic when the mean is benchmarked.
        assertBenchmark("TST-BM-A12", "TST-BMMEAN", ValueKind.MEAN, null, null, 10);
    }

    /** The first point of each line of this kind. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> answer, String kind) {
        return ((List<Map<String, Object>>) answer.get("lines")).stream().filter(line -> kind.equals(line.get("kind")))
            .map(line -> ((List<Map<String, Object>>) line.get("points")).getFirst()).toList();
    }

    @Test
    void shouldAnswerBadArgumentsWithABadRequestThatSaysWhatAndWhere() {
        Period year = Period.academicYear(2023);
        assertRefused(ask("TST-BM-NOPE", "TST-BMRATE", null, null, 10), "area",
            "Invalid argument 'area': no local area has the ONS or DfE code 'TST-BM-NOPE'");
        assertRefused(ask("TST-BM-A01", "TST-BM-NOPE", null, null, 10), "measure",
            "Invalid argument 'measure': no measure has the code 'TST-BM-NOPE'");
        assertRefused(ask("TST-BM-A01", "TST-BMCHILD", null, null, 10), "measure",
            "Invalid argument 'measure': TST-BMCHILD is a CHILD-level measure; benchmarking covers area-level measures");
        assertRefused(ask("TST-BM-A01", "TST-BMSETTING", null, null, 10), "measure",
            "Invalid argument 'measure': TST-BMSETTING is a SETTING-level measure");
        assertRefused(ask("TST-BM-A01", "TST-BMRATE", null, null, 0), "neighbours",
            "Invalid argument 'neighbours': asks for 0 statistical neighbours; ask for 1 to 20");
        assertRefused(ask("TST-BM-A01", "TST-BMRATE", null, null, 21), "neighbours",
            "Invalid argument 'neighbours': asks for 21");
        assertRefused(ask("TST-BM-A01", "TST-BMRATE", year, Period.academicYear(2022), 10), "to",
            "Invalid argument 'to': 2022/23 ends before 2023/24 (from) starts");
        Map<String, Object> variables = new HashMap<>(Map.of("area", "TST-BM-A01", "measure", "TST-BMRATE", "neighbours", 10));
        variables.put("from", Map.of("timePeriod", 202325, "timeIdentifier", "Academic year"));
        assertRefused(graphQl().document(DOCUMENT).variables(variables).execute(), "from",
            "Invalid argument 'from': time_period 202325 is not a two-year period");
        variables.put("from", null);
        variables.put("to", Map.of("timePeriod", 2024, "timeIdentifier", "Winter term"));
        assertRefused(graphQl().document(DOCUMENT).variables(variables).execute(), "to",
            "Invalid argument 'to': time_identifier 'Winter term' is not one the hub knows");
    }

    private static void assertRefused(GraphQlTester.Response response, String argument, String message) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(error.getMessage()).startsWith(message);
            assertThat(error.getExtensions()).containsEntry("argument", argument);
        }));
        assertThat((Object) response.returnResponse().getData()).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCostOneStatementWhateverTheAreasAndPeriods() {
        GraphQlTester withCost = graphQl().mutate().header("X-Hub-Cost", "true").build();
        Map<String, Object> variables = Map.of("area", "TST-BM-A01", "measure", "TST-BMRATE", "neighbours", 20);
        withCost.document(DOCUMENT).variables(variables).execute().errors().verify();
        long before = statements.count();
        GraphQlTester.Response response = withCost.document(DOCUMENT).variables(variables).execute();
        long counted = statements.count() - before;
        response.errors().verify();
        Map<String, Object> cost = (Map<String, Object>) response.returnResponse().getExtensions().get("cost");
        // Area, measure, neighbours and every line's points: one statement, counted at the driver too.
        assertThat(((Number) cost.get("roundTrips")).longValue()).isEqualTo(1).isEqualTo(counted);
        // A refused measure costs the same one statement.
        GraphQlTester.Response refused = withCost.document(DOCUMENT)
            .variables(Map.of("area", "TST-BM-A01", "measure", "TST-BMCHILD", "neighbours", 10)).execute();
        refused.errors().satisfy(errors -> assertThat(errors).hasSize(1));
        cost = (Map<String, Object>) refused.returnResponse().getExtensions().get("cost");
        assertThat(((Number) cost.get("roundTrips")).longValue()).isEqualTo(1);
    }
}
