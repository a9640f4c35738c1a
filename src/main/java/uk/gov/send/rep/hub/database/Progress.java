package uk.gov.send.rep.hub.database;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs rows written, rate and estimated time left, at most once every two seconds (the seed, the
 * import command, and the export and restore commands of {@code transfer}).
 */
public final class Progress {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);
    private static final long INTERVAL_NANOS = Duration.ofSeconds(2).toNanos();

    private final String what;
    private final long expected;
    private final long started = System.nanoTime();
    private long lastLogged = started;
    private long done;

    /** @param expected rows expected in all, or 0 if not known (then no share or time left is logged) */
    public Progress(String what, long expected) {
        this.what = what;
        this.expected = expected;
    }

    /** Adds {@code rows} written; logs if two seconds have passed since the last line. */
    public synchronized void add(long rows) {
        done += rows;
        long now = System.nanoTime();
        if (now - lastLogged >= INTERVAL_NANOS) {
            lastLogged = now;
            log.info(line(now));
        }
    }

    public synchronized long done() {
        return done;
    }

    /** The closing line: rows and average rate. */
    public synchronized String summary() {
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        return String.format(Locale.ROOT, "%s: %,d rows in %.1f s (%,.0f rows/s)", what, done, seconds,
            done / seconds);
    }

    private String line(long now) {
        double seconds = (now - started) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        if (expected <= 0) {
            return String.format(Locale.ROOT, "%s: %,d rows, %,.0f rows/s", what, done, rate);
        }
        long left = Math.max(0, expected - done);
        return String.format(Locale.ROOT, "%s: %,d of %,d rows (%.0f%%), %,.0f rows/s, about %s left", what, done,
            expected, expected == 0 ? 100.0 : 100.0 * done / expected, rate,
            rate > 0 ? format(Duration.ofSeconds(Math.round(left / rate))) : "?");
    }

    private static String format(Duration d) {
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart())
            : d.toMinutes() > 0 ? String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart())
            : d.toSeconds() + " s";
    }
}
