package uk.gov.send.rep.hub.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.sun.management.OperatingSystemMXBean;

/** The benchmark's Markdown report: the mix, the figures, and the targets met or missed. */
final class Report {

    /** The hub's p95 may be at most this multiple of the floor's, per query (issue 3). */
    static final double FLOOR_TARGET = 1.3;

    /** A page after 100,000 rows may take at most this multiple of the first page's p95 (issue 3). */
    static final double DEEP_PAGE_TARGET = 1.5;

    /** One query's figures: a point per client count on each side, and HTTP at one client if timed. */
    record Result(BenchmarkQuery query, int rows, long hubTrips, long floorTrips, Map<Integer, Load.Point> hub,
            Map<Integer, Load.Point> floor, Load.Point http) {

        Result withHttp(Load.Point point) {
            return new Result(query, rows, hubTrips, floorTrips, hub, floor, point);
        }
    }

    private final BenchmarkOptions options;
    private final MixParameters data;
    private final List<Result> results;
    private final Duration took;

    private final double[] load;

    /** @param load the machine's one-minute load average when measuring began and ended */
    Report(BenchmarkOptions options, MixParameters data, List<Result> results, Duration took, double[] load) {
        this.options = options;
        this.data = data;
        this.results = results;
        this.took = took;
        this.load = load;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        out.append("# Query benchmark: ").append(data.scale()).append(" scale, ")
            .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(ZonedDateTime.now(ZoneOffset.UTC)))
            .append("\n\n");
        out.append(String.format(Locale.ROOT, """
            - Machine: %d cores, %.1f GB RAM, %s %s; JVM heap at most %.1f GB, Neo4j page cache %s. Load average
              (1 min) %.1f when measuring began, %.1f when it ended: other work shared the cores.
            - Data: %s seed as at %s, %,d children, %,d plans; partnership %s (largest; %s for the issue example), reform %s; deep pages after row %,d.
            - Hub: GraphQL executed by Spring for GraphQL's `ExecutionGraphQlService` in the hub's JVM (the
              engine: parsing, validation, data fetchers, DataLoaders, the hub's Cypher; no HTTP, no JSON).
              Floor: hand-written Cypher through the hub's own `Driver` bean (`executableQuery`, read routing).
              Both reach the embedded Neo4j over the same loopback Bolt connection pool.
            - First every query once on both sides (up to 2 s each), then per query %s s single-client warm-up
              per side, then %s s (at least %d requests, no new request after %s s) per client count and side,
              in %d slices per side in the order hub, floor, floor, hub, repeated; a first page and its deep page are
              timed round each other (first: hub, floor; deep: hub, floor, floor, hub; first: floor, hub). Latencies in milliseconds; req/s is
              completed requests over the point's wall time. Round trips: Cypher statements per request,
              counted at the driver on one thread. Measuring took %d min %d s.
            """, os.getAvailableProcessors(), os.getTotalMemorySize() / 1e9, System.getProperty("java.vm.name"),
            System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / 1e9, options.pageCache(), load[0], load[1],
            data.scale(),
            data.asAt(), data.children(), data.plans(), data.partnership(), data.issuePartnership(), data.reform(),
            data.deep().values().iterator().next().depth(), seconds(options.warmup()), seconds(options.duration()),
            options.minRequests(), seconds(options.cap()), options.slices(), took.toMinutes(), took.toSecondsPart()));

        out.append("\n## The mix\n\nRows: the answer's rows (a page's `hasNextPage` counts as one). \u2014: not timed at"
            + " that client count (see the query).\n\n| Query | Question | Rows | Round trips hub / floor |\n|---|---|---:|---:|\n");
        for (Result result : results) {
            out.append("| `%s` | %s | %d | %d / %d |\n".formatted(result.query().name(), result.query().question(),
                result.rows(), result.hubTrips(), result.floorTrips()));
        }

