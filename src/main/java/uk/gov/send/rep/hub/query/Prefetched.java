package uk.gov.send.rep.hub.query;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import graphql.GraphQLContext;

/**
 * The values of relationship fields read with their rows ({@link Prefetch}), for one request: by
 * the row's record (the very object the field will be fetched for) and the field's result key
 * (its alias, or its name). {@link HubInstrumentation} answers those fields from here instead of
 * calling their fetchers. Kept in the request's {@link GraphQLContext}.
 */
final class Prefetched {

    private static final String KEY = Prefetched.class.getName();

    /** What {@link #get} answers for a field that was not read with its row. */
    static final Object ABSENT = new Object();

    private final Map<Object, Map<String, Object>> values = Collections.synchronizedMap(new IdentityHashMap<>());

    /** This request's store, created on first use. */
    static Prefetched of(GraphQLContext context) {
        return context.computeIfAbsent(KEY, key -> new Prefetched());
    }

    /** This request's store, or null when nothing was prefetched. */
    static Prefetched find(GraphQLContext context) {
        return context == null ? null : context.get(KEY);
    }

    void put(Object record, String resultKey, Object value) {
        values.computeIfAbsent(record, r -> Collections.synchronizedMap(new HashMap<>())).put(resultKey, value);
    }

    /** The value read for the field {@code resultKey} of {@code record} (possibly null), or {@link #ABSENT}. */
    Object get(Object record, String resultKey) {
        Map<String, Object> fields = values.get(record);
        return fields == null || !fields.containsKey(resultKey) ? ABSENT : fields.get(resultKey);
    }
}
