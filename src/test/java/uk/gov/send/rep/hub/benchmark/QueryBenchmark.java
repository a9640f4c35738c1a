package uk.gov.send.rep.hub.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.send.rep.hub.HubApplication;
import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.query.Scope;
import uk.gov.send.rep.hub.security.LocalTokens;

/**
 * The query benchmark (not a test: surefire never runs it). Starts the hub in this JVM on an
 * existing embedded database, seeding nothing, and times each query of the {@link ReferenceMix}
 * two ways: as GraphQL executed by Spring for GraphQL's {@link ExecutionGraphQlService} (the
 * engine: parsing, validation, data fetchers, DataLoaders and the hub's Cypher, without HTTP), and
 * as hand-written Cypher through the same {@link Driver} bean (the floor). Before timing, each
 * query's two answers are compared row by row; a difference stops the benchmark.
 *
 * <p>For each query and each client count it reports p50/p95/p99 latency, throughput and round
 * trips per request (Cypher statements, counted by {@link CypherStatementCounter} on one thread),
 * the ratio hub p95 / floor p95, and for paging the ratio deep page p95 / first page p95. Run it
 * with {@code ./mvnw -Pbenchmark test -Dbenchmark.data-dir=...} (README, "Benchmark").
 */
public final class QueryBenchmark {

    private final BenchmarkOptions options;
    private final ExecutionGraphQlService graphQl;
    private final Driver driver;
    private final CypherStatementCounter statements;
    private final StatementCapture capture;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong requestIds = new AtomicLong();
    private final String httpToken;

    private static final Scope BENCHMARK_SCOPE = Scope.national("benchmark");

