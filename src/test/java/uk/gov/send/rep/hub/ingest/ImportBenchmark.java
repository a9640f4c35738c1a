package uk.gov.send.rep.hub.ingest;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.gov.send.rep.hub.HubApplication;

/**
 * Throughput of the import of children's observations (not a test; README "Importing data"):
 * starts the hub's context (no web server, no seed) on an embedded database in a temporary
 * directory, creates {@code children} TST- children in one area and two child-level measures,
 * writes a child-observations file of {@code rows} rows (children × terms × measures) and times
 * {@link Importer#importFile} on it: validation (three reads of the file, reference checks) and
 * loading together, then a second import of the same file (already imported).
 *
 * <pre>
 * ./mvnw -o test-compile
 * java -cp "target/classes:target/test-classes:$(./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *   uk.gov.send.rep.hub.ingest.ImportBenchmark [rows=1000000] [children=50000] [batchSize=10000]
 * </pre>
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int children = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Path temp = Files.createTempDirectory("import-benchmark");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HubApplication.class)
                .web(WebApplicationType.NONE)
                // As arguments, not default properties: application.yml would override those (and
                // the benchmark would write into the hub's own ./data).
                .run("--hub.command=benchmark", "--spring.main.banner-mode=off",
                    "--hub.neo4j.embedded.data-dir=" + temp.resolve("data"), "--hub.neo4j.embedded.bolt-port=0",
                    "--hub.ingest.batch-size=" + batchSize, "--logging.level.root=WARN",
                    "--logging.level.uk.gov.send.rep.hub.database.Progress=INFO",
                    "--logging.level.uk.gov.send.rep.hub.ingest.Importer=INFO")) {
            Driver driver = context.getBean(Driver.class);
            driver.executableQuery("""
                MERGE (a:LocalArea {code: 'TST-BENCH-A'}) SET a.dfeCode = 'TST-BENCH', a.name = 'Benchmark area'
                MERGE (abs:Measure {code: 'TST-BENCH-ABS'}) SET abs.level = 'CHILD', abs.unit = 'PERCENT', abs.valueKind = 'RATE'
                MERGE (sus:Measure {code: 'TST-BENCH-SUS'}) SET sus.level = 'CHILD', sus.unit = 'COUNT', sus.valueKind = 'MEAN'
                WITH a
                UNWIND range(1, $children) AS i
                MERGE (c:Child {ref: 'TST-BENCH-C' + i})
                MERGE (c)-[:RESIDENT_IN]->(a)""").withParameters(Map.of("children", children))
                .execute();
            Path file = temp.resolve("children.csv");
            writeFile(file, rows, children);
            Importer importer = context.getBean(Importer.class);

            ImportReport report = importer.importFile(ChildObservationKind.NAME, file, ImportOptions.defaults());
            System.out.print(report.text());
            System.out.printf(Locale.ROOT, "import of %,d child observations (%,d children, batches of %,d, fresh database): "
                + "%.1f s, %,.0f rows/s%n", report.written(), children, batchSize, report.seconds(),
                report.written() / report.seconds());
            ImportReport again = importer.importFile(ChildObservationKind.NAME, file, ImportOptions.defaults());
            System.out.printf(Locale.ROOT, "same file again: %s in %.2f s%n", again.outcome(), again.seconds());
        }
        finally {
            try (var paths = Files.walk(temp)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** {@code rows} rows cycling through children, then terms from Autumn 2000, then the two measures. */
    private static void writeFile(Path file, long rows, int children) throws Exception {
        String[] terms = {"Autumn term", "Spring term", "Summer term"};
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("child_ref,measure,time_period,time_identifier,value,numerator,denominator\n");
            for (long i = 0; i < rows; i++) {
                long child = i % children + 1;
                long slot = i / children;
                String measure = slot % 2 == 0 ? "TST-BENCH-ABS" : "TST-BENCH-SUS";
                long term = slot / 2;
                int year = 2000 + (int) (term / 3);
                long missed = (i * 7919) % 40;
                out.write("TST-BENCH-C" + child + "," + measure + "," + year + String.format(Locale.ROOT, "%02d", (year + 1) % 100)
                    + "," + terms[(int) (term % 3)] + "," + (measure.endsWith("ABS") ? 100.0 * missed / 140 + "," + missed + ",140"
                        : missed % 3 + ",,") + "\n");
            }
        }
    }
}
