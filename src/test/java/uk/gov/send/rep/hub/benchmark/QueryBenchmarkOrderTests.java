package uk.gov.send.rep.hub.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's order of measuring: which entries are timed together and in which order. */
class QueryBenchmarkOrderTests {

    private static final QueryBenchmark.Slice HUB = new QueryBenchmark.Slice(0, true);
    private static final QueryBenchmark.Slice FLOOR = new QueryBenchmark.Slice(0, false);
    private static final QueryBenchmark.Slice DEEP_HUB = new QueryBenchmark.Slice(1, true);
    private static final QueryBenchmark.Slice DEEP_FLOOR = new QueryBenchmark.Slice(1, false);

    @Test
    void aQueryAloneIsTimedHubFloorFloorHubInEachRound() {
        assertThat(QueryBenchmark.slices(1, 1)).containsExactly(HUB, FLOOR, FLOOR, HUB);
        assertThat(QueryBenchmark.slices(1, 3)).containsExactly(HUB, FLOOR, FLOOR, HUB, HUB, FLOOR, FLOOR, HUB, HUB, FLOOR,
            FLOOR, HUB);
    }

    @Test
    void aFirstPageIsTimedRoundItsDeepPageInEachRound() {
        assertThat(QueryBenchmark.slices(2, 2)).containsExactly(HUB, FLOOR, DEEP_HUB, DEEP_FLOOR, DEEP_FLOOR, DEEP_HUB, FLOOR,
            HUB, HUB, FLOOR, DEEP_HUB, DEEP_FLOOR, DEEP_FLOOR, DEEP_HUB, FLOOR, HUB);
    }

    @Test
    void slicesAreAnEvenNumberOfAtLeastTwo() {
        for (String bad : new String[] { "0", "1", "3", "-2", "six" }) {
            System.setProperty("benchmark.data-dir", "bench");
            System.setProperty("benchmark.slices", bad);
            try {
                org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(BenchmarkOptions::fromSystemProperties)
                    .withMessageContaining("-Dbenchmark.slices must be an even number of at least 2").withMessageContaining(bad);
            }
            finally {
                System.clearProperty("benchmark.slices");
                System.clearProperty("benchmark.data-dir");
            }
        }
    }

    @Test
    void eachFirstPageIsOneUnitWithTheDeepPageOfItsOrderWhereverThatIs() {
        List<Report.Result> results = List.of(result("a", null), result("f1-first", group("ref", false)),
            result("f2-first", group("year", false)), result("f1-deep", group("ref", true)), result("g", null),
            result("f2-deep", group("year", true)), result("f3-first", group("requested", false)),
            result("f4-deep", group("other", true)));

        assertThat(QueryBenchmark.units(results)).containsExactly(List.of(0), List.of(1, 3), List.of(2, 5), List.of(4),
            List.of(6), List.of(7));
    }

    private static BenchmarkQuery.PageGroup group(String order, boolean deep) {
        return new BenchmarkQuery.PageGroup(order, deep, 100_000, deep ? "K" : null);
    }

    private static Report.Result result(String name, BenchmarkQuery.PageGroup group) {
        BenchmarkQuery query = BenchmarkQuery.of(name, "question", "{ __typename }", Map.of(), "RETURN 1", Map.of(),
            data -> List.of(), records -> List.of());
        return new Report.Result(group == null ? query : query.inGroup(group), 0, 1, 1, new LinkedHashMap<>(),
            new LinkedHashMap<>(), null);
    }
}
