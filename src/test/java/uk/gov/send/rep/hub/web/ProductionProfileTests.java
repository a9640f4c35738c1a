package uk.gov.send.rep.hub.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The prod profile turns itself on with an external token issuer, and brings application-prod.yml. */
class ProductionProfileTests {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", properties));
        environment.getPropertySources().addLast(new MapPropertySource(
            "Config resource 'class path resource [application.yml]' via location 'optional:classpath:/'",
            Map.of("hub.graphiql.enabled", "true", "hub.graphql.limits.introspection", "ANYONE")));
        new ProductionProfile().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void shouldTurnProdOnWithAnIssuerUri() {
        StandardEnvironment environment = environment(
            Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://login.example/realms/hub"));
        assertThat(environment.getActiveProfiles()).containsExactly("prod");
        // application-prod.yml above application.yml
        assertThat(environment.getProperty("hub.graphiql.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("hub.graphql.limits.introspection")).isEqualTo("NATIONAL");
    }

    @Test
    void shouldTurnProdOnWithAJwkSetUriAndLetTheCommandLineWin() {
        StandardEnvironment environment = environment(Map.of(
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://login.example/keys",
            "hub.graphiql.enabled", "true"));
        assertThat(environment.getActiveProfiles()).containsExactly("prod");
        assertThat(environment.getProperty("hub.graphiql.enabled")).isEqualTo("true");
    }

    @Test
    void shouldLeaveTheProfilesAloneWithoutAnIssuer() {
        StandardEnvironment environment = environment(Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", " "));
        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getProperty("hub.graphiql.enabled")).isEqualTo("true");
    }

    @Test
    void shouldNotAddTheFileTwiceWhenProdIsAlreadyActive() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("prod");
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs",
            Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://login.example")));
        int before = environment.getPropertySources().size();
        new ProductionProfile().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getPropertySources().size()).isEqualTo(before);
    }
}
