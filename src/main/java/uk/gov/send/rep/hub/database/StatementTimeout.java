package uk.gov.send.rep.hub.database;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A per-statement transaction timeout for the auto-commit statements a piece of work sends
 * through the hub's driver (the read API's statements, each its own transaction): the driver
 * sends it with the statement, and the server, embedded or external, stops the statement's
 * transaction when it runs longer (Neo4j error {@code Neo.ClientError.Transaction.
 * TransactionTimedOutClientConfiguration}). Statements outside {@link #within} (migrations, the
 * seed, health checks) keep the server's own {@code db.transaction.timeout}.
 */
public final class StatementTimeout {

    private static final ThreadLocal<Duration> CURRENT = new ThreadLocal<>();

    private StatementTimeout() {
    }

    /** Runs {@code work} with {@code timeout} applied to every auto-commit statement it sends. */
    public static <T> T within(Duration timeout, Supplier<T> work) {
        Duration previous = CURRENT.get();
        CURRENT.set(timeout);
        try {
            return work.get();
        }
        finally {
            if (previous == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(previous);
            }
        }
    }

    /** The timeout bound to this thread, else null. */
    static Duration current() {
        return CURRENT.get();
    }
}
