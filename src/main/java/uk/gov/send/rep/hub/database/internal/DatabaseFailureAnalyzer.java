package uk.gov.send.rep.hub.database.internal;

import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

import uk.gov.send.rep.hub.database.MigrationException;

/**
 * Turns the database feature's start-up failures into Spring Boot's "APPLICATION FAILED TO
 * START" report: one description naming the property, path or port, and one action. Boot then
 * logs the exception itself only at DEBUG, so the console shows no stack trace.
 */
public class DatabaseFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    public DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseStartupException startup) {
                return new FailureAnalysis(startup.getMessage(), startup.action(), startup);
            }
            if (cause instanceof MigrationException migration) {
                return new FailureAnalysis(migration.getMessage(), migration.action(), migration);
            }
        }
        // A component that used the driver before DatabaseReady verified it: same advice.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationException) {
                return analysis(Neo4jConnectionException.authenticationFailed(target(), cause));
            }
            if (cause instanceof ServiceUnavailableException) {
                return analysis(Neo4jConnectionException.unreachable(target(), cause));
            }
        }
        return null;
    }

    private static FailureAnalysis analysis(DatabaseStartupException exception) {
        return new FailureAnalysis(exception.getMessage(), exception.action(), exception.getCause());
    }

    private String target() {
        String uri = environment.getProperty(OnEmbeddedNeo4jCondition.URI_PROPERTY);
        return uri == null || uri.isBlank() ? "the embedded database" : uri + " (spring.neo4j.uri)";
    }
}
