package uk.gov.send.rep.hub.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.seed.*}: which synthetic graph to generate ({@code demo}, {@code national} or
 * {@code none}: reference data only) and the seed of its random streams.
 */
@ConfigurationProperties("hub.seed")
record SeedProperties(@DefaultValue("demo") String scale, @DefaultValue("20230302") long seed) {
}
