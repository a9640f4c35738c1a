package uk.gov.send.rep.hub.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.ingest.*}.
 * @param batchSize rows written per transaction (and per resumable step)
 * @param lookupBatchSize distinct values checked against the database per reference query
 */
@ConfigurationProperties("hub.ingest")
public record IngestProperties(@DefaultValue("10000") int batchSize, @DefaultValue("10000") int lookupBatchSize) {

    public IngestProperties {
        if (batchSize < 1 || lookupBatchSize < 1) {
            throw new IllegalArgumentException("hub.ingest.batch-size and hub.ingest.lookup-batch-size must be at least 1");
        }
    }
}
