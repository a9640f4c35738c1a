package uk.gov.send.rep.hub.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;

import uk.gov.send.rep.hub.seed.SeedRow.Kind;
import uk.gov.send.rep.hub.database.Migrations;
import uk.gov.send.rep.hub.support.TestNeo4j;

/**
 * The demo seed as the hub loads it on start-up, in the shared test database. Other tests use the
 * same database, so counts are taken over the generated keys rather than over whole labels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"hub.seed.scale=demo", "hub.seed.seed=20230302"})
class DemoSeedTests {

    private static final long SEED = 20230302L;

    @Autowired
    private Seeder seeder;

    @Autowired
    private SeedStartup startup;

    @Autowired
    private Driver driver;

    @BeforeAll
    static void migrate() {
        // Runs before the Spring context (and its start-up seed) exists.
        try (Driver plain = GraphDatabase.driver(TestNeo4j.boltUri(), AuthTokens.none())) {
            new Migrations().apply(plain);
        }
    }

    @Test
    void shouldLoadDemoOnStartUpWithTheGeneratorsCounts() {
        Map<String, Object> run = driver.executableQuery("MATCH (r:SeedRun {scale: 'demo'}) RETURN r")
            .execute().records().getFirst().get("r").asMap();
        assertThat(run).containsEntry("status", "COMPLETE").containsEntry("seed", SEED)
            .containsKeys("startedAt", "completedAt");

        Map<Kind, List<String>> keys = generatedKeys();
        SeedCounts counts = new SyntheticGenerator(seeder.inputs(), seeder.inputs().preset("demo"), SEED)
            .generate(row -> { });
        assertThat(stored("MATCH (n:Child {ref: key})", keys.get(Kind.CHILD))).isEqualTo(counts.children());
        assertThat(stored("MATCH (n:Setting {ref: key})", keys.get(Kind.SETTING))).isEqualTo(counts.settings());
        assertThat(stored("MATCH (n:Plan {ref: key})", keys.get(Kind.PLAN))).isEqualTo(counts.plans());
        assertThat(stored("MATCH (n:Pilot {code: key})", keys.get(Kind.PILOT))).isEqualTo(counts.pilots());
        assertThat(stored("MATCH (n:Observation {key: key})", keys.get(Kind.CHILD_OBSERVATION)))
            .isEqualTo(counts.of(Kind.CHILD_OBSERVATION));
        assertThat(stored("MATCH (:LocalArea)-[:OBSERVED]->(n:Observation {key: key})", keys.get(Kind.AREA_OBSERVATION)))
            .isEqualTo(counts.of(Kind.AREA_OBSERVATION));
        assertThat(stored("MATCH (n:Child {ref: key})-[:PLACED_AT]->(:Setting)", keys.get(Kind.CHILD)))
            .isEqualTo(counts.of(Kind.PLACEMENT));
        assertThat(stored("MATCH (n:Child {ref: key})-[:IN_COHORT]->(:Pilot)", keys.get(Kind.CHILD)))
            .isEqualTo(counts.of(Kind.COHORT));
        assertThat(run).containsEntry("children", counts.children()).containsEntry("observations", counts.observations());
    }

    @Test
    void shouldNotSeedAgainOnceComplete() {
        assertThat(startup.seed("demo", SEED, true).outcome()).isEqualTo(Seeder.Outcome.ALREADY_COMPLETE);
    }

    /**
     * A crash mid-way: the run is still LOADING and some children, plans and observations are
     * missing. The resumed run MERGEs every generated row (one pass over the whole demo) and
     * creates exactly what was deleted: rows already there are not written twice.
     */
    @Test
    void shouldCompleteWhatIsMissingWhenResumingALoadingRunAndWriteNothingElse() {
        List<String> lost = generatedKeys().get(Kind.CHILD).subList(1_000, 1_200);
        var deleted = driver.executableQuery("""
            UNWIND $refs AS ref
            MATCH (c:Child {ref: ref})
            OPTIONAL MATCH (c)-[:HAS_PLAN]->(p:Plan)
            OPTIONAL MATCH (c)-[:OBSERVED]->(o:Observation)
            DETACH DELETE c, p, o""").withParameters(Map.of("refs", lost)).execute().summary().counters();
        assertThat(deleted.nodesDeleted()).isGreaterThan(200);
        driver.executableQuery("MATCH (r:SeedRun {scale: 'demo'}) SET r.status = 'LOADING'").execute();

        Seeder.Result resumed = startup.seed("demo", SEED, false);
        assertThat(resumed.outcome()).isEqualTo(Seeder.Outcome.SEEDED);
        assertThat(resumed.written().nodesCreated()).as("nodes created by the resumed run").isEqualTo(deleted.nodesDeleted());
        assertThat(resumed.written().relationshipsCreated()).as("relationships created by the resumed run")
            .isEqualTo(deleted.relationshipsDeleted());

        SeedCounts counts = new SyntheticGenerator(seeder.inputs(), seeder.inputs().preset("demo"), SEED)
            .generate(row -> { });
        Map<Kind, List<String>> keys = generatedKeys();
        assertThat(stored("MATCH (n:Child {ref: key})", keys.get(Kind.CHILD))).isEqualTo(counts.children());
        assertThat(stored("MATCH (n:Plan {ref: key})", keys.get(Kind.PLAN))).isEqualTo(counts.plans());
        assertThat(stored("MATCH (:Child)-[:OBSERVED]->(n:Observation {key: key})", keys.get(Kind.CHILD_OBSERVATION)))
            .isEqualTo(counts.of(Kind.CHILD_OBSERVATION));
        assertThat(driver.executableQuery("MATCH (r:SeedRun {scale: 'demo'}) RETURN r.status").execute().records()
            .getFirst().get(0).asString()).isEqualTo("COMPLETE");
    }

    @Test
    void shouldRefuseToSeedAnotherScaleOnTopOfDemo() {
        assertThatThrownBy(() -> startup.seed("national", SEED, true)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("already holds a COMPLETE demo seed");
        assertThat(driver.executableQuery("MATCH (r:SeedRun {scale: 'national'}) RETURN count(r)").execute()
            .records().getFirst().get(0).asLong()).isZero();
    }

    @Test
    void shouldExitWithUsageErrorOnUnknownScale() {
        SeedCommand command = new SeedCommand(startup, new SeedProperties("demo", SEED));
        command.run(new DefaultApplicationArguments("--scale", "galactic"));
        assertThat(command.getExitCode()).isEqualTo(2);
        command.run(new DefaultApplicationArguments("--scale=demo"));
        assertThat(command.getExitCode()).isZero();
    }

    private Map<Kind, List<String>> generatedKeys() {
        Map<Kind, List<String>> keys = new EnumMap<>(Kind.class);
        new SyntheticGenerator(seeder.inputs(), seeder.inputs().preset("demo"), SEED).generate(row -> {
            String key = switch (row) {
                case SeedRow.ChildRow c -> c.ref();
                case SeedRow.SettingRow s -> s.ref();
                case SeedRow.PlanRow p -> p.ref();
                case SeedRow.PilotRow p -> p.code();
                case SeedRow.ObservationRow o -> o.key();
                default -> null;
            };
            if (key != null) {
                keys.computeIfAbsent(row.kind(), k -> new ArrayList<>()).add(key);
            }
        });
        return keys;
    }

    /** How many of {@code keys} the pattern (binding {@code key}, returning rows per match) finds. */
    private long stored(String pattern, List<String> keys) {
        long total = 0;
        for (int from = 0; from < keys.size(); from += 50_000) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + 50_000));
            total += driver.executableQuery("UNWIND $keys AS key " + pattern + " RETURN count(*)")
                .withParameters(Map.of("keys", batch)).execute().records().getFirst().get(0).asLong();
        }
        return total;
    }
}
