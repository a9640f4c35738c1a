package uk.gov.send.rep.hub.transfer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;

/**
 * The options of {@code export} and {@code restore} ({@code --name value} or {@code --name=value});
 * dotted options ({@code --hub.neo4j.embedded.data-dir=...}) are Spring properties and pass by.
 */
final class CommandOptions {

    private CommandOptions() {
    }

    /**
     * The known options' values.
     * @throws TransferException (bad input) for an unknown option or one without a value
     */
    static Map<String, String> parse(List<String> args, Set<String> known, String usage) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : null;
            if (name != null && known.contains(name)) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                    : i + 1 < args.size() ? args.get(++i) : null;
                if (value == null || value.isBlank()) {
                    throw TransferException.badInput("--" + name + " needs a value. Usage: " + usage);
                }
                values.put(name, value);
            }
            else if (name == null || !name.contains(".")) {
                throw TransferException.badInput("Unknown argument '" + arg + "'. Usage: " + usage);
            }
        }
        return values;
    }

    /** Runs a command: its exit code is 0 done, 2 bad input, 1 any other failure. */
    static int run(Logger log, String command, Runnable body) {
        try {
            body.run();
            return 0;
        }
        catch (TransferException e) {
            log.error("{}: {}", command, e.getMessage());
            log.debug("{} failure", command, e);
            return e.badInput() ? 2 : 1;
        }
        catch (RuntimeException e) {
            log.error("{} failed: {}", command, e.getMessage(), e);
            return 1;
        }
    }
}
