package uk.gov.send.rep.hub.mutation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import uk.gov.send.rep.hub.query.QueryCost;
import uk.gov.send.rep.hub.query.Scope;
import uk.gov.send.rep.hub.query.limits.LimitsProperties;

/**
 * Runs one mutation: its checks against the graph and its write in one explicit write
 * transaction, with its idempotency record (ADR 0017). With an idempotency key, the record
 * {@code (:IdempotencyRecord {key: subject|mutation|idempotencyKey, requestHash, result})} is
 * created in the same transaction as the write, so either both are committed or neither; a later
 * call with the same key and the same input finds it, runs nothing else and returns the first
 * result; with another input it gets {@link FieldError#IDEMPOTENCY_KEY_REUSED}. A call that fails
 * validation writes nothing and records nothing. A transaction that fails on a uniqueness
 * constraint because a concurrent call committed first is run once more, and then sees that call.
 */
@Service
public class Writes {

    private static final String FIND = """
        MATCH (r:IdempotencyRecord {key: $key}) RETURN r.requestHash AS requestHash, r.result AS result""";

    private static final String RECORD = """
        CREATE (:IdempotencyRecord {key: $key, mutation: $mutation, subject: $subject, requestHash: $requestHash,
            result: $result, createdAt: datetime()})""";

    /** Longest idempotency key accepted. */
    public static final int MAX_KEY_LENGTH = 200;

    private final Driver driver;
    /**
     * Sessions that share the driver's bookmark manager with the read API ({@code GraphReader}): on
     * a cluster, the payload re-read after a write, and any later query through this hub, sees the
     * write, whichever member answers.
     */
    private final SessionConfig sessions;
    private final TransactionConfig config;

    Writes(Driver driver, ObjectProvider<LimitsProperties> limits) {
        this.driver = driver;
        this.sessions = SessionConfig.builder().withBookmarkManager(driver.executableQueryBookmarkManager()).build();
        LimitsProperties configured = limits.getIfAvailable();
        // A mutation's transaction is stopped by the database after the read statements' timeout too.
        this.config = configured == null ? TransactionConfig.empty()
            : TransactionConfig.builder().withTimeout(configured.transactionTimeout()).build();
    }

    /** What a mutation's work decided: written (the key of what to return) or refused with field errors. */
    public sealed interface Outcome {
    }

    /**
     * Written, or found written by an earlier call with the same idempotency key.
     *
     * @param result the natural key of what the payload returns
     * @param replayed whether an earlier call wrote it (nothing was written now)
     */
    public record Written(String result, boolean replayed) implements Outcome {
    }

    /** Not written: what is wrong with the input. */
    public record Invalid(List<FieldError> errors) implements Outcome {
    }

    /**
     * The open write transaction, as a mutation's checks and write see it: each statement is read
     * to the end and recorded in the request's {@link QueryCost} (text, time, rows; never values),
     * so {@code extensions.cost.roundTrips} counts a mutation's statements as it counts reads.
     */
    public static final class Transaction {

        private final TransactionContext tx;
        private final QueryCost cost;

        Transaction(TransactionContext tx, QueryCost cost) {
            this.tx = tx;
            this.cost = cost;
        }

        /** Runs one statement and returns all its records. */
        public List<Record> run(String cypher, Map<String, Object> parameters) {
            long started = System.nanoTime();
            List<Record> records = tx.run(cypher, parameters).list();
            if (cost != null) {
                cost.recordStatement(cypher, System.nanoTime() - started, records.size());
            }
            return records;
        }
    }

    /** A mutation's checks and write, given the open write transaction. */
    @FunctionalInterface
    public interface Work {

        /**
         * Checks the input against the graph and, when it is valid, writes it.
         *
         * @return {@link Written} with the natural key of the result, or {@link Invalid}; write nothing before deciding
         */
        Outcome run(Transaction tx);
    }

    /** A payload's constructor: the result (null when invalid), the field errors and whether it was replayed. */
    @FunctionalInterface
    public interface Payload<R, P> {
        P of(R result, List<FieldError> errors, boolean replayed);
    }

    /** The payload of an outcome: the result read by its key, or the field errors and no result. */
    public static <R, P> P payload(Outcome outcome, java.util.function.Function<String, R> read, Payload<R, P> payload) {
        return switch (outcome) {
            case Written written -> payload.of(read.apply(written.result()), List.of(), written.replayed());
            case Invalid invalid -> payload.of(null, invalid.errors(), false);
        };
    }

    /** Valid: written, returning this result key. */
    public static Outcome written(String result) {
        return new Written(result, false);
    }