        out.append("\n## Latency and throughput\n\n")
            .append("| Query | Clients | Hub p50 | Hub p95 | Hub p99 | Hub req/s | Floor p50 | Floor p95 | Floor p99 | Floor req/s"
                + " | Requests hub / floor | Errors hub / floor | CPU ms per request hub / floor | Hub p95 / floor p95 |\n")
            .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result result : results) {
            for (int clients : result.hub().keySet()) {
                Load.Point hub = result.hub().get(clients);
                Load.Point floor = result.floor().get(clients);
                out.append(String.format(Locale.ROOT, "| `%s` | %d | %s | %s | %s | %s | %s | %s | %s | %s | %d / %d | %d / %d | %s / %s | %s |\n",
                    result.query().name(), hub.clients(), ms(hub.p50()), ms(hub.p95()), ms(hub.p99()), rate(hub.throughput()),
                    ms(floor.p50()), ms(floor.p95()), ms(floor.p99()), rate(floor.throughput()), hub.requests(),
                    floor.requests(), hub.errors(), floor.errors(), ms(hub.cpuMillisPerRequest()),
                    ms(floor.cpuMillisPerRequest()), ratio(hub.p95() / floor.p95(), FLOOR_TARGET)));
            }
        }
        for (Result result : results) {
            for (Map.Entry<Integer, Load.Point> entry : result.hub().entrySet()) {
                for (Load.Point point : List.of(entry.getValue(), result.floor().get(entry.getKey()))) {
                    if (point.firstError() != null) {
                        out.append("\nErrors in `%s` at %d clients (%s): %d, the first: %s\n".formatted(result.query().name(),
                            entry.getKey(), point == entry.getValue() ? "hub" : "floor", point.errors(), point.firstError()));
                    }
                }
            }
        }

        out.append("\n## Targets\n\nHub p95 / floor p95 per query (target at most ")
            .append(FLOOR_TARGET).append("; **bold** where missed):\n\n| Query |");
        for (int clients : options.clients()) {
            out.append(" ").append(clients).append(clients == 1 ? " client |" : " clients |");
        }
        out.append(" Met at every client count |\n|---|").append("---:|".repeat(options.clients().size())).append("---|\n");
        for (Result result : results) {
            out.append("| `").append(result.query().name()).append("` |");
            boolean met = true;
            for (int clients : options.clients()) {
                if (!result.hub().containsKey(clients)) {
                    out.append(" — |");
                    continue;
                }
                double ratio = result.hub().get(clients).p95() / result.floor().get(clients).p95();
                met &= ratio <= FLOOR_TARGET;
                out.append(" ").append(ratio(ratio, FLOOR_TARGET)).append(" |");
            }
            out.append(met ? " yes |\n" : " **no** |\n");
        }

        out.append("\nDeep page p95 / first page p95 (page after ").append(String.format(Locale.ROOT, "%,d",
            data.deep().values().iterator().next().depth())).append(" rows; target at most ").append(DEEP_PAGE_TARGET)
            .append(" for the hub):\n\n| Order | Side |");
        for (int clients : options.clients()) {
            out.append(" ").append(clients).append(clients == 1 ? " client |" : " clients |");
        }
        out.append(" Met at every client count |\n|---|---|").append("---:|".repeat(options.clients().size())).append("---|\n");
        for (Result first : results) {
            BenchmarkQuery.PageGroup group = first.query().group();
            if (group == null || group.deep()) {
                continue;
            }
            Optional<Result> deep = results.stream().filter(r -> r.query().group() != null && r.query().group().deep()
                && r.query().group().order().equals(group.order())).findFirst();
            if (deep.isEmpty()) {
                continue;
            }
            for (boolean hubSide : new boolean[] { true, false }) {
                out.append("| ").append(group.order()).append(" | ").append(hubSide ? "hub" : "floor").append(" |");
                boolean met = true;
                for (int clients : options.clients()) {
                    if (!first.hub().containsKey(clients) || !deep.get().hub().containsKey(clients)) {
                        out.append(" — |");
                        continue;
                    }
                    Load.Point a = hubSide ? first.hub().get(clients) : first.floor().get(clients);
                    Load.Point b = hubSide ? deep.get().hub().get(clients) : deep.get().floor().get(clients);
                    double ratio = b.p95() / a.p95();
                    met &= ratio <= DEEP_PAGE_TARGET;
                    out.append(" ").append(hubSide ? ratio(ratio, DEEP_PAGE_TARGET) : plain(ratio)).append(" |");
                }
                out.append(hubSide ? (met ? " yes |\n" : " **no** |\n") : " (information) |\n");
            }
        }

        if (results.stream().anyMatch(r -> r.http() != null)) {
            out.append("\n## Over HTTP (information)\n\n`POST /graphql` on the hub's own server from one client"
                + " (java.net.http, JSON both ways), against the engine alone:\n\n"
                + "| Query | HTTP p50 | HTTP p95 | HTTP p99 | HTTP req/s | Engine p95 |\n|---|---:|---:|---:|---:|---:|\n");
            for (Result result : results) {
                if (result.http() != null) {
                    Load.Point h = result.http();
                    out.append("| `%s` | %s | %s | %s | %s | %s |\n".formatted(result.query().name(), ms(h.p50()),
                        ms(h.p95()), ms(h.p99()), rate(h.throughput()), ms(result.hub().values().iterator().next().p95())));
                }
            }
        }
        return out.toString();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.0f", duration.toMillis() / 1000.0);
    }

    private static String ms(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis)
            : millis >= 10 ? String.format(Locale.ROOT, "%.1f", millis) : String.format(Locale.ROOT, "%.2f", millis);
    }

    private static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%.0f", perSecond) : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    private static String ratio(double ratio, double target) {
        String text = plain(ratio);
        return ratio <= target ? text : "**" + text + "**";
    }

    private static String plain(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }
}
