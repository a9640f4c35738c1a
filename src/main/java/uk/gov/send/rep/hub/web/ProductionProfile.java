package uk.gov.send.rep.hub.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

/**
 * Turns the {@value #PROFILE} profile on whenever an external token issuer is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}): a hub
 * that trusts a real issuer is a production hub, and must not rely on someone remembering
 * {@code --spring.profiles.active=prod}. Runs after the configuration files are read (so an
 * issuer set in any of them counts), hence it also adds {@code application-prod.yml} itself,
 * just above the {@code application*.yml} sources and below the command line, the environment and
 * system properties, exactly where Spring Boot puts a profile's file.
 */
public class ProductionProfile implements EnvironmentPostProcessor, Ordered {

    /** The profile's name. */
    public static final String PROFILE = "prod";

    static final List<String> ISSUER_PROPERTIES = List.of("spring.security.oauth2.resourceserver.jwt.issuer-uri",
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri");

    static final String FILE = "application-prod.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean issuer = ISSUER_PROPERTIES.stream().anyMatch(name -> StringUtils.hasText(environment.getProperty(name)));
        if (!issuer || environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        environment.addActiveProfile(PROFILE);
        MutablePropertySources sources = environment.getPropertySources();
        List<PropertySource<?>> prod = load();
        PropertySource<?> firstFile = sources.stream()
            .filter(source -> source.getName().contains("application") && source.getName().startsWith("Config resource"))
            .findFirst()
            .orElse(null);
        for (PropertySource<?> source : prod) {
            if (firstFile != null) {
                sources.addBefore(firstFile.getName(), source);
            }
            else {
                sources.addLast(source);
            }
        }
    }

    private static List<PropertySource<?>> load() {
        ClassPathResource file = new ClassPathResource(FILE);
        try {
            return new YamlPropertySourceLoader().load("Config resource 'class path resource [" + FILE
                + "]' (prod profile: an external token issuer is configured)", file);
        }
        catch (IOException failure) {
            throw new UncheckedIOException("cannot read " + FILE, failure);
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
