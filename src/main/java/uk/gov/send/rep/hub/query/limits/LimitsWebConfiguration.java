package uk.gov.send.rep.hub.query.limits;

import graphql.GraphQLError;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The GraphQL HTTP handler, as Spring Boot's but answering HTTP 429 to a request refused by the
 * rate limit ({@code hub.graphql.limits.requests-per-minute}); every other response keeps Spring's
 * status. Boot's handler backs off for this bean. The same limit for Spring MVC handlers that read
 * as a scope ({@link RateLimitInterceptor}). Only in a servlet web application (the seed command
 * and non-web tests have no GraphQL endpoint).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LimitsWebConfiguration {

    @Bean
    WebMvcConfigurer rateLimitedHandlers(QueryLimits limits) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RateLimitInterceptor(limits));
            }
        };
    }

    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler) {
        return new GraphQlHttpHandler(webGraphQlHandler) {
            @Override
            protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType mediaType) {
                for (GraphQLError error : response.getExecutionResult().getErrors()) {
                    if (error.getExtensions() != null
                            && QueryLimits.REQUESTS_PER_MINUTE.equals(error.getExtensions().get("limit"))) {
                        return HttpStatus.TOO_MANY_REQUESTS;
                    }
                }
                return super.selectResponseStatus(response, mediaType);
            }
        };
    }
}
