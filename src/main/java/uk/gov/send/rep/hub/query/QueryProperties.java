package uk.gov.send.rep.hub.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the read API. Every connection page names its size ({@code first} or {@code last});
 * there is no default page size.
 *
 * @param maxPageSize the most rows one connection page may ask for with {@code first} or {@code last}
 * @param maxGroups the most groups one {@code groupBy} returns
 */
@Validated
@ConfigurationProperties("hub.graphql")
public record QueryProperties(@Min(1) @Max(10_000) Integer maxPageSize, @Min(1) @Max(100_000) Integer maxGroups) {

    public QueryProperties {
        maxPageSize = maxPageSize == null ? 100 : maxPageSize;
        maxGroups = maxGroups == null ? 1000 : maxGroups;
    }
}
