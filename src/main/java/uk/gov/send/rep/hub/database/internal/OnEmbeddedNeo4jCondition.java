package uk.gov.send.rep.hub.database.internal;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no external Neo4j is configured: {@code spring.neo4j.uri} absent or blank (after
 * {@link Neo4jEnvironmentPostProcessor} has mapped {@code NEO4J_URI}).
 */
class OnEmbeddedNeo4jCondition extends SpringBootCondition {

    static final String URI_PROPERTY = "spring.neo4j.uri";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String uri = context.getEnvironment().getProperty(URI_PROPERTY);
        return StringUtils.hasText(uri)
            ? ConditionOutcome.noMatch(URI_PROPERTY + " is set: using the external Neo4j at " + uri)
            : ConditionOutcome.match(URI_PROPERTY + " is not set: running Neo4j embedded");
    }
}
