package uk.gov.send.rep.hub.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Repository;

import uk.gov.send.rep.hub.area.AreaGraph;
import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.outcome.Measure;
import uk.gov.send.rep.hub.outcome.OutcomeGraph;
import uk.gov.send.rep.hub.period.Period;
import uk.gov.send.rep.hub.query.ConnectionQueries.CypherQuery;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.InvalidArgumentException;

import static uk.gov.send.rep.hub.query.Props.decimal;
import static uk.gov.send.rep.hub.query.Props.str;

/**
 * The Cypher of area benchmarking: one statement per benchmark, run through {@link GraphReader},
 * that finds the area and the measure, chooses the statistical neighbours and aggregates every
 * line per period (README "Area benchmarking", ADR 0014). The text is fixed; every value is a
 * parameter. It reads only observations of local areas, which are published statistics: a
 * child's observations are never counted, whatever their measure.
 */
@Repository
class AreaBenchmarkQueries {

    /**
     * The area (by ONS or DfE code) and the measure; the rest runs only when both exist and the
     * measure is an area-level one ({@code valid}).
     */
    private static final String FIND = """
        OPTIONAL MATCH (a:LocalArea) WHERE a.code = $code OR a.dfeCode = $dfeCode
        OPTIONAL MATCH (m:Measure {code: $measure})
        WITH a, m, coalesce(a IS NOT NULL AND m.level = 'AREA', false) AS valid""";

    /**
     * Statistical neighbours, in one pass over the characteristics' area observations. Each
     * characteristic (a configured area-level measure other than the benchmarked one) is read in
     * its latest period in which some area has a value (latest periodStart, then timePeriod, then
     * timeIdentifier), z-scored over the areas with a value there (mean and population standard
     * deviation), and kept when its values spread (sd > 0) and the area has one. The distance to
     * another area is the root mean square of the z-score differences over the characteristics
     * both have; the nearest {@code $neighbours}, ties by code.
     */
    private static final String NEIGHBOURS = """
        CALL (a, m, valid) {
          MATCH (x:LocalArea)-[:OBSERVED]->(o:Observation)
          WHERE valid AND o.measure IN $characteristics AND o.measure <> m.code AND o.value IS NOT NULL
          WITH a, o.measure AS code, o.periodStart AS start, o.timePeriod AS timePeriod,
            o.timeIdentifier AS timeIdentifier, collect({area: x, value: o.value}) AS values
          ORDER BY start DESC, timePeriod DESC, timeIdentifier
          WITH a, code, head(collect(values)) AS values
          MATCH (c:Measure {code: code}) WHERE c.level = 'AREA'
          WITH a, c, values, reduce(sum = 0.0, v IN values | sum + v.value) / size(values) AS mean
          WITH a, c, values, mean, sqrt(reduce(sum = 0.0, v IN values | sum + (v.value - mean) ^ 2) / size(values)) AS sd
          WHERE sd > 0
          WITH a, c, [v IN values | {area: v.area, z: (v.value - mean) / sd}] AS scores
          WITH c, scores, [s IN scores WHERE s.area = a | s.z][0] AS own
          WHERE own IS NOT NULL
          WITH c, scores, own ORDER BY c.code
          RETURN collect(c {.*}) AS characteristics, collect({scores: scores, own: own}) AS scored
        }
        CALL (a, scored) {
          UNWIND scored AS characteristic
          UNWIND characteristic.scores AS score
          WITH a, score.area AS x, (score.z - characteristic.own) ^ 2 AS square
          WHERE x <> a
          WITH x, avg(square) AS meanSquare, count(*) AS shared
          ORDER BY meanSquare, x.code
          LIMIT $neighbours
          RETURN collect({area: x {.*}, distance: sqrt(meanSquare), shared: shared}) AS neighbours
        }""";

