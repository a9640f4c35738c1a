package uk.gov.send.rep.hub.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.neo4j.driver.BaseSession;
import org.neo4j.driver.Driver;
import org.neo4j.driver.ExecutableQuery;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.async.AsyncQueryRunner;

/**
 * Wraps the Neo4j driver's API objects in JDK proxies that count statements into
 * {@link CypherStatementCounter}. Everything that can run Cypher (the driver, sessions,
 * transactions, transaction contexts handed to callbacks, executable queries) is wrapped as it is
 * handed out; results and records are not, so reading data costs nothing extra.
 *
 * <p>A statement is counted once, where it enters the public API: an interface's default method
 * (say {@code Session.executeWrite(callback)}) runs against the proxy, so it reaches the counted
 * abstract method through the proxy, while the driver's own implementations call each other on the
 * unwrapped object and are never counted twice. Explicit transactions of the reactive API
 * ({@code ReactiveSession.beginTransaction()}) come in a publisher and are not wrapped; the hub
 * does not use them.
 */
final class StatementCounting {

    private static final String DRIVER_PACKAGE = "org.neo4j.driver.";

    private static final String INTERNAL_PACKAGE = "org.neo4j.driver.internal.";

    private static final Class<?>[] NONE = new Class<?>[0];

    // What can run Cypher, or hand out something that can; reactive runners are matched by name so
    // that the Reactive Streams API stays optional.
    private static final List<Class<?>> RUNNERS =
        List.of(Driver.class, BaseSession.class, SimpleQueryRunner.class, AsyncQueryRunner.class, ExecutableQuery.class);

    private static final Set<String> REACTIVE_RUNNERS = Set.of(
        "org.neo4j.driver.reactive.ReactiveQueryRunner", "org.neo4j.driver.reactivestreams.ReactiveQueryRunner");

    /** The public driver interfaces a proxy for an instance of the class implements; none if it runs no Cypher. */
    private static final ClassValue<Class<?>[]> proxyInterfaces = new ClassValue<>() {
        @Override
        protected Class<?>[] computeValue(Class<?> type) {
            Set<Class<?>> interfaces = new LinkedHashSet<>();
            collectInterfaces(type, interfaces);
            interfaces.removeIf(candidate -> !Modifier.isPublic(candidate.getModifiers())
                || !candidate.getName().startsWith(DRIVER_PACKAGE) || candidate.getName().startsWith(INTERNAL_PACKAGE));
            return interfaces.stream().anyMatch(StatementCounting::isRunner) ? interfaces.toArray(NONE) : NONE;
        }
    };

    /** How each method of a given implementation class is handled. */
    private static final ClassValue<Map<Method, Plan>> plans = new ClassValue<>() {
        @Override
        protected Map<Method, Plan> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private StatementCounting() {
    }

    /** The object itself if it runs no Cypher or is already counted, else a counting proxy for it. */
    static Object wrap(Object target) {
        if (target == null || isCounting(target)) {
            return target;
        }
        Class<?>[] interfaces = proxyInterfaces.get(target.getClass());
        if (interfaces.length == 0) {
            return target;
        }
        return Proxy.newProxyInstance(target.getClass().getClassLoader(), interfaces, new Counting(target));
    }

    static Driver wrap(Driver driver) {
        return (Driver) wrap((Object) driver);
    }

    static boolean isCounting(Object candidate) {
        return candidate != null && Proxy.isProxyClass(candidate.getClass())
            && Proxy.getInvocationHandler(candidate) instanceof Counting;
    }

    private static boolean isRunner(Class<?> type) {
        for (Class<?> runner : RUNNERS) {
            if (runner.isAssignableFrom(type)) {
                return true;
            }
        }
        Set<Class<?>> all = new LinkedHashSet<>();
        collectInterfaces(type, all);
        all.add(type);
        return all.stream().anyMatch(candidate -> REACTIVE_RUNNERS.contains(candidate.getName()));
    }

    private static void collectInterfaces(Class<?> type, Set<Class<?>> into) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> implemented : current.getInterfaces()) {
                if (into.add(implemented)) {
                    collectInterfaces(implemented, into);
                }
            }
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }

    private enum ResultWrapping { NONE, DIRECT, COMPLETION_STAGE }

    /**
     * @param viaProxy a default method the target does not override: run it on the proxy
     * @param counted the method sends one statement
     * @param callbacks positions of transaction callbacks, whose context argument gets wrapped
     */
    private record Plan(boolean viaProxy, boolean counted, int[] callbacks, ResultWrapping result) {

        static Plan of(Method method, Class<?> targetType) {
            if (method.isDefault() && !overridden(method, targetType)) {
                return new Plan(true, false, new int[0], ResultWrapping.NONE);
            }
            String name = method.getName();
            boolean counted = name.equals("run") || name.equals("runAsync")
                || name.equals("execute") && method.getDeclaringClass() == ExecutableQuery.class;
            Class<?>[] parameters = method.getParameterTypes();
            int[] callbacks = IntStream.range(0, parameters.length)
                .filter(index -> parameters[index].isInterface()
                    && parameters[index].getName().startsWith(DRIVER_PACKAGE)
                    && parameters[index].getSimpleName().endsWith("TransactionCallback"))
                .toArray();
            ResultWrapping result = completionStageOfRunner(method.getGenericReturnType())
                ? ResultWrapping.COMPLETION_STAGE
                : method.getReturnType().isInterface() ? ResultWrapping.DIRECT : ResultWrapping.NONE;
            return new Plan(false, counted, callbacks, result);
        }

        private static boolean overridden(Method method, Class<?> targetType) {
            try {
                return !targetType.getMethod(method.getName(), method.getParameterTypes()).isDefault();
            }
            catch (NoSuchMethodException notPublic) {
                return false;
            }
        }

        private static boolean completionStageOfRunner(Type type) {
            return type instanceof ParameterizedType parameterized
                && parameterized.getRawType() == CompletionStage.class
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element
                && isRunner(element);
        }
    }

    /** The handler of every counting proxy: the driver, its sessions, transactions and queries. */
    private static final class Counting implements InvocationHandler {

        private final Object target;

        Counting(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> args[0] != null && isCounting(args[0])
                        ? target.equals(((Counting) Proxy.getInvocationHandler(args[0])).target)
                        : target.equals(args[0]);
                    case "hashCode" -> target.hashCode();
                    case "toString" -> "Counting(" + target + ")";
                    default -> StatementCounting.invoke(target, method, args);
                };
            }
            Plan plan = plans.get(target.getClass()).computeIfAbsent(method, key -> Plan.of(key, target.getClass()));
            if (plan.viaProxy()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (plan.counted()) {
                CypherStatementCounter.increment();
            }
            for (int index : plan.callbacks()) {
                if (args[index] != null) {
                    args[index] = countingCallback(method.getParameterTypes()[index], args[index]);
                }
            }
            Object result = StatementCounting.invoke(target, method, args);
            return switch (plan.result()) {
                case NONE -> result;
                case DIRECT -> wrap(result);
                case COMPLETION_STAGE -> result == null ? null
                    : ((CompletionStage<?>) result).thenApply(StatementCounting::wrap);
            };
        }

        /** A callback that hands the wrapped callback counted transaction contexts. */
        private static Object countingCallback(Class<?> type, Object callback) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return StatementCounting.invoke(callback, method, args);
                }
                if (args != null) {
                    for (int index = 0; index < args.length; index++) {
                        args[index] = wrap(args[index]);
                    }
                }
                return StatementCounting.invoke(callback, method, args);
            });
        }
    }
}
