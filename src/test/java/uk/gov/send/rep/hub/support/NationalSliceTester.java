package uk.gov.send.rep.hub.support;

import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;

import uk.gov.send.rep.hub.query.Scope;

/**
 * The GraphQL slice tests' tester, asking as {@code NATIONAL}: the slices test a controller's
 * fields, not who may see them (RoleMatrixIntegrationTests does), and the read API fails closed
 * to anonymous without a scope.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NationalSliceTester {

    @Bean
    ExecutionGraphQlServiceTester graphQlTester(ExecutionGraphQlService service) {
        return ExecutionGraphQlServiceTester.builder(service)
            .configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(Scope.CONTEXT_KEY, Scope.national("slice-test"))).build())
            .build();
    }
}
