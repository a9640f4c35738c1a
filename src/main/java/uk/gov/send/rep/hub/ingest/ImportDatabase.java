package uk.gov.send.rep.hub.ingest;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Component;

/** The import's access to Neo4j through the Driver (plain rows, no entities, as the seed). */
@Component
class ImportDatabase {

    private static final QueryConfig WRITE = QueryConfig.builder().withRouting(RoutingControl.WRITE).build();

    private final Driver driver;

    ImportDatabase(Driver driver) {
        this.driver = driver;
    }

    List<Record> read(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).execute().records();
    }

    List<Record> write(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).withConfig(WRITE).execute().records();
    }

    /**
     * Writes a batch and records the run's progress in one transaction (retried on transient
     * errors): either all of it is in or none. {@code statements} maps each statement to its rows,
     * run in order.
     */
    void writeBatch(Map<String, List<Map<String, Object>>> statements, Map<String, Object> progress) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                statements.forEach((statement, rows) -> {
                    if (!rows.isEmpty()) {
                        tx.run(statement, Map.of("rows", rows)).consume();
                    }
                });
                tx.run(ImportCypher.BATCH_DONE, progress).consume();
            });
        }
    }
}
