package uk.gov.send.rep.hub.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Cost reporting of GraphQL requests (README "Cost of a query").
 *
 * @param always debug mode: every response carries {@code extensions.cost}, with the list of its
 *     statements, whether or not the client asked
 * @param maxOperationNames how many distinct operation names the per-operation metrics tag
 *     before the rest are tagged {@code other}
 */
@Validated
@ConfigurationProperties("hub.graphql.cost")
public record QueryCostProperties(Boolean always, @Min(0) @Max(10_000) Integer maxOperationNames) {

    public QueryCostProperties {
        always = always != null && always;
        maxOperationNames = maxOperationNames == null ? 100 : maxOperationNames;
    }
}
