package uk.gov.send.rep.hub.query.limits;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits every GraphQL request must stay within ({@code hub.graphql.limits.*}); a request over one
 * is refused before any Cypher runs, with an error naming the limit (README, "Query limits and
 * production hardening", gives each default and why). A value out of range fails start-up with a
 * message naming the property.
 *
 * @param maxDepth deepest field nesting of an operation, fragments expanded
 * @param maxAliases aliased fields in one operation, fragments expanded
 * @param maxDirectives directives used in one operation, fragments expanded
 * @param maxDirectiveRepeats times one directive may appear at one location (a field, fragment
 *     spread, inline fragment or operation); the schema's directives are not repeatable, so 1
 * @param maxFields fields selected by one operation, fragments expanded
 * @param maxTokens grammar tokens of a document (graphql-java's parser stops at this many)
 * @param maxCharacters characters of a document, checked before it is parsed or looked up
 * @param maxCost the estimated cost of an operation: every field counts once per row it may be
 *     asked for, a connection's {@code first}/{@code last} multiplying its subtree
 * @param defaultListSize how many items a list field that is not a connection (say a pilot's
 *     reforms) is assumed to return, for the cost estimate
 * @param maxOperationsPerRequest operations in one HTTP request: 1, as Spring for GraphQL runs
 *     one operation per request and a JSON array (a batch) is refused
 * @param maxRequestBytes bytes of one request's body (document, variables and extensions), read
 *     no further: a longer body is refused with HTTP 413
 * @param requestsPerMinute requests one subject (token subject, else client address) may send a
 *     minute to one hub instance; 0 turns the limit off
 * @param transactionTimeout how long one read statement (its own transaction) may run
 * @param transactionMemory memory one transaction may use, in Neo4j's notation (embedded Neo4j)
 * @param introspection who may ask {@code __schema} and {@code __type}: {@code ANYONE} or
 *     {@code NATIONAL} (the {@code prod} profile)
 */
@Validated
@ConfigurationProperties("hub.graphql.limits")
public record LimitsProperties(
        @DefaultValue("15") @Min(2) @Max(100) int maxDepth,
        @DefaultValue("30") @Min(0) @Max(1000) int maxAliases,
        @DefaultValue("20") @Min(0) @Max(1000) int maxDirectives,
        @DefaultValue("1") @Min(1) @Max(100) int maxDirectiveRepeats,
        @DefaultValue("300") @Min(1) @Max(10_000) int maxFields,
        @DefaultValue("5000") @Min(100) @Max(100_000) int maxTokens,
        @DefaultValue("20000") @Min(1000) @Max(1_000_000) int maxCharacters,
        @DefaultValue("50000") @Min(1) @Max(100_000_000) long maxCost,
        @DefaultValue("10") @Min(1) @Max(1000) int defaultListSize,
        @DefaultValue("1")
        @Min(value = 1, message = "must be 1: Spring for GraphQL runs one operation per request")
        @Max(value = 1, message = "must be 1: Spring for GraphQL runs one operation per request")
        int maxOperationsPerRequest,
        @DefaultValue("262144") @Min(1024) @Max(104_857_600) int maxRequestBytes,
        @DefaultValue("600") @Min(value = 0, message = "must be 0 (off) or more") @Max(1_000_000) int requestsPerMinute,
        @DefaultValue("10s") @NotNull
        @DurationMin(millis = 1, message = "must be at least 1ms")
        @DurationMax(minutes = 10, message = "must be at most 10m")
        Duration transactionTimeout,
        @DefaultValue("1g") @NotNull
        @Pattern(regexp = "\\s*[1-9]\\d*\\s*(?:[kKmMgGtT](?:i?[bB])?|[bB])?\\s*",
            message = "must be a size such as 512m or 1g (not 0: a read must have a memory limit)")
        String transactionMemory,
        @DefaultValue("ANYONE") @NotNull Introspection introspection) {

    /** Who may introspect the schema. */
    public enum Introspection {
        /** Every caller (development, the default). */
        ANYONE,
        /** Only the {@code NATIONAL} role (the {@code prod} profile). */
        NATIONAL
    }
}