    /**
     * The lines, each a group of areas ({@code areas} null: every area), and whether the measure
     * is a rate: as the catalogue declares ({@code valueKind}), else when some area observation of
     * it carries a numerator and a denominator.
     */
    private static final String LINES = """
        WITH a, m, valid, characteristics, neighbours,
          valid AND CASE WHEN m.valueKind IS NOT NULL THEN m.valueKind = 'RATE'
            ELSE EXISTS { MATCH (:LocalArea)-[:OBSERVED]->(r:Observation {measure: m.code})
              WHERE r.numerator IS NOT NULL AND r.denominator IS NOT NULL } END AS rate
        WITH a, m, valid, characteristics, neighbours, rate,
          [{kind: 'AREA', label: a.name, areas: [a.code]}]
          + COLLECT { MATCH (a)-[:IN_REGION]->(r:Region)
              RETURN {kind: 'REGION', label: r.name, areas: COLLECT { MATCH (r)<-[:IN_REGION]-(x:LocalArea) RETURN x.code }} }
          + COLLECT { MATCH (a)-[:MEMBER_OF]->(p:Partnership) WITH p ORDER BY p.code
              RETURN {kind: 'PARTNERSHIP', label: p.name, areas: COLLECT { MATCH (p)<-[:MEMBER_OF]-(x:LocalArea) RETURN x.code }} }
          + [{kind: 'ENGLAND', label: 'England', areas: null}]
          + CASE WHEN size(neighbours) = 0 THEN [] ELSE [{kind: 'NEIGHBOURS',
              label: 'Statistical neighbours (' + toString(size(neighbours)) + ')',
              areas: [n IN neighbours | n.area.code]}] END AS lines""";

    /**
     * Each line's aggregates per period over the area observations starting in the window. An
     * observation counts towards {@code n} when it has a value (and, for a rate, a numerator and
     * a denominator), otherwise towards {@code missing}: one suppressed at source has no value and
     * is never read as zero. {@code sd} is the sample standard deviation.
     */
    private static final String POINTS = """
        CALL (m, valid, rate, lines) {
          MATCH (x:LocalArea)-[:OBSERVED]->(o:Observation {measure: m.code})
          WHERE valid AND ($from IS NULL OR o.periodStart >= $from) AND ($to IS NULL OR o.periodStart < $to)
          WITH x, o, o.value IS NOT NULL AND (NOT rate OR (o.numerator IS NOT NULL AND o.denominator IS NOT NULL)) AS usable
          UNWIND range(0, size(lines) - 1) AS line
          WITH line, x, o, usable WHERE lines[line].areas IS NULL OR x.code IN lines[line].areas
          WITH line, o.timePeriod AS timePeriod, o.timeIdentifier AS timeIdentifier,
            count(CASE WHEN usable THEN 1 END) AS n, count(CASE WHEN usable THEN null ELSE 1 END) AS missing,
            sum(CASE WHEN usable THEN o.numerator END) AS numerator,
            sum(CASE WHEN usable THEN o.denominator END) AS denominator,
            avg(CASE WHEN usable THEN o.value END) AS mean, stDev(CASE WHEN usable THEN o.value END) AS sd
          RETURN collect({line: line, timePeriod: timePeriod, timeIdentifier: timeIdentifier, n: n, missing: missing,
            numerator: numerator, denominator: denominator, mean: mean, sd: sd}) AS points
        }
        RETURN a {.*} AS area, m {.*} AS measure, rate, characteristics, neighbours,
          [line IN lines | line {.kind, .label}] AS lines, points""";

    private final GraphReader reader;

    AreaBenchmarkQueries(GraphReader reader) {
        this.reader = reader;
    }

