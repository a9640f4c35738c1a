package uk.gov.send.rep.hub.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the read API.
 *
 * @param maxPageSize the most rows one connection page may ask for with {@code first}
 * @param defaultPageSize rows of a page when {@code first} is not given
 * @param maxGroups the most groups one {@code groupBy} returns
 */
@Validated
@ConfigurationProperties("hub.graphql")
public record QueryProperties(@Min(1) @Max(10_000) Integer maxPageSize, @Min(1) @Max(10_000) Integer defaultPageSize,
        @Min(1) @Max(100_000) Integer maxGroups) {

    public QueryProperties {
        maxPageSize = maxPageSize == null ? 100 : maxPageSize;
        defaultPageSize = defaultPageSize == null ? 20 : Math.min(defaultPageSize, maxPageSize);
        maxGroups = maxGroups == null ? 1000 : maxGroups;
    }
}