    /** Invalid when the errors are not empty; else null (go on). */
    public static Outcome invalid(FieldErrors errors) {
        return errors.isEmpty() ? null : new Invalid(errors.list());
    }

    /**
     * Runs {@code work} for the mutation field of {@code env}, whose input is its {@code input}
     * argument, in one write transaction, with the idempotency record when a key is given. Refuses
     * a role that may write nothing before anything runs ({@link Writers#requireWriter}).
     */
    public Outcome run(DataFetchingEnvironment env, String idempotencyKey, Work work) {
        Scope scope = Scope.of(env.getGraphQlContext());
        String mutation = env.getField().getName();
        Writers.requireWriter(scope, mutation);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            return new Invalid(new FieldErrors().add(FieldError.OUT_OF_RANGE,
                "An idempotency key has 1 to " + MAX_KEY_LENGTH + " characters", "idempotencyKey").list());
        }
        String key = idempotencyKey == null ? null : scope.subject() + "|" + mutation + "|" + idempotencyKey;
        String requestHash = sha256(canonical(env.getArgument("input")));
        QueryCost cost = QueryCost.of(env.getGraphQlContext());
        try {
            return transaction(key, mutation, scope, requestHash, work, cost);
        }
        catch (ClientException conflict) {
            if (!"Neo.ClientError.Schema.ConstraintValidationFailed".equals(conflict.code())) {
                throw conflict;
            }
            // A concurrent call committed first: with the same key its record now answers this one;
            // without, the checks now see what it wrote (e.g. the pilot code it took: DUPLICATE).
            return transaction(key, mutation, scope, requestHash, work, cost);
        }
    }

    private Outcome transaction(String key, String mutation, Scope scope, String requestHash, Work work,
            QueryCost cost) {
        try (Session session = driver.session(sessions)) {
            return session.executeWrite(context -> {
                Transaction tx = new Transaction(context, cost);
                Outcome earlier = earlier(tx, key, mutation, requestHash);
                if (earlier != null) {
                    return earlier;
                }
                Outcome outcome = work.run(tx);
                if (key != null && outcome instanceof Invalid) {
                    // Reads see what others committed since the transaction's first statement: a
                    // concurrent call with this key may have committed its write (which the checks
                    // just found, e.g. the pilot code taken) and its record together after our look.
                    Outcome meanwhile = earlier(tx, key, mutation, requestHash);
                    if (meanwhile != null) {
                        return meanwhile;
                    }
                }
                if (key != null && outcome instanceof Written written) {
                    tx.run(RECORD, Map.of("key", key, "mutation", mutation, "subject", scope.subject(),
                        "requestHash", requestHash, "result", written.result()));
                }
                return outcome;
            }, config);
        }
    }

    /** The answer of an earlier call's record with this key: its result, or key reused; null when there is none (or no key). */
    private static Outcome earlier(Transaction tx, String key, String mutation, String requestHash) {
        if (key == null) {
            return null;
        }
        List<Record> earlier = tx.run(FIND, Map.of("key", key));
        if (earlier.isEmpty()) {
            return null;
        }
        return earlier.getFirst().get("requestHash").asString().equals(requestHash)
            ? new Written(earlier.getFirst().get("result").asString(), true)
            : new Invalid(new FieldErrors().add(FieldError.IDEMPOTENCY_KEY_REUSED,
                "This idempotency key was used for " + mutation + " with a different input; "
                    + "use a new key for a new change", "idempotencyKey").list());
    }

    /** Statement parameters from names and values, which may be null (unlike {@code Map.of}). */
    public static Map<String, Object> parameters(Object... namesAndValues) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    /**
     * Runs one read statement in a read transaction of its own (a payload re-read after its
     * write), recorded in the request's {@link QueryCost} as the transaction's statements are.
     */
    public List<Record> read(DataFetchingEnvironment env, String cypher, Map<String, Object> parameters) {
        QueryCost cost = QueryCost.of(env.getGraphQlContext());
        try (Session session = driver.session(sessions)) {
            return session.executeRead(context -> new Transaction(context, cost).run(cypher, parameters), config);
        }
    }

    /** The input as text, map keys sorted at every depth, so equal inputs give equal text. */
    static String canonical(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> map -> {
                Map<String, String> sorted = new TreeMap<>();
                map.forEach((name, item) -> sorted.put(String.valueOf(name), canonical(item)));
                yield sorted.toString();
            }
            case List<?> list -> list.stream().map(Writes::canonical).toList().toString();
            case String text -> '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            default -> value.toString();
        };
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}
