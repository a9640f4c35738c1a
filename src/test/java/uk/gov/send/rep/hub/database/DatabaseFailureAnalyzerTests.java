package uk.gov.send.rep.hub.database;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import uk.gov.send.rep.hub.database.internal.DatabaseFailureAnalyzer;

import static org.assertj.core.api.Assertions.assertThat;

/** What the console says when the database feature stops the hub from starting. */
class DatabaseFailureAnalyzerTests {

    private final DatabaseFailureAnalyzer analyzer =
        new DatabaseFailureAnalyzer(new MockEnvironment().withProperty("spring.neo4j.uri", "bolt://db:7687"));

    @Test
    void shouldDescribeAMigrationFailureFoundDeepInTheCauses() {
        Migration migration = new Migration(2, "query indexes", "b".repeat(64),
            "classpath:db/migration/V002__query_indexes.cypher", List.of("RETURN 1"));
        MigrationException failure = MigrationException.checksumChanged(migration, "a".repeat(64));

        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("databaseReady", "wrapped", failure));

        assertThat(analysis.getDescription()).startsWith("Migration V002 (query indexes) was changed after it was applied");
        assertThat(analysis.getAction()).contains("V002__query_indexes.cypher");
    }

    @Test
    void shouldExplainAnUnavailableDatabaseWhoeverHitItFirst() {
        FailureAnalysis analysis = analyzer.analyze(
            new BeanCreationException("someRepository", "wrapped", new ServiceUnavailableException("Connection refused")));

        assertThat(analysis.getDescription())
            .isEqualTo("Cannot connect to Neo4j at bolt://db:7687 (spring.neo4j.uri): Connection refused");
        assertThat(analysis.getAction()).contains("spring.neo4j.uri");
    }

    @Test
    void shouldLeaveOtherFailuresToOtherAnalyzers() {
        assertThat(analyzer.analyze(new IllegalStateException("not ours"))).isNull();
    }
}