    private QueryBenchmark(BenchmarkOptions options, ConfigurableApplicationContext context, StatementCapture capture) {
        this.options = options;
        this.graphQl = context.getBean(ExecutionGraphQlService.class);
        this.driver = context.getBean(Driver.class);
        this.statements = context.getBean(CypherStatementCounter.class);
        this.capture = capture;
        this.httpPort = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "-1"));
        // Over HTTP too the benchmark asks as NATIONAL, with a token signed by the hub's own key.
        LocalTokens tokens = context.getBeanProvider(LocalTokens.class).getIfAvailable();
        this.httpToken = tokens == null ? "" : tokens.mint("benchmark", Scope.NATIONAL, null, null, Duration.ofDays(1));
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.fromSystemProperties();
        if (!Files.isDirectory(options.dataDir())) {
            throw new IllegalArgumentException(options.dataDir() + " does not exist: seed it first (README, \"Benchmark\")");
        }
        StatementCapture capture = options.profile() ? new StatementCapture() : null;
        long started = System.nanoTime();
        // Command-line arguments, so that they win over application.yml.
        String[] hubArguments = {
            "--hub.neo4j.embedded.data-dir=" + options.dataDir(),
            "--hub.neo4j.embedded.page-cache=" + options.pageCache(),
            "--hub.neo4j.embedded.bolt-port=-1",
            // Nothing is generated: the database must already hold a COMPLETE seed run (checked below);
            // the start only merges the reference data, as every start of the hub does.
            "--hub.seed.scale=none",
            // The load generators are one subject sending thousands of requests a second: the
            // per-subject rate limit (600 a minute by default) would refuse them.
            "--hub.graphql.limits.requests-per-minute=0",
            "--server.port=0",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN",
            "--logging.level.uk.gov.send.rep.hub=INFO",
            // A request that fails under load (a transaction timeout) is counted in the report, not logged.
            "--logging.level.org.springframework.graphql.execution.ExceptionResolversExceptionHandler=OFF" };
        SpringApplicationBuilder hub = new SpringApplicationBuilder(HubApplication.class);
        if (capture != null) {
            hub.initializers(context -> context.getBeanFactory().addBeanPostProcessor(capture));
        }
        int exit = 0;
        try (ConfigurableApplicationContext context = hub.run(hubArguments)) {
            System.out.printf("Hub started on %s in %.1f s%n", options.dataDir(), (System.nanoTime() - started) / 1e9);
            new QueryBenchmark(options, context, capture).run();
        }
        catch (Throwable failure) {
            System.err.println("BENCHMARK FAILED: " + failure.getMessage());
            failure.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        MixParameters data = MixParameters.discover(driver, options.depth());
        System.out.printf("Scale %s (as at %s): %,d children, %,d plans; partnership %s (largest), %s (issue example);"
            + " reform %s; %d child and %d setting refs sampled; deep pages after row %,d%n", data.scale(), data.asAt(),
            data.children(), data.plans(), data.partnership(), data.issuePartnership(), data.reform(), data.childRefs().size(), data.settingRefs().size(),
            data.deep().values().iterator().next().depth());
        List<BenchmarkQuery> mix = ReferenceMix.queries(data).stream().filter(q -> options.selected(q.name())).toList();

        List<Report.Result> results = new ArrayList<>();
        for (BenchmarkQuery query : mix) {
            int rows = verify(query);
            long hubTrips = roundTrips(request -> hub(query, request));
            long floorTrips = roundTrips(request -> floor(query, request));
            System.out.printf("%-32s same %d rows on both sides (%d cases); round trips hub %d, floor %d%n", query.name(),
                rows, query.cases().size(), hubTrips, floorTrips);
            results.add(new Report.Result(query, rows, hubTrips, floorTrips, new LinkedHashMap<>(), new LinkedHashMap<>(), null));
        }

        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Files.createDirectories(options.output());
        if (options.profile()) {
            Path file = options.output().resolve(data.scale() + "-" + stamp + "-profile.md");
            Files.writeString(file, profile(data, mix));
            System.out.println("Profiles written to " + file);
            return;
        }

        Instant began = Instant.now();
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // Every query on both sides once before anything is measured: the JIT compiles the engine,
        // the driver and Neo4j's runtime in the first tens of seconds, on the same two cores, and
        // would otherwise slow whichever query and side came first.
        Duration settle = options.warmup().compareTo(Duration.ofSeconds(2)) < 0 ? options.warmup() : Duration.ofSeconds(2);
        for (Report.Result result : results) {
            Load.run(request -> hub(result.query(), request), 1, settle, 5, options.cap());
            Load.run(request -> floor(result.query(), request), 1, settle, 5, options.cap());
        }
        for (List<Integer> unit : units(results)) {
            for (int i : unit) {
                BenchmarkQuery query = results.get(i).query();
                Load.run(request -> hub(query, request), 1, options.warmup(), 5, options.cap());
                Load.run(request -> floor(query, request), 1, options.warmup(), 5, options.cap());
            }
            for (int clients : options.clients()) {
                List<Report.Result> timed = unit.stream().map(results::get)
                    .filter(result -> clients <= result.query().maxClients()).toList();
                if (timed.isEmpty()) {
                    continue;
                }
                // Hub and floor alternate at each client count, in slices in the order hub, floor,
                // floor, hub, repeated, so that both see the same cache and machine and neither gains
                // from going second while the JVM and the database settle. A first page and its deep
                // page are timed the same way round each other: first (hub, floor), deep (hub, floor,
                // floor, hub), first (floor, hub), repeated, so that the deep/first ratio too compares
                // slices taken side by side, not a minute apart.
                Load.Point[][] points = new Load.Point[timed.size()][2];
                for (Slice slice : slices(timed.size(), options.slices() / 2)) {
                    slice(points[slice.entry()], timed.get(slice.entry()).query(), clients, slice.hub());
                }
                for (int t = 0; t < timed.size(); t++) {
                    Report.Result result = timed.get(t);
                    Load.Point hubPoint = points[t][0];
                    Load.Point floorPoint = points[t][1];
                    result.hub().put(clients, hubPoint);
                    result.floor().put(clients, floorPoint);
                    System.out.printf("%-32s %2d clients: hub p50 %8.2f p95 %8.2f p99 %8.2f ms %8.1f req/s (n=%d, %d errors, CPU %.2f ms/req) |"
                        + " floor p50 %8.2f p95 %8.2f p99 %8.2f ms %8.1f req/s (n=%d, %d errors, CPU %.2f ms/req) | p95 ratio %.2f%n",
                        result.query().name(), clients, hubPoint.p50(), hubPoint.p95(), hubPoint.p99(), hubPoint.throughput(),
                        hubPoint.requests(), hubPoint.errors(), hubPoint.cpuMillisPerRequest(), floorPoint.p50(), floorPoint.p95(),
                        floorPoint.p99(), floorPoint.throughput(), floorPoint.requests(), floorPoint.errors(),
                        floorPoint.cpuMillisPerRequest(), hubPoint.p95() / floorPoint.p95());
                }
            }
            for (int i : unit) {
                BenchmarkQuery query = results.get(i).query();
                if (options.http() && httpPort > 0) {
                    Load.run(request -> overHttp(query, request), 1, options.warmup(), 5, options.cap());
                    Load.Point httpPoint = Load.run(request -> overHttp(query, request), 1, options.duration(), options.minRequests(),
                        options.cap());
                    results.set(i, results.get(i).withHttp(httpPoint));
                    System.out.printf("%-32s  1 client over HTTP: p50 %8.2f p95 %8.2f p99 %8.2f ms %8.1f req/s%n", query.name(),
                        httpPoint.p50(), httpPoint.p95(), httpPoint.p99(), httpPoint.throughput());
                }
            }
        }
        Duration took = Duration.between(began, Instant.now());
        String report = new Report(options, data, results, took, new double[] { loadBefore,
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() }).markdown();
        Path file = options.output().resolve(data.scale() + "-" + stamp + ".md");
        Files.writeString(file, report);
        System.out.println();
        System.out.println(report);
        System.out.println("Report written to " + file);
    }

    /**
     * The order of measuring: each query alone, except that a first page and the deep page of the
     * same order (adjacent or not in the mix) are one unit, first page first.
     */
    static List<List<Integer>> units(List<Report.Result> results) {
        List<List<Integer>> units = new ArrayList<>();
        java.util.Set<Integer> placed = new java.util.HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            if (!placed.add(i)) {
                continue;
            }
            List<Integer> unit = new ArrayList<>(List.of(i));
            BenchmarkQuery.PageGroup group = results.get(i).query().group();
            if (group != null && !group.deep()) {
                for (int j = i + 1; j < results.size(); j++) {
                    BenchmarkQuery.PageGroup other = results.get(j).query().group();
                    if (other != null && other.deep() && other.order().equals(group.order()) && placed.add(j)) {
                        unit.add(j);
                        break;
                    }
                }
            }
            units.add(unit);
        }
        return units;
    }

    /** A slice of a point to measure: of which entry of a unit, on which side. */
    record Slice(int entry, boolean hub) {
    }

    /**
     * The slices of a unit of {@code entries} entries in the order they are measured: each entry's
     * hub and floor, then the same again backwards, and that round {@code rounds} times, so that for
     * every entry the hub's slices surround the floor's and for a first page and its deep page the
     * first page's slices surround the deep page's (ABBA both ways). A burst of work elsewhere on
     * the machine, lasting seconds, then falls on both sides' slices alike rather than on one side.
     */
    static List<Slice> slices(int entries, int rounds) {
        List<Slice> order = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int entry = 0; entry < entries; entry++) {
                order.add(new Slice(entry, true));
                order.add(new Slice(entry, false));
            }
            for (int entry = entries - 1; entry >= 0; entry--) {
                order.add(new Slice(entry, false));
                order.add(new Slice(entry, true));
            }
        }
        return order;
    }

    /** One slice of a side's point (index 0 the hub, 1 the floor), added to what that side has. */
    private void slice(Load.Point[] sides, BenchmarkQuery query, int clients, boolean hubSide) throws InterruptedException {
        java.lang.management.RuntimeMXBean runtime = java.lang.management.ManagementFactory.getRuntimeMXBean();
        long began = runtime.getUptime();
        Load.Point point = hubSide ? measure(request -> hub(query, request), clients)
            : measure(request -> floor(query, request), clients);
        if (options.trace()) {
            System.out.printf("slice %s %d %s: uptime %d-%d ms, p50 %.2f p95 %.2f%n", query.name(), clients,
                hubSide ? "hub" : "floor", began, runtime.getUptime(), point.p50(), point.p95());
        }
        int side = hubSide ? 0 : 1;
        sides[side] = sides[side] == null ? point : sides[side].plus(point);
    }

    /**
     * A slice of a point: its share of {@code seconds}, {@code min-requests} (at least one request
     * per client) and {@code max-seconds}, for the point's {@code slices} slices per side.
     */
    private Load.Point measure(Load.Operation operation, int clients) throws InterruptedException {
        int slices = options.slices();
        return Load.run(operation, clients, options.duration().dividedBy(slices),
            Math.max((options.minRequests() + slices - 1) / slices, clients), options.cap().dividedBy(slices));
    }

    /**
     * Runs every case of the query on both sides and fails unless the rows are the same; for a deep
     * page, also that it starts with the row after the cursor's. Returns the first case's row count.
     */
    private int verify(BenchmarkQuery query) {
        int firstRows = -1;
        for (int request = 0; request < query.cases().size(); request++) {
            List<List<String>> hubRows = query.hubRows().apply(hub(query, request).getData());
            List<List<String>> floorRows = query.floorRows().apply(floor(query, request));
            if (!hubRows.equals(floorRows)) {
                throw new IllegalStateException("""
                    %s: the hub and the floor disagree for %s
                      hub   (%d rows): %s
                      floor (%d rows): %s""".formatted(query.name(), query.caseFor(request), hubRows.size(),
                    abbreviate(hubRows), floorRows.size(), abbreviate(floorRows)));
            }
            if (firstRows < 0) {
                firstRows = hubRows.size();
            }
            if (query.group() != null && query.group().deep()
                    && (hubRows.isEmpty() || !hubRows.getFirst().getFirst().equals(query.group().firstKey()))) {
                throw new IllegalStateException(query.name() + ": the page after row " + query.group().depth()
                    + " should start with " + query.group().firstKey() + " but starts with "
                    + (hubRows.isEmpty() ? "nothing" : hubRows.getFirst().getFirst()));
            }
        }
        if (firstRows == 0) {
            System.out.println("WARNING " + query.name() + ": both sides answer no rows; the comparison is weak");
        }
        return firstRows;
    }

    /** Cypher statements one request sends, counted at the driver, on this thread alone. */
    private long roundTrips(Load.Operation operation) throws Exception {
        long trips = -1;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = statements.count();
            operation.run(0);
            long now = statements.count() - before;
            if (trips >= 0 && now != trips) {
                throw new IllegalStateException("Round trips vary between runs: " + trips + " then " + now);
            }
            trips = now;
        }
        return trips;
    }

    private ExecutionGraphQlResponse hub(BenchmarkQuery query, long request) {
        BenchmarkQuery.Case parameters = query.caseFor(request);
        ExecutionGraphQlResponse response = graphQl.execute(asNational(query.document(), parameters.variables())).block();
        if (response == null || !response.getErrors().isEmpty() || response.getData() == null) {
            throw new IllegalStateException(query.name() + " answered with errors: "
                + (response == null ? "no response" : response.getErrors()));
        }
        return response;
    }

    /**
     * A request run as {@code NATIONAL} (ADR 0010: the benchmark measures the read API without the
     * scope predicate), as the security module's interceptor would scope it over HTTP.
     */
    private ExecutionGraphQlRequest asNational(String document, Map<String, Object> variables) {
        DefaultExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(document, null, variables, null,
            String.valueOf(requestIds.incrementAndGet()), null);
        request.configureExecutionInput((input, builder) ->
            builder.graphQLContext(Map.of(Scope.CONTEXT_KEY, BENCHMARK_SCOPE)).build());
        return request;
    }

    private List<Record> floor(BenchmarkQuery query, long request) {
        return driver.executableQuery(query.floorCypher())
            .withParameters(query.caseFor(request).floorParameters())
            .withConfig(QueryConfig.builder().withRouting(RoutingControl.READ).build())
            .execute().records();
    }

    private void overHttp(BenchmarkQuery query, long request) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query.document());
        body.put("variables", query.caseFor(request).variables());
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/graphql"))
            .header("Content-Type", "application/json").header("Accept", "application/graphql-response+json")
            .header("Authorization", "Bearer " + httpToken)
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || json.readTree(response.body()).has("errors")) {
            throw new IllegalStateException(query.name() + " over HTTP: " + response.statusCode() + " "
                + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * PROFILE of every statement a query's hub request sends, and of the floor's statement; then
     * where a hub request's time goes: its statements replayed as auto-commit runs in a read
     * session (as {@code GraphReader} sends them) and through the driver's {@code executableQuery}
     * (as the floor is sent), against the whole GraphQL request and the floor (medians, one client).
     */
    private String profile(MixParameters data, List<BenchmarkQuery> mix) {
        StringBuilder out = new StringBuilder("# Query profiles: " + data.scale() + "\n\n");
        double engine = median(() -> {
            ExecutionGraphQlResponse response = graphQl.execute(asNational("{ __typename }", null)).block();
            if (response == null || !response.getErrors().isEmpty()) {
                throw new IllegalStateException("{ __typename } failed");
            }
        });
        out.append("`{ __typename }` through the engine (no data fetcher, no Cypher): median %.2f ms.\n\n".formatted(engine));
        StringBuilder split = new StringBuilder("## Where the time goes (medians, one client, ms)\n\n"
            + "| Query | Hub request | Hub's statements, auto-commit | Hub's statements via executableQuery | Floor |\n"
            + "|---|---:|---:|---:|---:|\n");
        for (BenchmarkQuery query : mix) {
            hub(query, 0); // warm, so that the profiles show steady plans
            List<StatementCapture.Statement> sent = capture.record(() -> hub(query, 0));
            out.append("## ").append(query.name()).append("\n\n").append(query.question()).append("\n\n");
            int n = 0;
            long hubHits = 0;
            for (StatementCapture.Statement statement : sent) {
                ProfiledRun run = profiled(statement.cypher(), statement.parameters());
                hubHits += run.dbHits();
                out.append("### Hub statement ").append(++n).append(" of ").append(sent.size()).append(": ")
                    .append(run.summary()).append("\n\n```cypher\n").append(statement.cypher()).append("\n```\n\n")
                    .append("Parameters: `").append(statement.parameters()).append("`\n\n```\n").append(run.plan())
                    .append("```\n\n");
            }
            ProfiledRun floor = profiled(query.floorCypher(), query.caseFor(0).floorParameters());
            out.append("### Floor: ").append(floor.summary()).append("\n\n```cypher\n").append(query.floorCypher())
                .append("\n```\n\n```\n").append(floor.plan()).append("```\n\n")
                .append("**DB hits: hub %,d in %d statements, floor %,d.**\n\n".formatted(hubHits, sent.size(), floor.dbHits()));
            double whole = median(() -> hub(query, 0));
            double viaClient = median(() -> sent.forEach(statement -> {
                try (org.neo4j.driver.Session session = driver.session(org.neo4j.driver.SessionConfig.builder()
                        .withDefaultAccessMode(org.neo4j.driver.AccessMode.READ).build())) {
                    session.run(statement.cypher(), statement.parameters()).list(org.neo4j.driver.Record::asMap);
                }
            }));
            double viaDriver = median(() -> sent.forEach(statement -> driver.executableQuery(statement.cypher())
                .withParameters(statement.parameters()).execute()));
            double floorTime = median(() -> floor(query, 0));
            split.append("| `%s` | %.2f | %.2f | %.2f | %.2f |\n".formatted(query.name(), whole, viaClient, viaDriver, floorTime));
            System.out.printf("%-32s db hits: hub %,d (%d statements), floor %,d; median ms: hub %.2f, its statements"
                + " auto-commit %.2f, via executableQuery %.2f; floor %.2f%n", query.name(), hubHits, sent.size(), floor.dbHits(),
                whole, viaClient, viaDriver, floorTime);
        }
        out.append(split);
        if (options.statements() != null) {
            out.append("\n## Further statements (").append(options.statements().getFileName()).append(")\n\n");
            for (String chunk : readStatements(options.statements())) {
                Map<String, Object> parameters = new java.util.LinkedHashMap<>();
                String statement = parameters(chunk, parameters);
                ProfiledRun run = profiled(statement, parameters);
                double time = median(() -> driver.executableQuery(statement).withParameters(parameters).execute());
                out.append("```cypher\n").append(statement).append("\n```\n\nParameters: `").append(parameters)
                    .append("`\n\n%s; median %.2f ms\n\n```\n".formatted(run.summary(), time)).append(run.plan())
                    .append("```\n\n");
                System.out.printf("statement %s...: %s, median %.2f ms%n",
                    statement.lines().findFirst().orElse(""), run.summary(), time);
            }
        }
        return out.toString();
    }

    /**
     * A statement from a file without its parameter lines ({@code //param name value}: an
     * integer when the value is one, else a string), which go to {@code into}.
     */
    private static String parameters(String chunk, Map<String, Object> into) {
        StringBuilder statement = new StringBuilder();
        for (String line : chunk.lines().toList()) {
            if (line.startsWith("//param ")) {
                String[] parts = line.substring("//param ".length()).strip().split("\\s+", 2);
                into.put(parts[0], parts[1].matches("-?\\d+") ? (Object) Long.parseLong(parts[1]) : parts[1]);
            }
            else {
                statement.append(line).append('\n');
            }
        }
        return statement.toString().strip();
    }

    private static List<String> readStatements(Path file) {
        try {
            return java.util.Arrays.stream(Files.readString(file).split("(?m)^;\\s*$"))
                .map(String::strip).filter(text -> !text.isEmpty()).toList();
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    /**
     * Median time of an action in milliseconds: runs for 5 s untimed (so that the JIT has compiled
     * it: after 1 s, on two cores shared with the database's own compilation, a hub request for
     * {@code b} still took two to three times its steady time), then at least 5 timed runs, more
     * for up to 3 s or 1,000 runs.
     */
    private static double median(Runnable action) {
        long warm = System.nanoTime();
        while (System.nanoTime() - warm < 5_000_000_000L) {
            action.run();
        }
        List<Long> times = new ArrayList<>();
        long started = System.nanoTime();
        while (times.size() < 5 || (System.nanoTime() - started < 3_000_000_000L && times.size() < 1000)) {
            long began = System.nanoTime();
            action.run();
            times.add(System.nanoTime() - began);
        }
        times.sort(null);
        return times.get(times.size() / 2) / 1e6;
    }

    private record ProfiledRun(long dbHits, String summary, String plan) {
    }

    private ProfiledRun profiled(String cypher, Map<String, Object> parameters) {
        String text = cypher.startsWith("CYPHER 5 ") ? "CYPHER 5 PROFILE " + cypher.substring("CYPHER 5 ".length())
            : "PROFILE " + cypher;
        ResultSummary summary = driver.executableQuery(text).withParameters(parameters).execute().summary();
        ProfiledPlan plan = summary.profile();
        StringBuilder tree = new StringBuilder();
        long hits = describe(plan, 0, tree);
        return new ProfiledRun(hits, "%,d db hits, %d ms".formatted(hits,
            summary.resultAvailableAfter(java.util.concurrent.TimeUnit.MILLISECONDS)
                + summary.resultConsumedAfter(java.util.concurrent.TimeUnit.MILLISECONDS)), tree.toString());
    }

    private static long describe(ProfiledPlan plan, int depth, StringBuilder into) {
        org.neo4j.driver.Value details = plan.arguments().get("Details");
        into.append("  ".repeat(depth)).append(plan.operatorType()).append(" rows=").append(plan.records())
            .append(" hits=").append(plan.dbHits());
        if (details != null && !details.isNull()) {
            String text = details.asString();
            into.append("  ").append(text.length() > 160 ? text.substring(0, 160) + "…" : text);
        }
        into.append('\n');
        long hits = plan.dbHits();
        for (ProfiledPlan child : plan.children()) {
            hits += describe(child, depth + 1, into);
        }
        return hits;
    }

    private static String abbreviate(List<List<String>> rows) {
        return rows.size() <= 6 ? rows.toString() : rows.subList(0, 6) + " …";
    }
}
