package uk.gov.send.rep.hub.benchmark;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * The data-dependent values the reference mix needs, read from the database at start so that the
 * same mix hits real rows at every scale: the seed's scale and "as at" date, the largest
 * partnership, samples of refs for the lookups, and the rows a deep page starts after.
 *
 * @param scale the scale of the COMPLETE seed run in the database
 * @param asAt the date the seeded graph describes (the preset's {@code asAt})
 * @param partnership the partnership with the most resident children in its member areas
 * @param issuePartnership the partnership with the most answers to the issue's example, query (a)
 * @param reform the reform whose pilots' settings query (b) lists
 * @param childRefs a spread sample of child refs, for lookups
 * @param settingRefs a spread sample of setting refs, for lookups
 * @param children how many children there are
 * @param plans how many plans there are
 * @param deep for each paged order, the row a deep page starts after and the row it must start with
 */
record MixParameters(String scale, LocalDate asAt, String partnership, String issuePartnership, String reform, List<String> childRefs,
        List<String> settingRefs, long children, long plans, Map<String, DeepRow> deep) {

    /** The reform of the three-tier AP model (seed/reforms.csv). */
    static final String THREE_TIER_AP = "AP_THREE_TIER";

    /**
     * The sort values of the row a deep page starts after (the {@code depth}-th row), and the key
     * of the row that page must start with (the next one): a check that the cursor is right.
     */
    record DeepRow(long depth, List<Object> afterValues, String nextKey) {
    }

    static MixParameters discover(Driver driver, long wantedDepth) {
        List<Record> runs = read(driver, "MATCH (r:SeedRun) RETURN r.scale AS scale, r.status AS status", Map.of());
        List<Record> complete = runs.stream().filter(r -> "COMPLETE".equals(r.get("status").asString())).toList();
        if (complete.size() != 1) {
            throw new IllegalStateException("The database must hold exactly one COMPLETE seed run, found " + runs.stream()
                .map(r -> r.get("scale").asString() + " " + r.get("status").asString()).toList()
                + ". Create it with: java -jar target/rep-data-hub.jar seed --scale demo|national"
                + " --hub.neo4j.embedded.data-dir=<dir>");
        }
        String scale = complete.getFirst().get("scale").asString();
        LocalDate asAt = asAt(scale);

        String partnership = read(driver, """
            MATCH (p:Partnership)<-[:MEMBER_OF]-(a:LocalArea)
            WITH p, sum(COUNT { (a)<-[:RESIDENT_IN]-(:Child) }) AS residents
            RETURN p.code AS code ORDER BY residents DESC, code LIMIT 1""", Map.of()).getFirst().get("code").asString();
        // The partnership where the issue's example has the most answers (the largest when none has any).
        String issuePartnership = read(driver, """
            MATCH (pp:Partnership)
            CALL (pp) {
            """ + ReferenceMix.ISSUE_EXAMPLE_FLOOR.replace("(:Partnership {code: $partnership})", "(pp)") + """
              RETURN count(c) AS answers
            }
            RETURN pp.code AS code ORDER BY answers DESC, pp.code = $largest DESC, code LIMIT 1""",
            Map.of("largest", partnership, "since", asAt.minusYears(1), "requestedBefore", asAt.minusWeeks(20),
                "apKinds", ReferenceMix.AP_KINDS)).getFirst().get("code").asString();
        long involved = read(driver, """
            MATCH (:Reform {code: $reform})<-[:TESTS]-(:Pilot)-[:INVOLVES]->(s:Setting)
            RETURN count(DISTINCT s) AS settings""", Map.of("reform", THREE_TIER_AP)).getFirst().get("settings").asLong();
        if (involved == 0) {
            throw new IllegalStateException("No setting is involved in a pilot testing " + THREE_TIER_AP);
        }

        long children = count(driver, "MATCH (c:Child) RETURN count(c) AS n");
        long plans = count(driver, "MATCH (p:Plan) RETURN count(p) AS n");
        long depth = Math.min(wantedDepth, Math.min(children, plans) / 2);

        Map<String, DeepRow> deep = Map.of(
            ReferenceMix.CHILDREN_BY_REF, deepRow(driver, depth,
                "MATCH (c:Child) WHERE c.ref IS NOT NULL RETURN c.ref AS key ORDER BY c.ref SKIP $skip LIMIT 2",
                List.of()),
            ReferenceMix.CHILDREN_BY_BIRTH_YEAR_DESC, deepRow(driver, depth,
                "MATCH (c:Child) RETURN c.birthYear AS v0, c.ref AS key ORDER BY c.birthYear DESC, c.ref DESC SKIP $skip LIMIT 2",
                List.of("v0")),
            ReferenceMix.PLANS_BY_REQUESTED, deepRow(driver, depth,
                "MATCH (p:Plan) WHERE p.requested IS NOT NULL RETURN p.requested AS v0, p.ref AS key "
                    + "ORDER BY p.requested, p.ref SKIP $skip LIMIT 2",
                List.of("v0")));

        return new MixParameters(scale, asAt, partnership, issuePartnership, THREE_TIER_AP,
            childSample(driver, 200), settingSample(driver, 100), children, plans, deep);
    }

    /** The preset's {@code asAt} for a scale, from the generator inputs in the jar. */
    private static LocalDate asAt(String scale) {
        try (Reader reader = new InputStreamReader(
                MixParameters.class.getResourceAsStream("/seed/presets.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (row.get("scale").equals(scale)) {
                    return LocalDate.parse(row.get("asAt"));
                }
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read seed/presets.csv", e);
        }
        throw new IllegalStateException("No preset named " + scale + " in seed/presets.csv");
    }

    private static DeepRow deepRow(Driver driver, long depth, String cypher, List<String> sortColumns) {
        List<Record> rows = read(driver, cypher, Map.of("skip", depth - 1));
        if (rows.size() < 2) {
            throw new IllegalStateException("Fewer than " + (depth + 1) + " rows for: " + cypher);
        }
        List<Object> values = new ArrayList<>();
        for (String column : sortColumns) {
            values.add(rows.getFirst().get(column).asObject());
        }
        values.add(rows.getFirst().get("key").asString());
        return new DeepRow(depth, values, rows.get(1).get("key").asString());
    }

    /**
     * Child refs spread over the whole key range ({@code C} and hex digits): for random prefixes,
     * the first ref at or after each, through the ref index.
     */
    private static List<String> childSample(Driver driver, int size) {
        String first = read(driver, "MATCH (c:Child) RETURN c.ref AS ref LIMIT 1", Map.of()).getFirst().get("ref").asString();
        boolean lower = !first.equals(first.toUpperCase(java.util.Locale.ROOT));
        Random random = new Random(20230302L);
        List<String> starts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String hex = String.format("%03x", random.nextInt(4096));
            starts.add(first.charAt(0) + (lower ? hex : hex.toUpperCase(java.util.Locale.ROOT)));
        }
        return read(driver, """
            UNWIND $starts AS start
            CALL (start) { MATCH (n:Child) WHERE n.ref >= start RETURN n.ref AS ref ORDER BY n.ref LIMIT 1 }
            RETURN DISTINCT ref""", Map.of("starts", starts)).stream().map(r -> r.get("ref").asString()).toList();
    }

    /** Setting refs at even steps of the ref order (tens of thousands of settings at most). */
    private static List<String> settingSample(Driver driver, int size) {
        return read(driver, """
            MATCH (s:Setting) WITH s.ref AS ref ORDER BY ref
            WITH collect(ref) AS refs
            UNWIND range(0, size(refs) - 1, CASE WHEN size(refs) < $size THEN 1 ELSE size(refs) / $size END) AS i
            RETURN refs[i] AS ref""", Map.of("size", size)).stream().map(r -> r.get("ref").asString()).toList();
    }

    private static long count(Driver driver, String cypher) {
        return read(driver, cypher, Map.of()).getFirst().get("n").asLong();
    }

    static List<Record> read(Driver driver, String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).execute().records();
    }
}
