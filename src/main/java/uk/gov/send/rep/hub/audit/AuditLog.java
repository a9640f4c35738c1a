package uk.gov.send.rep.hub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

import uk.gov.send.rep.hub.query.NodeType;
import uk.gov.send.rep.hub.query.QueryCost;
import uk.gov.send.rep.hub.query.Scope;

/**
 * Writes audit events: one {@code CREATE} of one {@code AuditEvent} node per call, its properties
 * one parameter, in its own auto-commit transaction, synchronously (ADR 0011). Reads of protected
 * rows over HTTP are recorded by {@link AuditInterceptor}; a future mutation records its write with
 * {@link #record(Entry, QueryCost)} before it returns. Each write is timed as
 * {@code hub.audit.write}.
 */
@Service
public class AuditLog {

    static final String CREATE = "CREATE (e:AuditEvent) SET e = $event";

    private final Neo4jClient neo4j;
    private final List<String> protectedTypes;
    private final Timer writes;

    AuditLog(Neo4jClient neo4j, List<NodeType<?>> types, MeterRegistry meters) {
        this.neo4j = neo4j;
        this.protectedTypes = types.stream().filter(type -> type.guard() != null).map(NodeType::typeName).sorted().toList();
        this.writes = Timer.builder("hub.audit.write")
            .description("Time to write one audit event (one CREATE statement, auto-commit)")
            .register(meters);
    }

    /**
     * What one request did, as the audit log records it.
     *
     * @param scope who asked: subject, role and the partnership or local area of their scope
     * @param operationName the operation's name in the document, or null
     * @param operationType {@code query}, {@code mutation} or {@code subscription}
     * @param operationHash SHA-256 of the document ({@link #hash}); never the variables
     * @param rows protected rows returned, by GraphQL type name ({@link QueryCost#protectedRows()})
     * @param outcome how the request ended
     */
    public record Entry(Scope scope, String operationName, String operationType, String operationHash,
            Map<String, Long> rows, AuditOutcome outcome) {

        public Entry {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(operationType, "operationType");
            Objects.requireNonNull(operationHash, "operationHash");
            Objects.requireNonNull(outcome, "outcome");
            rows = Map.copyOf(rows);
        }
    }

    /**
     * Writes one event and returns its id. The statement is accounted to {@code cost} (when given)
     * as one of the request's round trips.
     *
     * @throws AuditWriteException naming the operation when the event could not be written
     */
    public String record(Entry entry, QueryCost cost) {
        String id = TimeOrderedIds.next().toString();
        Map<String, Object> event = properties(id, entry, Instant.now());
        long started = System.nanoTime();
        try {
            neo4j.query(CREATE).bind(event).to("event").run();
        }
        catch (RuntimeException failure) {
            throw new AuditWriteException(entry, failure);
        }
        finally {
            long nanos = System.nanoTime() - started;
            writes.record(nanos, TimeUnit.NANOSECONDS);
            if (cost != null) {
                cost.recordStatement(CREATE, nanos, 0);
            }
        }
        return id;
    }

    /** The node's properties: who, when, which operation, how many rows of each protected type. */
    Map<String, Object> properties(String id, Entry entry, Instant now) {
        ZonedDateTime at = now.truncatedTo(ChronoUnit.MILLIS).atZone(ZoneOffset.UTC);
        Map<String, Object> event = new HashMap<>();
        event.put("id", id);
        event.put("at", at);
        event.put("day", at.toLocalDate());
        event.put("subject", entry.scope().subject());
        event.put("role", entry.scope().role());
        event.put("partnership", entry.scope().partnership());
        event.put("localArea", entry.scope().localArea());
        event.put("operationName", entry.operationName());
        event.put("operationType", entry.operationType());
        event.put("operationHash", entry.operationHash());
        long total = 0;
        for (String type : protectedTypes) {
            long rows = entry.rows().getOrDefault(type, 0L);
            event.put(Character.toLowerCase(type.charAt(0)) + type.substring(1) + "Rows", rows);
            total += rows;
        }
        for (Map.Entry<String, Long> rows : entry.rows().entrySet()) {
            if (!protectedTypes.contains(rows.getKey())) {
                throw new IllegalArgumentException(rows.getKey() + " is not a protected type: " + protectedTypes);
            }
        }
        event.put("rows", total);
        event.put("outcome", entry.outcome().name());
        return event;
    }

    /** SHA-256 of a GraphQL document's text, lower-case hex: names the operation, never its values. */
    public static String hash(String document) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(document.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}
