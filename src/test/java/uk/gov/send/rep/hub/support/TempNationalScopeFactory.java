package uk.gov.send.rep.hub.support;

import java.util.List;
import java.util.Map;

import org.springframework.core.env.MapPropertySource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

import uk.gov.send.rep.hub.query.Scope;

/** TEMP (until the auth branch merges): every HTTP GraphQL request in tests runs as NATIONAL. */
public class TempNationalScopeFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tempNoSecurity", Map.of(
                "spring.autoconfigure.exclude",
                "org.springframework.boot.graphql.autoconfigure.observation.GraphQlObservationAutoConfiguration,"
                    + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
                    + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
                    + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
                    + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
                    + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
                    + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")));
            context.getBeanFactory().registerSingleton("tempNationalScope", (WebGraphQlInterceptor) (request, chain) -> {
                String role = request.getHeaders().getFirst("X-Temp-Scope");
                Scope scope = role == null ? Scope.national("test") : null;
                if (scope != null) {
                    request.configureExecutionInput((input, builder) ->
                        builder.graphQLContext(Map.of(Scope.CONTEXT_KEY, scope)).build());
                }
                return chain.next(request);
            });
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
