package uk.gov.send.rep.hub.database;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the Cypher statements the hub sends to Neo4j, one per query round trip: every
 * {@code run} on a session or transaction and every {@code Driver.executableQuery(..).execute()},
 * whoever issues it (Spring Data Neo4j's {@code Neo4jClient}, repositories, the seed, health checks).
 *
 * <p>The count is global to the JVM and only ever grows. To measure one operation, such as a
 * GraphQL request, take the difference:
 * <pre>{@code
 * long before = counter.count();
 * graphQlTester.document(query).execute();
 * assertThat(counter.count() - before).isEqualTo(2);
 * }</pre>
 * Statements sent concurrently by other threads land in the same count, so measure where nothing
 * else is running.
 */
public final class CypherStatementCounter {

    private static final AtomicLong statements = new AtomicLong();

    CypherStatementCounter() {
    }

    /** Statements sent so far by any driver the hub created. */
    public long count() {
        return statements.get();
    }

    static void increment() {
        statements.incrementAndGet();
    }
}
