package uk.gov.send.rep.hub.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark's settings, from system properties ({@code -Dbenchmark.<name>=...}; the Maven
 * profile passes its properties of the same names through).
 *
 * @param dataDir the embedded database to open (seeded beforehand; nothing is seeded here)
 * @param pageCache Neo4j's page cache ({@code hub.neo4j.embedded.page-cache})
 * @param clients the concurrent client counts of each point
 * @param warmup single-client warm-up of each side of each query
 * @param duration measured time of each point
 * @param minRequests fewest requests of a point (a slow query runs past {@code duration} to get them)
 * @param cap no request starts after this much time in a point, whatever {@code minRequests} says
 * @param depth the rows a deep page starts after (fewer where the data has fewer than twice as many)
 * @param only names (or name prefixes) of the queries to run; empty for the whole mix
 * @param http also time the hub over HTTP ({@code POST /graphql}) at one client, for information
 * @param profile PROFILE each query's statements (hub and floor) instead of timing
 * @param statements in profile mode, a file of further read-only Cypher statements to PROFILE and time
 *     (e.g. a proposed rewrite of the hub's Cypher), separated by lines holding only {@code ;}
 * @param output where the Markdown report goes
 * @param slices into how many slices each side of a point is cut, timed alternately with the other
 *     side's (hub, floor, floor, hub, ...): an even number, at least 2
 * @param trace print each slice's JVM uptime and latencies, to line slices up with a JFR recording
 *     or a GC log of the same run
 */
record BenchmarkOptions(Path dataDir, String pageCache, List<Integer> clients, Duration warmup, Duration duration,
        int minRequests, Duration cap, long depth, Set<String> only, boolean http, boolean profile, Path statements, Path output,
        int slices, boolean trace) {

    private static final String SLICES = "-Dbenchmark.slices must be an even number of at least 2, not ";

    BenchmarkOptions {
        if (slices < 2 || slices % 2 != 0) {
            throw new IllegalArgumentException(SLICES + slices);
        }
    }

    static BenchmarkOptions fromSystemProperties() {
        String dataDir = property("data-dir", "");
        if (dataDir.isBlank()) {
            throw new IllegalArgumentException("Set -Dbenchmark.data-dir=<embedded database directory>");
        }
        return new BenchmarkOptions(Path.of(dataDir).toAbsolutePath(), property("page-cache", "4g"),
            Arrays.stream(property("clients", "1,8,32").split(",")).map(String::trim).map(Integer::parseInt).toList(),
            Duration.ofMillis((long) (Double.parseDouble(property("warmup-seconds", "15")) * 1000)),
            Duration.ofMillis((long) (Double.parseDouble(property("seconds", "10")) * 1000)),
            Integer.parseInt(property("min-requests", "20")),
            Duration.ofMillis((long) (Double.parseDouble(property("max-seconds", "45")) * 1000)),
            Long.parseLong(property("depth", "100000")),
            Arrays.stream(property("queries", "").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet()),
            Boolean.parseBoolean(property("http", "true")), Boolean.parseBoolean(property("profile", "false")),
            property("statements", "").isEmpty() ? null : Path.of(property("statements", "")).toAbsolutePath(),
            Path.of(property("output", "target/benchmark")).toAbsolutePath(), slices(property("slices", "6")),
            Boolean.parseBoolean(property("trace", "false")));
    }

    private static int slices(String value) {
        try {
            return Integer.parseInt(value);
        }
        catch (NumberFormatException notNumber) {
            throw new IllegalArgumentException(SLICES + "'" + value + "'");
        }
    }

    boolean selected(String query) {
        return only.isEmpty() || only.stream().anyMatch(query::startsWith);
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty("benchmark." + name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
