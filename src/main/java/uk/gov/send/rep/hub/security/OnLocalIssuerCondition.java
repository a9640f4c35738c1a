package uk.gov.send.rep.hub.security;

import java.util.List;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no production issuer is configured, so the hub signs and checks its own tokens;
 * with any of {@link #PROPERTIES} set, Spring Boot's own {@code JwtDecoder} is used instead.
 */
class OnLocalIssuerCondition implements Condition {

    static final List<String> PROPERTIES = List.of(
        "spring.security.oauth2.resourceserver.jwt.issuer-uri",
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        "spring.security.oauth2.resourceserver.jwt.public-key-location");

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return PROPERTIES.stream().noneMatch(name -> StringUtils.hasText(context.getEnvironment().getProperty(name)));
    }
}
