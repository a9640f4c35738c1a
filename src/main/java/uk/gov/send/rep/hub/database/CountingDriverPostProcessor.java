package uk.gov.send.rep.hub.database;

import org.neo4j.driver.Driver;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes every {@link Driver} bean, embedded or Spring Boot's, count its statements into
 * {@link CypherStatementCounter}.
 */
class CountingDriverPostProcessor implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof Driver driver ? StatementCounting.wrap(driver) : bean;
    }
}
