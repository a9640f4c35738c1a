package uk.gov.send.rep.hub.audit;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, then a 12-bit sequence
 * that keeps ids from this process strictly increasing within a millisecond, then 62 random bits.
 * Their text sorts as they were made, so ordering audit events by {@code (day, id)} is ordering
 * them by time, and an index on both serves "newest first".
 */
final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The last (milliseconds << 12 | sequence) handed out. */
    private static final AtomicLong LAST = new AtomicLong();

    private TimeOrderedIds() {
    }

    static UUID next() {
        return next(System.currentTimeMillis());
    }

    static UUID next(long millis) {
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, millis << 12));
        long most = (stamp >>> 12) << 16 | 0x7000L | (stamp & 0xFFFL);
        long least = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}
