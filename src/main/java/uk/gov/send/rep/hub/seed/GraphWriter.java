package uk.gov.send.rep.hub.seed;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.driver.summary.SummaryCounters;

import uk.gov.send.rep.hub.database.Progress;
import uk.gov.send.rep.hub.seed.SeedRow.Kind;

/**
 * Writes generated rows to the database in UNWIND batches of {@code batchSize} rows, one
 * transaction per batch. One background thread writes while the generator makes the next
 * batches; a batch of one kind refers to rows of kinds earlier in {@link Kind}'s order (an
 * observation to its child), so it is sent after the buffered rows of those kinds, and the single
 * writer keeps the order. (Two writers measured only 1.2 times faster on two cores and deadlock on
 * the shared area and setting nodes, so one it is.)
 */
final class GraphWriter implements SeedSink, AutoCloseable {

    /** Batches queued or in flight: bounds memory while letting generation run ahead. */
    private static final int IN_FLIGHT = 3;

    private final SeedDatabase database;
    private final int batchSize;
    private final boolean fresh;
    private final Progress progress;
    private final Map<Kind, List<Map<String, Object>>> buffers = new EnumMap<>(Kind.class);
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "seed-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong nodesCreated = new AtomicLong();
    private final AtomicLong relationshipsCreated = new AtomicLong();
    private final AtomicLong propertiesSet = new AtomicLong();
    /** Per kind: rows written and nanoseconds spent. */
    private final Map<Kind, long[]> timings = new ConcurrentHashMap<>();

    /**
     * @param fresh true when no run of this scale was ever started in the database, so that new
     *     rows may be created rather than merged ({@link SeedCypher#FRESH_ROWS})
     */
    GraphWriter(SeedDatabase database, int batchSize, boolean fresh, Progress progress) {
        this.database = database;
        this.batchSize = batchSize;
        this.fresh = fresh;
        this.progress = progress;
    }

    @Override
    public void accept(SeedRow row) {
        List<Map<String, Object>> buffer = buffers.computeIfAbsent(row.kind(), k -> new ArrayList<>(batchSize));
        buffer.add(row.parameters());
        if (buffer.size() >= batchSize) {
            flushThrough(row.kind());
        }
    }

    /** Sends the buffers of {@code last} and of every kind before it. */
    private void flushThrough(Kind last) {
        for (Kind kind : Kind.values()) {
            List<Map<String, Object>> buffer = buffers.remove(kind);
            if (buffer != null && !buffer.isEmpty()) {
                submit(kind, buffer);
            }
            if (kind == last) {
                return;
            }
        }
    }

    private void submit(Kind kind, List<Map<String, Object>> rows) {
        rethrowFailure();
        slots.acquireUninterruptibly();
        writer.execute(() -> {
            try {
                write(kind, rows);
            }
            finally {
                slots.release();
            }
        });
    }

    private void write(Kind kind, List<Map<String, Object>> rows) {
        if (failure.get() != null) {
            return;
        }
        try {
            long started = System.nanoTime();
            SummaryCounters counters = database.writeRows(SeedCypher.rows(kind, fresh), rows);
            timings.merge(kind, new long[] {rows.size(), System.nanoTime() - started},
                (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            nodesCreated.addAndGet(counters.nodesCreated());
            relationshipsCreated.addAndGet(counters.relationshipsCreated());
            propertiesSet.addAndGet(counters.propertiesSet());
            progress.add(rows.size());
        }
        catch (RuntimeException e) {
            failure.compareAndSet(null, new IllegalStateException(
                "Writing a batch of " + rows.size() + " " + kind + " rows failed: " + e.getMessage(), e));
        }
    }

    private void rethrowFailure() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /** Writes what is buffered and waits for every batch; rethrows the first failure. */
    @Override
    public void close() {
        try {
            if (failure.get() == null) {
                flushThrough(Kind.values()[Kind.values().length - 1]);
            }
        }
        finally {
            writer.shutdown();
            try {
                if (!writer.awaitTermination(1, TimeUnit.DAYS)) {
                    throw new IllegalStateException("The seed writer did not finish");
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                writer.shutdownNow();
                throw new IllegalStateException("Interrupted while writing the seed", e);
            }
        }
        rethrowFailure();
    }

    /** Rows and writing time of each kind (summed over writers), for the closing log line. */
    String rates() {
        StringBuilder line = new StringBuilder();
        for (Kind kind : Kind.values()) {
            long[] timing = timings.get(kind);
            if (timing != null) {
                line.append(String.format(Locale.ROOT, "%s%s %,d rows in %.1f s", line.isEmpty() ? "" : "; ", kind,
                    timing[0], timing[1] / 1e9));
            }
        }
        return line.toString();
    }

    long nodesCreated() {
        return nodesCreated.get();
    }

    long relationshipsCreated() {
        return relationshipsCreated.get();
    }

    long propertiesSet() {
        return propertiesSet.get();
    }
}
