package uk.gov.send.rep.hub.security;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a signing key that cannot be read, parsed or created into Spring Boot's "APPLICATION
 * FAILED TO START" report, naming the file and what to do.
 */
public class SigningKeyFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SigningKeyException key) {
                return new FailureAnalysis(key.getMessage(), key.action(), key);
            }
        }
        return null;
    }
}
