package uk.gov.send.rep.hub.seed;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.summary.SummaryCounters;
import org.springframework.stereotype.Component;

/**
 * The seed's access to Neo4j: the Driver's managed transactions (one per call, retried on
 * transient errors). The seed writes plain rows that map to no entity, so it uses the Driver rather
 * than the mapping layer of Spring Data Neo4j.
 */
@Component
class SeedDatabase {

    private static final QueryConfig WRITE = QueryConfig.builder().withRouting(RoutingControl.WRITE).build();

    private final Driver driver;

    SeedDatabase(Driver driver) {
        this.driver = driver;
    }

    /** Runs {@code cypher} over {@code rows} (bound as {@code $rows}) in one transaction. */
    SummaryCounters writeRows(String cypher, List<Map<String, Object>> rows) {
        return write(cypher, Map.of("rows", rows));
    }

    SummaryCounters write(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).withConfig(WRITE).execute()
            .summary().counters();
    }

    List<Record> read(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).execute().records();
    }
}
