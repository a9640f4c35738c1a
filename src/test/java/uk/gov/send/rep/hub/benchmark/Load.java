package uk.gov.send.rep.hub.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one operation from a number of concurrent clients (closed loop: each client sends its next
 * request when the last one is answered) for a fixed time, and keeps every latency.
 */
final class Load {

    /** One request; the argument numbers the request, so that requests can cycle through cases. */
    @FunctionalInterface
    interface Operation {
        void run(long request) throws Exception;
    }

    /**
     * The latencies of one point (an operation at a number of clients).
     * @param nanos every request's latency, sorted
     * @param seconds wall time from the first request's start to the last one's end
     * @param errors requests that failed (not in {@code nanos}), such as transactions timed out
     * @param firstError the first failure's message, or null
     * @param cpuNanos CPU time of the whole process (every thread: clients, hub, driver, database)
     *     over the point; with the database in the same JVM, the cost of the requests in CPU,
     *     steadier from run to run than their latency on a shared machine
     */
    record Point(int clients, long[] nanos, double seconds, int errors, String firstError, long cpuNanos) {

        int requests() {
            return nanos.length;
        }

        /** The latency at quantile {@code q} (nearest rank), in milliseconds. */
        double millis(double q) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(q * nanos.length);
            return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
        }

        double p50() {
            return millis(0.50);
        }

        double p95() {
            return millis(0.95);
        }

        double p99() {
            return millis(0.99);
        }

        double throughput() {
            return nanos.length / seconds;
        }

        /** Process CPU time per request answered, in milliseconds. */
        double cpuMillisPerRequest() {
            return nanos.length == 0 ? Double.NaN : cpuNanos / 1e6 / nanos.length;
        }

        /** This point and another of the same operation and clients, measured separately, as one. */
        Point plus(Point other) {
            long[] all = Arrays.copyOf(nanos, nanos.length + other.nanos.length);
            System.arraycopy(other.nanos, 0, all, nanos.length, other.nanos.length);
            Arrays.sort(all);
            return new Point(clients, all, seconds + other.seconds, errors + other.errors,
                firstError != null ? firstError : other.firstError, cpuNanos + other.cpuNanos);
        }
    }

    private Load() {
    }

    /**
     * Runs {@code operation} from {@code clients} threads until {@code duration} has passed and at
     * least {@code minRequests} are done, but no new request starts after {@code cap}. A failed
     * request is counted, not timed, and the clients go on: under load the hub may time out, and
     * that is a result to report.
     */
    static Point run(Operation operation, int clients, Duration duration, int minRequests, Duration cap)
            throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger errors = new AtomicInteger();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        long hardDeadline = start + cap.toNanos();
        AtomicLong lastEnd = new AtomicLong(start);
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[client] = new long[1024];
            threads[c] = Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                while (true) {
                    long now = System.nanoTime();
                    if (now >= hardDeadline || (now >= deadline && done.get() >= minRequests)) {
                        break;
                    }
                    long request = next.getAndIncrement();
                    long began = System.nanoTime();
                    try {
                        operation.run(request);
                    }
                    catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        errors.incrementAndGet();
                        done.incrementAndGet();
                        continue;
                    }
                    long ended = System.nanoTime();
                    if (counts[client] == latencies[client].length) {
                        latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
                    }
                    latencies[client][counts[client]++] = ended - began;
                    done.incrementAndGet();
                    lastEnd.accumulateAndGet(ended, Math::max);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long cpu = processCpuNanos() - cpuBefore;
        long[] all = new long[done.get() - errors.get()];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        Throwable first = failure.get();
        String message = first == null ? null : first.getMessage();
        return new Point(clients, all, (lastEnd.get() - start) / 1e9, errors.get(),
            message == null ? null : message.lines().findFirst().orElse(message), cpu);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }
}
