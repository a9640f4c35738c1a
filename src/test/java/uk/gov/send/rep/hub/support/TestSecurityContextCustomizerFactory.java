package uk.gov.send.rep.hub.support;

import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds {@link TestTokens} and {@link NationalBearerToken} to every Spring test context, so that
 * tests mint real tokens and HTTP tests send a {@code NATIONAL} one by default.
 */
public class TestSecurityContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Tokens();
    }

    /** Equal to every other instance, so it never splits the context cache. */
    private static final class Tokens implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            if (context instanceof BeanDefinitionRegistry registry) {
                registry.registerBeanDefinition("testTokens", new RootBeanDefinition(TestTokens.class));
                registry.registerBeanDefinition("nationalBearerToken", new RootBeanDefinition(NationalBearerToken.class));
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Tokens;
        }

        @Override
        public int hashCode() {
            return Tokens.class.hashCode();
        }
    }
}
