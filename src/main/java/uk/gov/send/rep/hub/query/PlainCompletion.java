package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ResponseMapFactory;
import graphql.execution.ValueUnboxer;
import graphql.introspection.Introspection;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.LightDataFetcher;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.SingletonPropertyDataFetcher;
import graphql.TrivialDataFetcher;

/**
 * How to complete the value of one field of a document without graphql-java's per-field
 * machinery, when every field under it is "plain": a property of the row's record (graphql-java's
 * own {@link PropertyDataFetcher} or {@link SingletonPropertyDataFetcher}), or a relationship field read with the row ({@link Prefetched});
 * of a scalar, enum, object or list type; selected without fragments, directives or repeated
 * result keys. Such a subtree has no fetcher to call, no DataLoader to dispatch and nothing an
 * instrumentation may observe ({@link HubExecutionStrategy} checks the last), so its answer is the
 * values read and serialised, in selection order, exactly as graphql-java would build it.
 *
 * <p>A plan is made once per field of a parsed document ({@link #of}) and applied to every value
 * ({@link #complete}). Anything it does not handle the plain way (a null where the schema says
 * non-null, a value a scalar refuses, a relationship field not read with its row, a fetcher that
 * wants the environment) makes {@link #complete} answer {@link #FALLBACK}: the caller then completes
 * the same value graphql-java's way, which reports the error as it always has. Reading a property
 * twice is harmless: it has no side effect.
 */
sealed interface PlainCompletion {

    /** What {@link #complete} answers when the value must be completed by graphql-java instead. */
    Object FALLBACK = new Object() {
        @Override
        public String toString() {
            return "FALLBACK";
        }
    };

    /** The plan of a field whose subtree is not plain. */
    PlainCompletion NOT_PLAIN = new NotPlain();

    /** The GraphQL type this plan completes (nullable form). */
    GraphQLType type();

    /** The completed value of {@code value} (not null), or {@link #FALLBACK}. */
    Object complete(Values values, Object value);

    /** The plan for the field {@code field} (its definition {@code definition}), or {@link #NOT_PLAIN}. */
    static PlainCompletion of(GraphQLSchema schema, GraphQLFieldDefinition definition, Field field) {
        PlainCompletion plan = leaf(schema, definition.getType(), field);
        return plan == null ? NOT_PLAIN : plan;
    }

    /** The plan for a value of {@code type} selected by {@code field}, or null. */
    private static PlainCompletion leaf(GraphQLSchema schema, GraphQLOutputType type, Field field) {
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        return switch (unwrapped) {
            case GraphQLScalarType scalar -> new Scalar(scalar);
            case GraphQLEnumType enumType -> new Enum(enumType);
            case GraphQLList list -> {
                GraphQLOutputType element = (GraphQLOutputType) list.getWrappedType();
                PlainCompletion elementPlan = leaf(schema, element, field);
                yield elementPlan == null ? null : new ListOf(list, elementPlan, element instanceof GraphQLNonNull);
            }
            case GraphQLObjectType object -> object(schema, object, field.getSelectionSet());
            default -> null;
        };
    }

