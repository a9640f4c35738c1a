package uk.gov.send.rep.hub.security;

import java.nio.file.Path;

/**
 * The hub's signing key could not be read or created: names the file and what to do about it.
 * {@link SigningKeyFailureAnalyzer} turns it into Spring Boot's start-up failure report.
 */
class SigningKeyException extends RuntimeException {

    private final transient Path file;
    private final String action;

    SigningKeyException(Path file, String problem, String action, Throwable cause) {
        super("Signing key " + file.toAbsolutePath() + ": " + problem, cause);
        this.file = file;
        this.action = action;
    }

    Path file() {
        return file;
    }

    String action() {
        return action;
    }
}
