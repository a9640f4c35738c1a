package uk.gov.send.rep.hub.transfer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code export} and {@code restore} commands, run against the configured database:
 * <ul>
 * <li>{@code java -jar rep-data-hub.jar export --out DIR|FILE.zip [--partnership CODE]} writes the
 * graph, or one partnership's part;</li>
 * <li>{@code java -jar rep-data-hub.jar restore --in DIR|FILE.zip} loads an export into an empty
 * database.</li>
 * </ul>
 * Exit codes: 0 done; 2 a bad argument, an unknown partnership, an output that exists, a missing or
 * damaged export, or a database that is not empty (all found before anything is written); 1 any
 * other failure, which for a restore may leave part of the export in the database (the message
 * says so).
 */
@Component
@ConditionalOnExpression("'${hub.command:}' == 'export' or '${hub.command:}' == 'restore'")
class TransferCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(TransferCommand.class);

    static final String EXPORT_USAGE = "export --out DIR|FILE.zip [--partnership CODE]";
    static final String RESTORE_USAGE = "restore --in DIR|FILE.zip";

    private final String command;
    private final ObjectProvider<GraphExport> export;
    private final ObjectProvider<GraphRestore> restore;
    private int exitCode;

    TransferCommand(Environment environment, ObjectProvider<GraphExport> export, ObjectProvider<GraphRestore> restore) {
        this.command = environment.getRequiredProperty("hub.command");
        this.export = export;
        this.restore = restore;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> args = List.of(arguments.getSourceArgs());
        exitCode = CommandOptions.run(log, command, () -> {
            boolean exporting = command.equals("export");
            String usage = exporting ? EXPORT_USAGE : RESTORE_USAGE;
            String path = exporting ? "out" : "in";
            Map<String, String> options = CommandOptions.parse(args,
                exporting ? Set.of("out", "partnership") : Set.of("in"), usage);
            if (!options.containsKey(path)) {
                throw TransferException.badInput("--" + path + " is required. Usage: " + usage);
            }
            Manifest manifest = exporting
                ? export.getObject().export(Path.of(options.get(path)), new ExportScope(options.get("partnership")))
                : restore.getObject().restore(Path.of(options.get(path)));
            log.info("{}: {} nodes and {} relationships {} {}", command,
                manifest.nodes().stream().mapToLong(Manifest.FileEntry::count).sum(),
                manifest.relationships().stream().mapToLong(Manifest.FileEntry::count).sum(),
                exporting ? "written to" : "loaded from", options.get(path));
        });
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
