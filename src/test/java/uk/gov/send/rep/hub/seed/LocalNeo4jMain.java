package uk.gov.send.rep.hub.seed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import uk.gov.send.rep.hub.HubApplication;

import uk.gov.send.rep.hub.database.Migrations;

/**
 * For measuring the seed by hand: starts Neo4j embedded in a directory with Bolt on a port, applies
 * the migrations, then runs the hub in the same JVM (as the embedded hub does) with the remaining
 * arguments, pointed at it. {@code LocalNeo4jMain /tmp/db 7699 seed --scale national} seeds and
 * exits with the command's code; without a command the hub keeps serving.
 */
public final class LocalNeo4jMain {

    private LocalNeo4jMain() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("localhost", port))
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, Long.getLong("pagecache", 512L << 20))
            .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "local-neo4j-shutdown"));
        String uri = "bolt://localhost:" + port;
        try (Driver driver = GraphDatabase.driver(uri, AuthTokens.none())) {
            new Migrations().apply(driver);
        }
        System.out.printf("LocalNeo4jMain: Neo4j ready at %s after %.1f s%n", uri, (System.nanoTime() - started) / 1e9);
        List<String> hubArgs = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
        hubArgs.add("--spring.neo4j.uri=" + uri);
        int exit = HubApplication.run(hubArgs.toArray(String[]::new));
        if (!hubArgs.isEmpty() && HubApplication.COMMANDS.contains(hubArgs.getFirst())) {
            System.out.printf("LocalNeo4jMain: command exited %d after %.1f s%n", exit, (System.nanoTime() - started) / 1e9);
            System.exit(exit);
        }
    }
}
