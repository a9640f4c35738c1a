package uk.gov.send.rep.hub.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;

import uk.gov.send.rep.hub.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Runs migrations against the JVM's shared test database with a plain driver. Other tests use
 * that database too: this class only ever removes what it created (migration versions 9000 and up,
 * {@code MigrationsTestMarker} nodes), and the hub's own migrations are idempotent.
 */
class MigrationsTests {

    private static final int FIRST_TEST_VERSION = 9000;

    private static Driver driver;

    @TempDir
    Path directory;

    @BeforeAll
    static void connect() {
        driver = GraphDatabase.driver(TestNeo4j.boltUri(), AuthTokens.none());
    }

    @AfterAll
    static void cleanUpAndDisconnect() {
        driver.executableQuery("MATCH (m:Migration) WHERE m.version >= $first DETACH DELETE m")
            .withParameters(Map.of("first", FIRST_TEST_VERSION)).execute();
        driver.executableQuery("MATCH (n:MigrationsTestMarker) DETACH DELETE n").execute();
        driver.close();
    }

    @Test
    void shouldApplyTheHubsMigrationsAndRecordThem() {
        new Migrations().apply(driver);

        List<Record> recorded = driver.executableQuery("""
                MATCH (m:Migration) WHERE m.version IN [1, 2, 3]
                RETURN m.version AS version, m.description AS description, m.checksum AS checksum,
                       m.appliedAt AS appliedAt ORDER BY version""").execute().records();
        assertThat(recorded).extracting(row -> row.get("version").asInt()).containsExactly(1, 2, 3);
        assertThat(recorded).extracting(row -> row.get("description").asString())
            .containsExactly("natural keys", "query indexes", "migration history");
        assertThat(recorded).allSatisfy(row -> {
            assertThat(row.get("checksum").asString()).hasSize(64);
            assertThat(row.get("appliedAt").isNull()).isFalse();
        });
        assertThat(constraintNames()).contains("region_code", "observation_key", "seed_run_scale", "migration_version");
        assertThat(driver.executableQuery("SHOW INDEXES YIELD name").execute().records())
            .extracting(row -> row.get("name").asString()).contains("observation_measure_period", "in_cohort_arm");
    }

    @Test
    void shouldApplyNothingOnASecondRun() {
        new Migrations().apply(driver);

        assertThat(new Migrations().apply(driver)).isEmpty();
    }

    @Test
    void shouldApplyInNumericVersionOrder() throws IOException {
        // Lexically V91003 sorts before V9102: numeric order must win.
        write("V9101__first.cypher", "MERGE (n:MigrationsTestMarker {test: 'order'}) SET n.first = 1;");
        write("V9102__second.cypher", """
            // needs V9101's node
            MATCH (n:MigrationsTestMarker {test: 'order'})
            SET n.second = n.first + 1;""");
        write("V91003__third.cypher", "MATCH (n:MigrationsTestMarker {test: 'order'}) SET n.third = n.second + 1;");
        Migrations migrations = new Migrations(directory.toUri().toString());

        List<Migration> applied = migrations.apply(driver);

        assertThat(applied).extracting(Migration::version).containsExactly(9101, 9102, 91003);
        assertThat(driver.executableQuery("MATCH (n:MigrationsTestMarker {test: 'order'}) RETURN n.third AS third")
            .execute().records().getFirst().get("third").asInt()).isEqualTo(3);
        assertThat(migrations.apply(driver)).isEmpty();
    }

    @Test
    void shouldFailClearlyWhenAnAppliedMigrationHasChanged() throws IOException {
        Path first = write("V9201__checksum.cypher", "MERGE (:MigrationsTestMarker {test: 'checksum'});");
        Migrations migrations = new Migrations(directory.toUri().toString());
        assertThat(migrations.apply(driver)).extracting(Migration::version).containsExactly(9201);
        Files.writeString(first, "MERGE (:MigrationsTestMarker {test: 'checksum', edited: true});");
        write("V9202__after.cypher", "MERGE (:MigrationsTestMarker {test: 'checksum-after'});");

        assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrations.apply(driver))
            .withMessageContaining("Migration V9201 (checksum) was changed after it was applied")
            .withMessageContaining("V9201__checksum.cypher")
            .satisfies(failure -> assertThat(failure.action()).contains("must not be edited"));
        // Verified before applying anything: the new migration did not run.
        assertThat(driver.executableQuery("MATCH (n:MigrationsTestMarker {test: 'checksum-after'}) RETURN n")
            .execute().records()).isEmpty();
    }

    @Test
    void shouldIgnoreCommentsAndBlankLinesInTheChecksum() throws IOException {
        Path file = write("V9301__comments.cypher", "MERGE (:MigrationsTestMarker {test: 'comments'});");
        Migrations migrations = new Migrations(directory.toUri().toString());
        migrations.apply(driver);
        Files.writeString(file, "// explains the statement\n\nMERGE (:MigrationsTestMarker {test: 'comments'});\n");

        assertThat(migrations.apply(driver)).isEmpty();
    }

    @Test
    void shouldNameTheFailingStatement() throws IOException {
        write("V9401__broken.cypher", """
            MERGE (:MigrationsTestMarker {test: 'broken'});
            THIS IS NOT CYPHER;""");
        Migrations migrations = new Migrations(directory.toUri().toString());

        assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrations.apply(driver))
            .withMessageContaining("Migration V9401 (broken) failed at statement 2 of 2");
        assertThat(driver.executableQuery("MATCH (m:Migration {version: 9401}) RETURN m").execute().records()).isEmpty();
    }

    @Test
    void shouldRejectMisnamedAndDuplicateMigrations() throws IOException {
        write("V9501__one.cypher", "RETURN 1;");
        write("V09501__two.cypher", "RETURN 2;");
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> new Migrations(directory.toUri().toString()).discover())
            .withMessageContaining("version 9501 is used by both");

        Files.delete(directory.resolve("V09501__two.cypher"));
        write("9502-missing-prefix.cypher", "RETURN 3;");
        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> new Migrations(directory.toUri().toString()).discover())
            .withMessageContaining("9502-missing-prefix.cypher is not named V<NNN>__<description>.cypher");
    }

    @Test
    void shouldSplitStatementsAtSemicolonsEndingALine() {
        List<String> statements = Migrations.statements("""
            // a comment; not a statement
            CREATE CONSTRAINT a IF NOT EXISTS
              FOR (n:A) REQUIRE n.key IS UNIQUE;

            RETURN 'x;y' AS inside;
            RETURN 'last, unterminated'
            """);

        assertThat(statements).containsExactly(
            "CREATE CONSTRAINT a IF NOT EXISTS\nFOR (n:A) REQUIRE n.key IS UNIQUE",
            "RETURN 'x;y' AS inside",
            "RETURN 'last, unterminated'");
    }

    @Test
    void shouldDiscoverTheHubsMigrations() {
        assertThat(new Migrations().discover()).extracting(Migration::version, Migration::description)
            .startsWith(tuple(1, "natural keys"),
                tuple(2, "query indexes"),
                tuple(3, "migration history"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    private static List<String> constraintNames() {
        return driver.executableQuery("SHOW CONSTRAINTS YIELD name").execute().records().stream()
            .map(row -> row.get("name").asString()).toList();
    }
}
