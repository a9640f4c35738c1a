package uk.gov.send.rep.hub.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.neo4j.autoconfigure.DataNeo4jAutoConfiguration;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

import uk.gov.send.rep.hub.query.GraphQlWiring;
import uk.gov.send.rep.hub.query.Aggregations;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.QueryProperties;
import uk.gov.send.rep.hub.query.DisclosureProperties;
import uk.gov.send.rep.hub.query.RelatedLoader;
import uk.gov.send.rep.hub.query.RelationIndex;
import uk.gov.send.rep.hub.query.limits.LimitsProperties;

/**
 * A {@code @GraphQlTest} slice for one controller, with the read kernel (reader, batch loader,
 * scalars, error mapping) wired to the shared test database instead of mocks: the controller's
 * fields are checked against real Cypher on a small fixture, as {@code NATIONAL}
 * ({@link NationalScopeTester}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@GraphQlTest
@Import({ GraphReader.class, RelatedLoader.class, RelationIndex.class, Aggregations.class, GraphQlWiring.class,
    NationalScopeTester.class })
@EnableConfigurationProperties({ QueryProperties.class, DisclosureProperties.class, LimitsProperties.class })
@ImportAutoConfiguration({ Neo4jAutoConfiguration.class, DataNeo4jAutoConfiguration.class })
public @interface HubGraphQlTest {

    /** The controller(s) under test. */
    @AliasFor(annotation = GraphQlTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
