package uk.gov.send.rep.hub.ingest;

import java.io.PrintStream;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import uk.gov.send.rep.hub.ingest.ImportReport.Outcome;

/**
 * {@code java -jar rep-data-hub.jar import --kind KIND FILE... [--map COLUMN=MEASURE ...]
 * [--mapping FILE] [--kind KIND FILE... ...] [--good-rows-only]} ({@link ImportArguments}): imports
 * each file in turn, in the order given, into the configured database and prints each file's report. Exit codes: 0 every file imported (or already in);
 * 2 bad arguments, or a file unusable or rejected for bad rows (the other files are still
 * imported); 1 any other failure (the database, say: rerun to resume).
 */
@Component
@ConditionalOnProperty(name = "hub.command", havingValue = "import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int BAD = 2;
    static final int FAILED = 1;

    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

    private final Importer importer;
    private final PrintStream out = System.out;
    private int exitCode;

    ImportCommand(Importer importer) {
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        ImportArguments parsed;
        try {
            parsed = ImportArguments.parse(arguments.getSourceArgs());
        }
        catch (ImportException e) {
            log.error("import: {}", e.getMessage());
            exitCode = BAD;
            return;
        }
        for (ImportArguments.Group group : parsed.groups()) {
            for (Path file : group.files()) {
                importOne(group, file);
            }
        }
    }

    private void importOne(ImportArguments.Group group, Path file) {
        try {
            ImportReport report = importer.importFile(group.kind(), file, group.options());
            out.print(report.text());
            out.flush();
            if (report.outcome() == Outcome.REJECTED) {
                exitCode = Math.max(exitCode, BAD);
            }
        }
        catch (ImportException e) {
            log.error("import: {}", e.getMessage());
            exitCode = Math.max(exitCode, BAD);
        }
        catch (RuntimeException e) {
            log.error("import of {} failed (rerun the same command to resume): {}", file, e.getMessage(), e);
            exitCode = FAILED;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
