package uk.gov.send.rep.hub.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Disclosure control of aggregates shown to a role that may not read the rows behind them
 * (ADR 0010, README "Disclosure control").
 *
 * @param threshold counts of fewer rows than this (and more than none) are suppressed; DfE's
 *     convention for children's data is 10 (default)
 */
@Validated
@ConfigurationProperties("hub.disclosure")
public record DisclosureProperties(@Min(2) @Max(1000) Integer threshold) {

    public DisclosureProperties {
        threshold = threshold == null ? 10 : threshold;
    }
}
