package uk.gov.send.rep.hub.database.internal;

import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.Neo4jException;

/** Checks, before the hub relies on a driver, that its server answers and accepts the hub. */
public final class DriverConnectivity {

    private DriverConnectivity() {
    }

    /**
     * Opens a connection with the driver.
     * @param target how messages name the server, e.g. {@code bolt://db:7687 (spring.neo4j.uri)}
     * @throws Neo4jConnectionException if the server is unreachable or refuses the credentials
     */
    public static void verify(Driver driver, String target) {
        try {
            driver.verifyConnectivity();
        }
        catch (AuthenticationException failure) {
            throw Neo4jConnectionException.authenticationFailed(target, failure);
        }
        catch (Neo4jException | IllegalStateException failure) {
            throw Neo4jConnectionException.unreachable(target, failure);
        }
    }
}
