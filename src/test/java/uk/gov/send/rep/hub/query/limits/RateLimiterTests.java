package uk.gov.send.rep.hub.query.limits;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A minute's allowance per subject, refilled continuously. */
class RateLimiterTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void shouldAllowAMinutesRequestsThenRefuseWithTheWaitForTheNextOne() {
        RateLimiter limiter = new RateLimiter(60, now::get);
        for (int request = 0; request < 60; request++) {
            assertThat(limiter.acquire("a")).as("request %d", request).isZero();
        }
        // One request a second comes back.
        assertThat(limiter.acquire("a")).isEqualTo(1);
        assertThat(limiter.acquire("b")).as("another subject").isZero();

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1001));
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);
    }

    @Test
    void shouldTellASlowRateHowLongToWait() {
        RateLimiter limiter = new RateLimiter(2, now::get);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(30);
        now.addAndGet(TimeUnit.SECONDS.toNanos(20));
        assertThat(limiter.acquire("a")).isEqualTo(10);
        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertThat(limiter.acquire("a")).isZero();
    }

    @Test
    void shouldNeverStoreMoreThanAMinutesAllowance() {
        RateLimiter limiter = new RateLimiter(3, now::get);
        now.addAndGet(TimeUnit.HOURS.toNanos(5));
        for (int request = 0; request < 3; request++) {
            assertThat(limiter.acquire("a")).isZero();
        }
        assertThat(limiter.acquire("a")).isPositive();
    }

    @Test
    void shouldBeOffAtZero() {
        RateLimiter limiter = new RateLimiter(0, now::get);
        assertThat(limiter.enabled()).isFalse();
        for (int request = 0; request < 1000; request++) {
            assertThat(limiter.acquire("a")).isZero();
        }
    }
}
