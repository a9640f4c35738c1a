package uk.gov.send.rep.hub.support;

import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.send.rep.hub.query.Scope;

/**
 * The {@code GraphQlTester} of {@link HubGraphQlTest} slices (no HTTP, so no security filter or
 * interceptor): every request runs with {@code Scope.national("test")} in its GraphQL context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NationalScopeTester {

    /** The scope of every slice test request. */
    public static final Scope SCOPE = Scope.national("test");

    @Bean
    ExecutionGraphQlServiceTester graphQlTester(ExecutionGraphQlService service, JsonMapper json) {
        return ExecutionGraphQlServiceTester.builder(service)
            .encoder(new JacksonJsonEncoder(json))
            .decoder(new JacksonJsonDecoder(json))
            .configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(Scope.CONTEXT_KEY, SCOPE)).build())
            .build();
    }
}
