package uk.gov.send.rep.hub.security;

import java.io.PrintStream;
import java.time.Duration;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar rep-data-hub.jar token --role ROLE [--partnership CODE] [--local-area CODE]
 * [--ttl DURATION] [--subject NAME]}: prints a token signed with the hub's own key, alone on one
 * line on stdout, and exits 0. It reads the hub's configuration (so
 * {@code --hub.neo4j.embedded.data-dir=DIR} picks that hub's key, creating it if there is none
 * yet) in a Spring context holding only {@link LocalIssuerConfiguration}: no database and no web
 * server, so it works while the hub runs and holds the store lock. A wrong argument is a one-line
 * message on stderr and exit code {@value #BAD_ARGUMENTS}; any other failure exit code
 * {@value #FAILED}.
 */
public final class TokenCommand {

    /** The command's name, the jar's first argument. */
    public static final String NAME = "token";

    static final int BAD_ARGUMENTS = 2;
    static final int FAILED = 1;

    private TokenCommand() {
    }

    /**
     * Runs the command with {@code args} (those after {@code token}).
     * @return the exit code: 0 (the token is on {@code out}), {@value #BAD_ARGUMENTS} or {@value #FAILED}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        TokenArguments arguments;
        try {
            arguments = TokenArguments.parse(args, defaultSubject());
        }
        catch (TokenArguments.BadArgument bad) {
            err.println(NAME + ": " + bad.getMessage());
            return BAD_ARGUMENTS;
        }
        String token;
        PrintStream stdout = System.out;
        // Whatever logs while the context starts (a new key's path, a configuration failure) goes
        // to stderr: stdout carries the token alone.
        System.setOut(err);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LocalIssuerConfiguration.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("logging.level.root=WARN", "logging.level.uk.gov.send.rep.hub.security=INFO")
                .run(arguments.springArguments().toArray(String[]::new))) {
            LocalTokens tokens = context.getBeanProvider(LocalTokens.class).getIfAvailable();
            if (tokens == null) {
                err.println(NAME + ": this hub accepts tokens from a production issuer (one of "
                    + String.join(", ", OnLocalIssuerCondition.PROPERTIES) + " is set), not its own: ask that issuer for a token");
                return FAILED;
            }
            Duration ttl = arguments.ttl() != null ? arguments.ttl() : tokens.defaultTtl();
            if (ttl.compareTo(tokens.maxTtl()) > 0) {
                err.println(NAME + ": --ttl " + TokenArguments.format(ttl) + " is longer than hub.security.local.max-ttl ("
                    + TokenArguments.format(tokens.maxTtl()) + ")");
                return BAD_ARGUMENTS;
            }
            token = tokens.mint(arguments.subject(), arguments.role().name(), arguments.partnership(),
                arguments.localArea(), ttl);
        }
        catch (RuntimeException failure) {
            err.println(NAME + ": " + describe(failure));
            return FAILED;
        }
        finally {
            System.setOut(stdout);
        }
        out.println(token);
        out.flush();
        return 0;
    }

    private static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SigningKeyException key) {
                return key.getMessage() + ". " + key.action();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "could not read the hub's configuration or key: " + root.getMessage();
    }

    private static String defaultSubject() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "hub-token" : user.replaceAll("[^\\p{L}\\p{N}._@:+-]", "_");
    }
}
