package uk.gov.send.rep.hub.security;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets any Spring MVC controller (e.g. the CSV exports) declare a {@code query.Scope} parameter
 * ({@link ScopeArgumentResolver}). Only in the web hub.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ScopeWebConfiguration implements WebMvcConfigurer {

    private final ScopeResolver scopes;

    ScopeWebConfiguration(ScopeResolver scopes) {
        this.scopes = scopes;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ScopeArgumentResolver(scopes));
    }
}
