package uk.gov.send.rep.hub.seed;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.gov.send.rep.hub.database.Progress;
import uk.gov.send.rep.hub.outcome.ObservationSummaries;

import uk.gov.send.rep.hub.seed.SeedInputs.Preset;

/**
 * Seeds the database: reference data always, then the synthetic graph of a scale unless a
 * {@code SeedRun} says it is already complete. The run is recorded as
 * {@code (:SeedRun {scale, seed, status: LOADING → COMPLETE, startedAt, completedAt, counts…})};
 * a run left {@code LOADING} (a crash, a kill) is resumed by writing everything again, which the
 * MERGEs turn into "add what is missing".
 */
@Component
class Seeder {

    private static final Logger log = LoggerFactory.getLogger(Seeder.class);

    /** What a call did. */
    enum Outcome { REFERENCE_ONLY, ALREADY_COMPLETE, SEEDED, REFUSED }

    /** {@code written} is what the graph write did (null unless {@code SEEDED}). */
    record Result(Outcome outcome, SeedCounts counts, String message, WriteReport written) {

        Result(Outcome outcome, SeedCounts counts, String message) {
            this(outcome, counts, message, null);
        }
    }

    /** What writing the graph changed: the generator's counts and the database's counters. */
    record WriteReport(SeedCounts counts, long nodesCreated, long relationshipsCreated, long propertiesSet) {
    }

    private record Run(String scale, long seed, String status, String startedAt) {
    }

    private final SeedDatabase database;
    private final ReferenceDataLoader referenceData;
    private final ObservationSummaries summaries;
    private final SeedInputs inputs = SeedInputs.load();

    Seeder(SeedDatabase database, ReferenceDataLoader referenceData, ObservationSummaries summaries) {
        this.database = database;
        this.referenceData = referenceData;
        this.summaries = summaries;
    }

    SeedInputs inputs() {
        return inputs;
    }

    /**
     * Ensures the reference data and the graph of {@code scale}. Another scale or seed already in
     * the database is a conflict: the graphs would mix. {@code strict} makes a conflict an
     * exception (the command); otherwise it is logged and nothing is generated (start-up).
     */
    Result seed(String scale, long seed, boolean strict) {
        if (!inputs.knowsScale(scale)) {
            throw new IllegalArgumentException(inputs.unknownScale(scale));
        }
        referenceData.load(inputs);
        // Children's observations already there without their summaries (a graph seeded before
        // them, or another scale's) get them once.
        summaries.ensure();
        if (SeedInputs.NO_SEED.equals(scale)) {
            return new Result(Outcome.REFERENCE_ONLY, null, "Scale none: reference data only");
        }
        List<Run> runs = runs();
        Optional<Run> conflict = runs.stream().filter(r -> !r.scale().equals(scale) || r.seed() != seed).findFirst();
        if (conflict.isPresent()) {
            Run other = conflict.get();
            String message = "The database already holds a " + other.status() + " " + other.scale() + " seed (seed "
                + other.seed() + "); not adding a " + scale + " seed (seed " + seed + ") on top of it. Use an empty"
                + " database, or set hub.seed.scale=" + other.scale() + " and hub.seed.seed=" + other.seed() + ".";
            if (strict) {
                throw new IllegalStateException(message);
            }
            log.warn(message);
            return new Result(Outcome.REFUSED, null, message);
        }
        Optional<Run> same = runs.stream().filter(r -> r.scale().equals(scale)).findFirst();
        if (same.isPresent() && "COMPLETE".equals(same.get().status())) {
            String message = "The " + scale + " seed (seed " + seed + ") is already complete";
            log.info(message);
            return new Result(Outcome.ALREADY_COMPLETE, null, message);
        }
        if (same.isPresent()) {
            log.info("Resuming the {} seed started at {}: rewriting, existing rows are kept", scale,
                same.get().startedAt());
        }
        database.write(SeedCypher.START_RUN, Map.of("scale", scale, "seed", seed));
        WriteReport report = writeGraph(scale, seed, same.isEmpty());
        summaries.refresh();
        database.write(SeedCypher.COMPLETE_RUN, Map.of("scale", scale, "counts", report.counts().asProperties()));
        String message = "Seeded " + scale + " (seed " + seed + "): " + report.counts().asProperties();
        log.info(message);
        return new Result(Outcome.SEEDED, report.counts(), message, report);
    }

    /**
     * Generates the graph of a scale and writes it: CREATE where safe on a {@code fresh} run (none
     * of this scale was started before), otherwise MERGE, which leaves rows already there as they
     * are. A first pass only counts, so that progress can tell how much is left.
     */
    WriteReport writeGraph(String scale, long seed, boolean fresh) {
        Preset preset = inputs.preset(scale);
        SyntheticGenerator generator = new SyntheticGenerator(inputs, preset, seed);
        long started = System.nanoTime();
        SeedCounts expected = generator.generate(row -> { });
        log.info("Seeding {} (seed {}): {} rows to write ({}; counted in {} ms)", scale, seed, expected.total(),
            expected.asProperties(), (System.nanoTime() - started) / 1_000_000);
        Progress progress = new Progress("Seeding " + scale, expected.total());
        SeedCounts counts;
        GraphWriter writer = new GraphWriter(database, preset.batchSize(), fresh, progress);
        try (writer) {
            counts = generator.generate(writer);
        }
        log.info("{}; {} nodes and {} relationships created ({})", progress.summary(), writer.nodesCreated(),
            writer.relationshipsCreated(), writer.rates());
        return new WriteReport(counts, writer.nodesCreated(), writer.relationshipsCreated(), writer.propertiesSet());
    }

    private List<Run> runs() {
        return database.read(SeedCypher.SEED_RUNS, Map.of()).stream().map(Seeder::run).toList();
    }

    private static Run run(Record r) {
        return new Run(r.get("scale").asString(), r.get("seed").asLong(), r.get("status").asString(),
            r.get("startedAt").asString(null));
    }
}
