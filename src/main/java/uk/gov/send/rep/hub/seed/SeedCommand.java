package uk.gov.send.rep.hub.seed;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar rep-data-hub.jar seed [--scale demo|national|none] [--seed N]}: seeds the
 * configured database and exits (0 done or already complete; 2 bad arguments such as an unknown
 * scale; 1 any other failure, such as a database holding another scale). {@code --scale} and
 * {@code --seed} override {@code hub.seed.scale} and {@code hub.seed.seed}, which also work as
 * {@code --hub.seed.scale=national}.
 */
@Component
@ConditionalOnProperty(name = "hub.command", havingValue = "seed")
class SeedCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(SeedCommand.class);

    private final SeedStartup startup;
    private final SeedProperties properties;
    private int exitCode;

    SeedCommand(SeedStartup startup, SeedProperties properties) {
        this.startup = startup;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String scale = properties.scale();
        long seed = properties.seed();
        try {
            List<String> args = List.of(arguments.getSourceArgs());
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : null;
                if ("scale".equals(name) || "seed".equals(name)) {
                    String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                        : i + 1 < args.size() ? args.get(++i) : null;
                    if (value == null || value.isBlank()) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    if (name.equals("scale")) {
                        scale = value;
                    }
                    else {
                        seed = Long.parseLong(value);
                    }
                }
                else if (name == null || !name.contains(".")) {
                    // Dotted options are Spring properties (--hub.seed.scale=...); anything else is a mistake.
                    throw new IllegalArgumentException("Unknown argument '" + arg
                        + "'. Usage: seed [--scale demo|national|none] [--seed N]");
                }
            }
            Seeder.Result result = startup.seed(scale, seed, true);
            log.info("seed: {}", result.message());
            exitCode = 0;
        }
        catch (IllegalArgumentException e) {
            log.error("seed: {}", e.getMessage());
            exitCode = 2;
        }
        catch (IllegalStateException e) {
            // A refusal (another seed in the database) or a failed batch: the message says which.
            log.error("seed failed: {}", e.getMessage());
            log.debug("seed failure", e);
            exitCode = 1;
        }
        catch (RuntimeException e) {
            log.error("seed failed: {}", e.getMessage(), e);
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
