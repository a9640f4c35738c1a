package uk.gov.send.rep.hub;

import java.util.Arrays;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import uk.gov.send.rep.hub.security.TokenCommand;

/**
 * The REP Data Hub: a graph of the SEND and AP Change Programme (partnerships, local areas,
 * settings, pseudonymised children, plans, reforms, pilots and outcomes) served over GraphQL.
 *
 * <p>With no command it runs the web hub. A first argument naming a command (see
 * {@link #COMMANDS}, and {@code token}) runs that command, without the web server, against the same configuration
 * and exits with its exit code. A feature implements a command as an
 * {@link org.springframework.boot.ApplicationRunner} conditional on {@code hub.command}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HubApplication {

    /**
     * Commands the jar understands as its first argument that run in the hub's own context
     * (without the web server). {@code token} ({@link TokenCommand}) runs in a context of its own.
     */
    public static final Set<String> COMMANDS = Set.of("seed", "import", "export", "restore");

    public static void main(String[] args) {
        int exit = run(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The application a command runs in: the hub's context for {@code hub.command}, no web server. */
    public static SpringApplicationBuilder command(String name) {
        return new SpringApplicationBuilder(HubApplication.class)
            .web(WebApplicationType.NONE)
            .properties("hub.command=" + name, "spring.main.banner-mode=off");
    }

    /**
     * Runs the hub or a command.
     * @return 0 when the hub started (it keeps running on its server threads) or the command
     *     succeeded, non-zero otherwise
     */
    public static int run(String[] args) {
        if (args.length > 0 && TokenCommand.NAME.equals(args[0])) {
            return TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
        }
        try {
            if (args.length > 0 && COMMANDS.contains(args[0])) {
                ConfigurableApplicationContext context = command(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
                return SpringApplication.exit(context);
            }
            SpringApplication.run(HubApplication.class, args);
            return 0;
        }
        catch (Throwable failure) {
            // Spring Boot has already printed its failure analysis (or logged the cause): exit
            // non-zero without a second wall of stack trace.
            return 1;
        }
    }
}
