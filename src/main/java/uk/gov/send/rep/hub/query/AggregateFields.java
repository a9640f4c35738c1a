package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The {@code aggregate} and {@code groupBy} fields of every connection type. Both compute in
 * Cypher over the connection's rows (its type, parent and {@code where}, see
 * {@link ConnectionSource}), never by loading rows: a root connection's aggregate is one
 * statement; the aggregates of a nested connection across all parents at one level are batched
 * through one DataLoader into one statement per distinct field and arguments.
 */
@Component
class AggregateFields implements RuntimeWiringConfigurer {

    static final String LOADER = "hub.aggregate";

    /** Group keys one {@code groupBy} may name. */
    static final int MAX_KEYS = 2;

    private final GraphReader reader;
    private final Aggregations aggregations;
    private final QueryProperties limits;
    private final Set<String> connectionTypes = new LinkedHashSet<>();

    AggregateFields(GraphReader reader, Aggregations aggregations, QueryProperties limits, BatchLoaderRegistry registry) {
        this.reader = reader;
        this.aggregations = aggregations;
        this.limits = limits;
        registry.<AggregateKey, List<Aggregate>>forName(LOADER).registerMappedBatchLoader((keys, env) ->
            Mono.fromCallable(Scope.bound(env, QueryCost.bound(env, () -> load(keys)))).subscribeOn(Schedulers.boundedElastic()));
    }

    /** One parent's aggregates of one relation; equal keys load once. */
    record AggregateKey(Relation<?, ?, ?> relation, Object parentKey, Map<String, Object> where, AggregateSpec spec) {
    }

    private record Group(Relation<?, ?, ?> relation, Map<String, Object> where, AggregateSpec spec) {
    }

    @Override
    public void setTypeDefinitionRegistry(TypeDefinitionRegistry registry) {
        for (ObjectTypeDefinition type : registry.getTypes(ObjectTypeDefinition.class)) {
            List<String> fields = type.getFieldDefinitions().stream().map(FieldDefinition::getName).toList();
            if (type.getName().endsWith("Connection") && fields.contains("aggregate")) {
                connectionTypes.add(type.getName());
            }
        }
    }

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        DataFetcher<Object> aggregate = this::aggregate;
        DataFetcher<Object> groupBy = this::groupBy;
        for (String type : connectionTypes) {
            builder.type(type, wiring -> wiring.dataFetcher("aggregate", aggregate).dataFetcher("groupBy", groupBy));
        }
    }

    private Object aggregate(DataFetchingEnvironment env) {
        ConnectionSource source = source(env);
        AggregateSpec spec = AggregateSpec.of(source.type(), Selection.of(env), List.of(), 0);
        return load(env, source, spec).thenApply(rows -> rows.isEmpty() ? Aggregate.empty() : rows.getFirst());
    }

    private Object groupBy(DataFetchingEnvironment env) {
        ConnectionSource source = source(env);
        List<GroupKey> by = keys(source.type(), env.getArgument("by"));
        Integer first = env.getArgument("first");
        int cap = limits.maxGroups();
        if (first != null && (first < 0 || first > cap)) {
            throw new InvalidArgumentException("first", "must be between 0 and " + cap + " (hub.graphql.max-groups), was " + first);
        }
        // Without first, ask for one group more than the cap to tell "exactly the cap" from "too many".
        int limit = first != null ? first : cap + 1;
        AggregateSpec spec = AggregateSpec.of(source.type(), Selection.of(env), by, limit);
        return load(env, source, spec).thenApply(groups -> {
            if (first == null && groups.size() > cap) {
                throw new InvalidArgumentException("by", "more than " + cap + " groups (hub.graphql.max-groups): "
                    + "narrow `where`, group by fewer or coarser keys, or pass `first` to take the first groups in key order");
            }
            return groups;
        });
    }

    private List<GroupKey> keys(NodeType<?> type, List<Object> names) {
        if (names == null || names.isEmpty() || names.size() > MAX_KEYS) {
            throw new InvalidArgumentException("by", "give one or two group keys, was " + (names == null ? 0 : names.size()));
        }
        List<GroupKey> keys = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = String.valueOf(names.get(i));
            String at = "by[" + i + "]";
            GroupKey key = aggregations.find(type, name).orElseThrow(() -> new InvalidArgumentException(at,
                "'" + name + "' is not a group key of " + type.typeName()));
            if (keys.contains(key)) {
                throw new InvalidArgumentException(at, "'" + name + "' is given twice");
            }
            keys.add(key);
        }
        return keys;
    }

    private CompletableFuture<List<Aggregate>> load(DataFetchingEnvironment env, ConnectionSource source, AggregateSpec spec) {
        if (source.relation() == null) {
            return CompletableFuture.completedFuture(reader.aggregate(source.type(), source.where(), spec));
        }
        DataLoader<AggregateKey, List<Aggregate>> loader = env.getDataLoader(LOADER);
        return loader.load(new AggregateKey(source.relation(), source.parentKey(), source.where(), spec));
    }

    private static ConnectionSource source(DataFetchingEnvironment env) {
        if (env.getSource() instanceof Connection<?> connection && connection.source() != null) {
            return connection.source();
        }
        throw new IllegalStateException(env.getExecutionStepInfo().getPath() + ": connection without a source");
    }

    private Map<AggregateKey, List<Aggregate>> load(Set<AggregateKey> keys) {
        Map<Group, Set<Object>> groups = new LinkedHashMap<>();
        for (AggregateKey key : keys) {
            groups.computeIfAbsent(new Group(key.relation(), key.where(), key.spec()), g -> new LinkedHashSet<>())
                .add(key.parentKey());
        }
        Map<AggregateKey, List<Aggregate>> result = new LinkedHashMap<>();
        groups.forEach((group, parents) -> reader.relatedAggregates(group.relation(), parents, group.where(), group.spec())
            .forEach((parent, rows) -> result.put(new AggregateKey(group.relation(), parent, group.where(), group.spec()), rows)));
        return result;
    }
}
