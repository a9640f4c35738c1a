package uk.gov.send.rep.hub.query;

/**
 * A client's argument is wrong (malformed id or cursor, page size over the cap). Reported to
 * the client as a GraphQL error of classification BAD_REQUEST naming the argument.
 */
public class InvalidArgumentException extends RuntimeException {

    private final String argument;

    public InvalidArgumentException(String argument, String message) {
        super("Invalid argument '" + argument + "': " + message);
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }
}