    /**
     * The one statement of a benchmark.
     *
     * @param area ONS code, or DfE code when three digits
     * @param from first day a period may start on, or null
     * @param to the day periods must start before, or null
     */
    static CypherQuery query(String area, String measure, LocalDate from, LocalDate to, int neighbours,
            List<String> characteristics) {
        boolean dfe = area.matches("\\d{3}");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("code", dfe ? null : area);
        parameters.put("dfeCode", dfe ? area : null);
        parameters.put("measure", measure);
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("neighbours", neighbours);
        parameters.put("characteristics", characteristics);
        return new CypherQuery(String.join("\n", "CYPHER 5", FIND, NEIGHBOURS, LINES, POINTS), parameters);
    }

    /**
     * The benchmark, in one round trip.
     * @throws InvalidArgumentException when the area or the measure is unknown, or the measure is
     *     not an area-level one
     */
    AreaBenchmark benchmark(String area, String measure, LocalDate from, LocalDate to, int neighbours,
            List<String> characteristics) {
        Map<String, Object> row = reader.run(query(area, measure, from, to, neighbours, characteristics)).getFirst();
        if (row.get("area") == null) {
            throw new InvalidArgumentException("area", "no local area has the ONS or DfE code '" + area + "'");
        }
        if (row.get("measure") == null) {
            throw new InvalidArgumentException("measure", "no measure has the code '" + measure + "'");
        }
        Measure benchmarked = OutcomeGraph.MEASURE.map(properties(row.get("measure")));
        if (!"AREA".equals(benchmarked.level())) {
            throw new InvalidArgumentException("measure", benchmarked.code() + " is a " + benchmarked.level()
                + "-level measure; benchmarking covers area-level measures (level AREA). Benchmarking a child- or "
                + "setting-level measure aggregated per area is future work.");
        }
        ValueKind kind = Boolean.TRUE.equals(row.get("rate")) ? ValueKind.RATE : ValueKind.MEAN;
        List<AreaBenchmark.Neighbour> chosen = new ArrayList<>();
        for (Map<String, Object> neighbour : maps(row.get("neighbours"))) {
            chosen.add(new AreaBenchmark.Neighbour(AreaGraph.LOCAL_AREA.map(properties(neighbour.get("area"))),
                chosen.size() + 1, decimal(neighbour, "distance"), ((Number) neighbour.get("shared")).intValue()));
        }
        return new AreaBenchmark(AreaGraph.LOCAL_AREA.map(properties(row.get("area"))), benchmarked, kind,
            lines(maps(row.get("lines")), maps(row.get("points")), kind), chosen,
            maps(row.get("characteristics")).stream().map(OutcomeGraph.MEASURE::map).toList());
    }

    /**
     * The lines with one point per period in which any line has one (England has them all), in
     * period order; a line with no observation in a period gets an empty point there.
     */
    private static List<AreaBenchmark.Line> lines(List<Map<String, Object>> lines, List<Map<String, Object>> points,
            ValueKind kind) {
        TreeSet<Period> periods = new TreeSet<>();
        List<Map<Period, SeriesPoint>> byLine = new ArrayList<>();
        lines.forEach(line -> byLine.add(new HashMap<>()));
        for (Map<String, Object> point : points) {
            Period period = Period.parse(str(point, "timePeriod"), str(point, "timeIdentifier"));
            periods.add(period);
            byLine.get(((Number) point.get("line")).intValue()).put(period, SeriesPoint.of(period, kind,
                ((Number) point.get("n")).longValue(), ((Number) point.get("missing")).longValue(),
                decimal(point, "numerator"), decimal(point, "denominator"), decimal(point, "mean"), decimal(point, "sd")));
        }
        List<AreaBenchmark.Line> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Map<Period, SeriesPoint> line = byLine.get(i);
            List<SeriesPoint> series = periods.stream()
                .map(period -> line.getOrDefault(period, SeriesPoint.of(period, kind, 0, 0, null, null, null, null)))
                .toList();
            result.add(new AreaBenchmark.Line(AreaBenchmark.LineKind.valueOf(str(lines.get(i), "kind")),
                str(lines.get(i), "label"), series));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object node) {
        return (Map<String, Object>) node;
    }
}
