package uk.gov.send.rep.hub.web;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.send.rep.hub.query.limits.LimitsProperties;

/**
 * The HTTP edge's filters, both ahead of any security filter (Spring Security's chain is at
 * order -100): the CORS allow-list and {@link GraphQlRequestFilter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebConfiguration.CorsProperties.class)
class WebConfiguration {

    /**
     * @param allowedOrigins origins (e.g. {@code https://dashboard.example.gov.uk}) whose pages may
     *     call the hub from a browser; empty (the default): none, no cross-origin access
     */
    @ConfigurationProperties("hub.cors")
    record CorsProperties(List<String> allowedOrigins) {

        CorsProperties {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    /**
     * The CORS allow-list, also what a security filter chain's {@code http.cors(withDefaults())}
     * picks up: POST (and the preflight) from the listed origins, with the headers the hub reads.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-Hub-Cost"));
        cors.setExposedHeaders(List.of("Retry-After"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** Applies the allow-list even where no security chain does (a disallowed preflight gets 403). */
    @Bean
    FilterRegistrationBean<CorsFilter> hubCorsFilter(CorsConfigurationSource corsConfigurationSource) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(
            new CorsFilter(corsConfigurationSource));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<GraphQlRequestFilter> graphQlRequestFilter(
            @Value("${spring.graphql.http.path:/graphql}") String path, LimitsProperties limits, JsonMapper json) {
        FilterRegistrationBean<GraphQlRequestFilter> registration = new FilterRegistrationBean<>(
            new GraphQlRequestFilter(path, limits.maxOperationsPerRequest(), limits.maxRequestBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