    private static ObjectOf object(GraphQLSchema schema, GraphQLObjectType type, SelectionSet selections) {
        if (selections == null || selections.getSelections().isEmpty()) {
            return null;
        }
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        List<PlainField> fields = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Selection<?> selection : selections.getSelections()) {
            if (!(selection instanceof Field field) || !field.getDirectives().isEmpty()
                    || !keys.add(field.getResultKey())) {
                return null;
            }
            if (Introspection.TypeNameMetaFieldDef.getName().equals(field.getName())) {
                fields.add(new PlainField(field.getResultKey(), null, null, false, true, null, false));
                continue;
            }
            if (field.getName().startsWith("__")) {
                return null;
            }
            GraphQLFieldDefinition definition = type.getField(field.getName());
            if (definition == null) {
                return null;
            }
            DataFetcher<?> fetcher = registry.getDataFetcher(type, definition);
            LightDataFetcher<?> property = fetcher instanceof PropertyDataFetcher<?> || fetcher instanceof SingletonPropertyDataFetcher<?>
                ? (LightDataFetcher<?>) fetcher : null;
            if (property == null && fetcher instanceof TrivialDataFetcher<?>) {
                return null;
            }
            PlainCompletion value = leaf(schema, definition.getType(), field);
            if (value == null) {
                return null;
            }
            fields.add(new PlainField(field.getResultKey(), definition, property, property == null, false, value,
                definition.getType() instanceof GraphQLNonNull));
        }
        return new ObjectOf(type, fields.toArray(PlainField[]::new),
            fields.stream().map(PlainField::key).toList());
    }

    /** The plan applying to a value of exactly {@code type} within this one (this, or a list's element), or null. */
    default PlainCompletion at(GraphQLType type) {
        PlainCompletion plan = this;
        while (true) {
            if (plan.type() == type) {
                return plan;
            }
            if (!(plan instanceof ListOf list)) {
                return null;
            }
            plan = list.element();
        }
    }

    /**
     * What completing needs from the request: the value unboxer and scalar context of graphql-java,
     * and the values read with their rows.
     */
    record Values(ValueUnboxer unboxer, GraphQLContext context, java.util.Locale locale, Prefetched prefetched,
            ResponseMapFactory maps) {

        static Values of(ExecutionContext execution) {
            return new Values(execution.getValueUnboxer(), execution.getGraphQLContext(), execution.getLocale(),
                Prefetched.find(execution.getGraphQLContext()), execution.getResponseMapFactory());
        }

        /** A fetched value as graphql-java would unbox it, or FALLBACK for values it would treat specially. */
        Object unbox(Object raw) {
            if (raw instanceof CompletionStage<?> || raw instanceof DataFetcherResult<?>
                    || raw instanceof org.reactivestreams.Publisher<?>) {
                return FALLBACK;
            }
            return unboxer.unbox(raw);
        }
    }

    /** One field of a plain object. */
    record PlainField(String key, GraphQLFieldDefinition definition, LightDataFetcher<?> property, boolean prefetched, boolean typeName,
            PlainCompletion value, boolean nonNull) {

        /** This field's raw value in {@code source}, or FALLBACK. */
        Object fetch(Values values, Object source) {
            if (typeName) {
                return null;
            }
            if (prefetched) {
                if (values.prefetched() == null) {
                    return FALLBACK;
                }
                Object raw = values.prefetched().get(source, key);
                return raw == Prefetched.ABSENT ? FALLBACK : raw;
            }
            try {
                return property.get(definition, source, NoEnvironment.SUPPLIER);
            }
            catch (Exception wantsMore) {
                return FALLBACK;
            }
        }

        /** This field completed from its raw value ({@link #fetch}), or FALLBACK. */
        Object complete(Values values, GraphQLObjectType type, Object raw) {
            if (typeName) {
                return type.getName();
            }
            if (raw == FALLBACK) {
                return FALLBACK;
            }
            Object unboxed = values.unbox(raw);
            if (unboxed == FALLBACK) {
                return FALLBACK;
            }
            if (unboxed == null) {
                return nonNull ? FALLBACK : null;
            }
            // Never null: a scalar or enum that serialises to null falls back, so graphql-java judges it.
            return value.complete(values, unboxed);
        }
    }

    /** A property fetcher that asks for the environment is not plain: the supplier refuses. */
    final class NoEnvironment extends RuntimeException {

        static final Supplier<DataFetchingEnvironment> SUPPLIER = () -> {
            throw new NoEnvironment();
        };

        private NoEnvironment() {
            super("plain completion has no environment", null, false, false);
        }
    }

    record Scalar(GraphQLScalarType type) implements PlainCompletion {
        @Override
        public Object complete(Values values, Object value) {
            try {
                Object serialized = type.getCoercing().serialize(value, values.context(), values.locale());
                return serialized == null ? FALLBACK : serialized;
            }
            catch (RuntimeException refused) {
                return FALLBACK;
            }
        }
    }

    record Enum(GraphQLEnumType type) implements PlainCompletion {
        @Override
        public Object complete(Values values, Object value) {
            try {
                Object serialized = type.serialize(value, values.context(), values.locale());
                return serialized == null ? FALLBACK : serialized;
            }
            catch (RuntimeException refused) {
                return FALLBACK;
            }
        }
    }

    record ListOf(GraphQLList type, PlainCompletion element, boolean elementNonNull) implements PlainCompletion {
        @Override
        public Object complete(Values values, Object value) {
            Iterable<?> items;
            if (value instanceof Iterable<?> iterable) {
                items = iterable;
            }
            else if (value instanceof Object[] array) {
                items = Arrays.asList(array);
            }
            else {
                return FALLBACK;
            }
            List<Object> completed = items instanceof java.util.Collection<?> collection
                ? new ArrayList<>(collection.size()) : new ArrayList<>();
            for (Object item : items) {
                Object unboxed = values.unbox(item);
                if (unboxed == FALLBACK) {
                    return FALLBACK;
                }
                if (unboxed == null) {
                    if (elementNonNull) {
                        return FALLBACK;
                    }
                    completed.add(null);
                    continue;
                }
                Object one = element.complete(values, unboxed);
                if (one == FALLBACK) {
                    return FALLBACK;
                }
                completed.add(one);
            }
            return completed;
        }
    }

    /**
     * @param prefetched the indexes of the fields read with the row: looked up first, so that a
     *     row whose relationship was not read with it falls back before anything else is done
     */
    record ObjectOf(GraphQLObjectType type, PlainField[] fields, List<String> keys, int[] prefetched)
            implements PlainCompletion {

        ObjectOf(GraphQLObjectType type, PlainField[] fields, List<String> keys) {
            this(type, fields, keys, java.util.stream.IntStream.range(0, fields.length)
                .filter(i -> fields[i].prefetched()).toArray());
        }

        @Override
        public Object complete(Values values, Object source) {
            Object[] completed = new Object[fields.length];
            for (int i : prefetched) {
                Object raw = fields[i].fetch(values, source);
                if (raw == FALLBACK) {
                    return FALLBACK;
                }
                completed[i] = raw;
            }
            for (int i = 0; i < fields.length; i++) {
                PlainField field = fields[i];
                Object value = field.complete(values, type,
                    field.prefetched() ? completed[i] : field.fetch(values, source));
                if (value == FALLBACK) {
                    return FALLBACK;
                }
                completed[i] = value;
            }
            return values.maps().createInsertionOrdered(keys, Arrays.asList(completed));
        }
    }

    record NotPlain() implements PlainCompletion {
        @Override
        public GraphQLType type() {
            return null;
        }

        @Override
        public Object complete(Values values, Object value) {
            return FALLBACK;
        }
    }
}
