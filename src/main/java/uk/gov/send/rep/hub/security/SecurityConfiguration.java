package uk.gov.send.rep.hub.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what over HTTP. Bearer tokens only: stateless, no session, no cookies, hence no
 * CSRF protection to need. {@code /graphql} and the evaluation's CSV downloads
 * ({@code GET /evaluation/*.csv}) serve anonymous requests (role {@code PUBLIC}; what each role
 * reads is the query scope's business, ADR 0010, and the downloads take their scope from
 * {@link ScopeArgumentResolver}), but a token that is sent must be valid: a bad one gets
 * {@code 401} with {@code WWW-Authenticate: Bearer error="invalid_token"} and never falls back to
 * anonymous. Uploads of import files ({@code POST /import/*}) need a valid token (401 without
 * one); the controller decides which roles may import. GraphiQL and its assets and the health endpoint are open;
 * every other actuator endpoint, and anything else, needs role {@code NATIONAL}.
 *
 * <p>CORS: {@code cors(withDefaults())} uses a {@code CorsConfigurationSource} bean named
 * {@code corsConfigurationSource} when there is one, else Spring MVC's own CORS configuration
 * (none by default: no cross-origin request is allowed). Only in the web hub: commands such as
 * {@code seed} run without a web server, hence without {@code HttpSecurity}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** The CSV downloads of series, effects and comparisons (evaluation.EvaluationCsvController). */
    static final String CSV_DOWNLOADS = "/evaluation/*.csv";

    /**
     * Uploads of import files (ingest.ImportUploadController): any valid token reaches the
     * controller, which refuses every role but NATIONAL and LOCAL_AREA with a JSON 403 (and audits
     * the attempt); no token is 401.
     */
    static final String IMPORT_UPLOADS = "/import/*";

    @Bean
    SecurityFilterChain hubSecurityFilterChain(HttpSecurity http, ClaimNames claims) throws Exception {
        HubAuthenticationConverter tokens = new HubAuthenticationConverter(claims);
        http
            .csrf(csrf -> csrf.disable())
            .cors(Customizer.withDefaults())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable())
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/graphql").permitAll()
                .requestMatchers(HttpMethod.GET, CSV_DOWNLOADS).permitAll()
                .requestMatchers(HttpMethod.POST, IMPORT_UPLOADS).authenticated()
                .requestMatchers("/graphiql", "/graphiql/", "/graphiql/**", "/webjars/**").permitAll()
                .requestMatchers(EndpointRequest.to("health")).permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(HubRole.NATIONAL.name())
                .requestMatchers("/error").permitAll()
                .anyRequest().hasRole(HubRole.NATIONAL.name()))
            .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens)));
        return http.build();
    }
}
