package uk.gov.send.rep.hub.database;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.neo4j.autoconfigure.DataNeo4jAutoConfiguration;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.send.rep.hub.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting Cypher statements through Spring Boot's auto-configured driver against the shared test
 * database. Statements from other test classes running in parallel would disturb the differences,
 * but surefire runs the classes of one JVM one after another.
 */
class CypherStatementCounterTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(Neo4jAutoConfiguration.class, DataNeo4jAutoConfiguration.class,
            TransactionAutoConfiguration.class))
        .withUserConfiguration(DatabaseConfiguration.class)
        .withPropertyValues("spring.neo4j.uri=" + TestNeo4j.boltUri());

    private CypherStatementCounter counter;

    private Driver driver;

    private ApplicationContext context;

    /** Runs the test body in a context wired like the hub's, against the shared test database. */
    private void inContext(Runnable body) {
        contexts.run(started -> {
            assertThat(started).hasNotFailed();
            context = started;
            counter = started.getBean(CypherStatementCounter.class);
            driver = started.getBean(Driver.class);
            body.run();
        });
    }

    @Test
    void shouldCountExactlyOneStatementPerNeo4jClientQuery() {
        inContext(() -> {
            Neo4jClient client = context.getBean(Neo4jClient.class);
            long before = counter.count();

            assertThat(client.query("UNWIND range(1, 50) AS n RETURN n").fetchAs(Long.class).all()).hasSize(50);

            assertThat(counter.count() - before).isEqualTo(1);
        });
    }

    @Test
    void shouldCountEachStatementOfASpringManagedTransactionButNotItsBeginOrCommit() {
        inContext(() -> {
            Neo4jClient client = context.getBean(Neo4jClient.class);
            TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            long before = counter.count();

            transactions.executeWithoutResult(status -> {
                client.query("RETURN 1").run();
                client.query("RETURN 2").fetch().one();
            });

            assertThat(counter.count() - before).isEqualTo(2);
        });
    }

    @Test
    void shouldCountSessionAndTransactionRunsButNotReadingResults() {
        inContext(() -> {
            long before = counter.count();
            try (Session session = driver.session(SessionConfig.defaultConfig())) {
                Result result = session.run("UNWIND range(1, 100) AS n RETURN n");
                List<Record> records = result.list();
                assertThat(records).hasSize(100);
                assertThat(counter.count() - before).isEqualTo(1);

                try (Transaction transaction = session.beginTransaction()) {
                    transaction.run("RETURN 1").consume();
                    transaction.run("RETURN $x", Map.of("x", 2)).consume();
                    transaction.commit();
                }
                assertThat(counter.count() - before).isEqualTo(3);

                session.executeRead(tx -> tx.run("RETURN 1").single());
                session.executeWriteWithoutResult(tx -> tx.run("RETURN 1").consume());
                assertThat(counter.count() - before).isEqualTo(5);
            }
        });
    }

    @Test
    void shouldCountExecutableQueries() {
        inContext(() -> {
            long before = counter.count();

            driver.executableQuery("RETURN $x AS x").withParameters(Map.of("x", 1)).execute();

            assertThat(counter.count() - before).isEqualTo(1);
        });
    }

    @Test
    void shouldCountAsyncSessionsAndTransactions() {
        inContext(() -> {
            long before = counter.count();
            AsyncSession session = driver.session(AsyncSession.class);
            try {
                session.runAsync("RETURN 1").thenCompose(ResultCursor::consumeAsync).toCompletableFuture().join();
                session.executeReadAsync(tx -> tx.runAsync("RETURN 1").thenCompose(ResultCursor::singleAsync))
                    .toCompletableFuture().join();
                session.beginTransactionAsync()
                    .thenCompose(tx -> tx.runAsync("RETURN 1").thenCompose(ResultCursor::consumeAsync)
                        .thenCompose(summary -> tx.commitAsync()))
                    .toCompletableFuture().join();
            }
            finally {
                CompletionStage<Void> closed = session.closeAsync();
                closed.toCompletableFuture().join();
            }

            assertThat(counter.count() - before).isEqualTo(3);
        });
    }

    @Test
    void shouldWrapTheDriverOnlyOnceAndKeepItsIdentity() {
        inContext(() -> {
            assertThat(StatementCounting.isCounting(driver)).isTrue();
            assertThat(StatementCounting.wrap(driver)).isSameAs(driver);
            assertThat(driver).isEqualTo(driver).hasSameHashCodeAs(driver);
            try (Session session = driver.session()) {
                assertThat(StatementCounting.isCounting(session)).isTrue();
                assertThat(session.lastBookmarks()).isNotNull();
            }
        });
    }
}
