package uk.gov.send.rep.hub.query.limits;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Requests per minute per subject, in this instance's memory: a token bucket per subject holding
 * up to a minute's allowance and refilled continuously, so a client may burst up to the limit and
 * then goes on at the limit's rate. Buckets idle for two minutes (full again by then) are dropped.
 * Behind a load balancer every instance counts on its own: the effective limit is the per-instance
 * limit times the instances a client's requests are spread over.
 */
final class RateLimiter {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final LongSupplier clock;
    private final Cache<String, Bucket> buckets;

    RateLimiter(int perMinute, LongSupplier nanoClock) {
        this.perMinute = perMinute;
        this.clock = nanoClock;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(1_000_000)
            .executor(Runnable::run).build();
    }

    /** Whether limiting is on ({@code requests-per-minute} above 0). */
    boolean enabled() {
        return perMinute > 0;
    }

    /**
     * Takes one request from {@code subject}'s allowance.
     * @return 0 if allowed, else how many seconds until one more request would be (at least 1)
     */
    long acquire(String subject) {
        if (!enabled()) {
            return 0;
        }
        Bucket bucket = buckets.get(subject, key -> new Bucket(perMinute, clock.getAsLong()));
        return bucket.take(clock.getAsLong(), perMinute);
    }

    int perMinute() {
        return perMinute;
    }

    /** Tokens are kept in nanos of a minute's allowance: one request costs {@code MINUTE}. */
    private static final class Bucket {

        private long tokens;
        private long updated;

        Bucket(int perMinute, long now) {
            this.tokens = perMinute * MINUTE;
            this.updated = now;
        }

        synchronized long take(long now, int perMinute) {
            long capacity = perMinute * MINUTE;
            // perMinute tokens of MINUTE each per MINUTE nanos: perMinute per elapsed nano.
            long elapsed = Math.max(0, now - updated);
            tokens = elapsed >= MINUTE ? capacity : Math.min(capacity, tokens + elapsed * perMinute);
            updated = now;
            if (tokens >= MINUTE) {
                tokens -= MINUTE;
                return 0;
            }
            long waitNanos = (MINUTE - tokens + perMinute - 1) / perMinute;
            return Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000);
        }
    }
}
