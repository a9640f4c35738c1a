package uk.gov.send.rep.hub.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Records the statements the hub sends through the driver (auto-commit runs in a session, as
 * {@code GraphReader.fetch}, the read API's only way to the database, reads; and
 * {@code executableQuery}) and Spring Data Neo4j's {@link Neo4jClient}, with their parameters,
 * so that the profile mode can {@code PROFILE} exactly what a GraphQL request ran. Installed only
 * in profile mode: timed runs use the hub's beans untouched.
 */
final class StatementCapture implements BeanPostProcessor {

    /** A statement and its parameters, as the hub sent them. */
    record Statement(String cypher, Map<String, Object> parameters) {
    }

    private static final String SPEC_PACKAGE = "org.springframework.data.neo4j.core.";

    // Guards statements; not the capture itself, which waits for a request whose statements are
    // sent from other threads.
    private final Object lock = new Object();
    private final List<Statement> statements = new ArrayList<>();
    private volatile boolean recording;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Neo4jClient client) {
            return Proxy.newProxyInstance(Neo4jClient.class.getClassLoader(), interfaces(client.getClass()),
                new Recording(client, null));
        }
        if (bean instanceof Driver driver) {
            return Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] { Driver.class },
                new Recording(driver, null));
        }
        return bean;
    }

    /** The statements sent while running {@code action} (one action at a time). */
    List<Statement> record(Runnable action) {
        synchronized (lock) {
            statements.clear();
        }
        recording = true;
        try {
            action.run();
        }
        finally {
            recording = false;
        }
        synchronized (lock) {
            return List.copyOf(statements);
        }
    }

    private static Class<?>[] interfaces(Class<?> type) {
        Set<Class<?>> all = new LinkedHashSet<>();
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            collect(current, all);
        }
        all.removeIf(candidate -> !candidate.getName().startsWith(SPEC_PACKAGE)
            || !java.lang.reflect.Modifier.isPublic(candidate.getModifiers()));
        return all.toArray(new Class<?>[0]);
    }

    private static void collect(Class<?> type, Set<Class<?>> into) {
        for (Class<?> implemented : type.getInterfaces()) {
            if (into.add(implemented)) {
                collect(implemented, into);
            }
        }
    }

    /**
     * Follows a statement from {@code query(cypher)} through {@code bindAll(parameters)}, or from
     * {@code executableQuery(cypher)} through {@code withParameters(parameters)}, or a session's
     * {@code run(query)}.
     */
    private final class Recording implements InvocationHandler {

        private final Object target;
        private final int index;

        Recording(Object target, Integer index) {
            this.target = target;
            this.index = index == null ? -1 : index;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            int statement = index;
            if (recording && method.getName().equals("run") && args != null && args.length >= 1
                    && args[0] instanceof org.neo4j.driver.Query query) {
                synchronized (lock) {
                    statements.add(new Statement(query.text(), query.parameters().asMap()));
                }
            }
            if (recording && (method.getName().equals("query") || method.getName().equals("executableQuery"))
                    && args != null && args.length == 1
                    && args[0] instanceof String cypher) {
                synchronized (lock) {
                    statements.add(new Statement(cypher, Map.of()));
                    statement = statements.size() - 1;
                }
            }
            if (recording && statement >= 0 && (method.getName().equals("bindAll") || method.getName().equals("withParameters"))
                    && args[0] instanceof Map<?, ?> map) {
                synchronized (lock) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> parameters = (Map<String, Object>) map;
                    statements.set(statement, new Statement(statements.get(statement).cypher(), parameters));
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            }
            catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result != null && statement >= 0 && method.getReturnType().isInterface()
                    && method.getReturnType().getName().startsWith(SPEC_PACKAGE)) {
                return Proxy.newProxyInstance(Neo4jClient.class.getClassLoader(), interfaces(result.getClass()),
                    new Recording(result, statement));
            }
            if (result instanceof org.neo4j.driver.Session session && method.getName().equals("session")) {
                return Proxy.newProxyInstance(Driver.class.getClassLoader(),
                    new Class<?>[] { org.neo4j.driver.Session.class }, new Recording(session, null));
            }
            if (result != null && statement >= 0 && method.getReturnType() == org.neo4j.driver.ExecutableQuery.class) {
                return Proxy.newProxyInstance(Driver.class.getClassLoader(),
                    new Class<?>[] { org.neo4j.driver.ExecutableQuery.class }, new Recording(result, statement));
            }
            return result;
        }
    }
}
