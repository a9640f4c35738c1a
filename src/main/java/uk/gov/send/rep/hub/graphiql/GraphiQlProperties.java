package uk.gov.send.rep.hub.graphiql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether {@code /graphiql} is served
 */
@ConfigurationProperties("hub.graphiql")
record GraphiQlProperties(Boolean enabled) {

    GraphiQlProperties {
        enabled = enabled == null || enabled;
    }
}
