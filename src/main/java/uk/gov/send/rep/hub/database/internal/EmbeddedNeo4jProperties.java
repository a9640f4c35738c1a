package uk.gov.send.rep.hub.database.internal;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Neo4j the hub runs in-process when {@code spring.neo4j.uri} is not set.
 *
 * @param dataDir where the database, its transaction logs and its own logs ({@code logs/}) live
 * @param boltPort the loopback Bolt port: a fixed port, {@code 0} for an ephemeral one, or
 *     {@code -1} to advertise none (the hub's own driver still uses an ephemeral loopback port)
 * @param pageCache page cache size in Neo4j's notation ({@code 512m}, {@code 2g})
 * @param transactionMemoryMax memory one transaction may use ({@code db.memory.transaction.max});
 *     {@code 0} means unlimited
 * @param transactionTimeout how long a transaction may run before Neo4j stops it; {@code 0} means
 *     no limit
 */
@ConfigurationProperties("hub.neo4j.embedded")
@Validated
public record EmbeddedNeo4jProperties(
        @DefaultValue("./data")
        @NotBlank(message = "must name a directory")
        String dataDir,

        @DefaultValue("7687")
        @Min(value = -1, message = "must be -1 (no advertised port), 0 (ephemeral) or a port up to 65535")
        @Max(value = 65535, message = "must be -1 (no advertised port), 0 (ephemeral) or a port up to 65535")
        int boltPort,

        @DefaultValue("512m")
        @NotNull
        @Pattern(regexp = SIZE, message = SIZE_MESSAGE)
        String pageCache,

        @DefaultValue("1g")
        @NotNull
        @Pattern(regexp = SIZE, message = SIZE_MESSAGE)
        String transactionMemoryMax,

        @DefaultValue("60s")
        @NotNull
        @DurationMin(seconds = 0, message = "must not be negative")
        Duration transactionTimeout) {

    /** Neo4j's byte-size notation, as {@code org.neo4j.io.ByteUnit#parse} reads it. */
    static final String SIZE = "\\s*\\d+\\s*(?:[kKmMgGtTpPeE](?:i?[bB])?|[bB])?\\s*";

    static final String SIZE_MESSAGE = "must be a size such as 512m, 2g or 1024k";

    /** Whether Bolt is for the hub's own driver only. */
    public boolean boltInternalOnly() {
        return boltPort == -1;
    }
}
