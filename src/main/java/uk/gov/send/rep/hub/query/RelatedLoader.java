package uk.gov.send.rep.hub.query;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Loads relationship fields in batches. Every relationship field of every type goes through one
 * DataLoader: the keys collected at one level of a query are grouped by relation and paging
 * arguments and each group is one Cypher statement ({@link GraphReader#relatedPages}). A request
 * therefore costs one round trip per relationship field (and distinct argument set) per level of
 * nesting, never one per parent row.
 */
@Component
public class RelatedLoader {

    static final String LOADER = "hub.related";

    private final QueryProperties properties;

    private final RelationIndex relations;

    RelatedLoader(BatchLoaderRegistry registry, GraphReader reader, QueryProperties properties, RelationIndex relations) {
        this.properties = properties;
        this.relations = relations;
        registry.<RelatedKey, Connection<?>>forName(LOADER).registerMappedBatchLoader((keys, env) ->
            Mono.fromCallable(Scope.bound(env, QueryCost.bound(env, () -> load(reader, keys, env.getKeyContexts(),
                    env.getContext() instanceof graphql.GraphQLContext context ? Prefetched.of(context) : null))))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * One parent's page of one relation. Equal keys are loaded once. The fields to read with its
     * rows ({@link Prefetch}) travel as the key's context, so they never split the cache.
     */
    record RelatedKey(Relation<?, ?, ?> relation, Object parentKey, PageRequest page) {
    }

    private record Group(Relation<?, ?, ?> relation, PageRequest page) {
    }

    @SuppressWarnings("unchecked")
    private static Map<RelatedKey, Connection<?>> load(GraphReader reader, Set<RelatedKey> keys, Map<Object, Object> contexts,
            Prefetched store) {
        Map<Group, Set<Object>> groups = new LinkedHashMap<>();
        Map<Group, Set<Prefetch>> prefetches = new LinkedHashMap<>();
        for (RelatedKey key : keys) {
            Group group = new Group(key.relation(), key.page());
            groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(key.parentKey());
            if (contexts.get(key) instanceof List<?> prefetch) {
                prefetches.computeIfAbsent(group, g -> new LinkedHashSet<>()).addAll((List<Prefetch>) prefetch);
            }
        }
        Map<RelatedKey, Connection<?>> result = new LinkedHashMap<>();
        groups.forEach((group, parents) -> {
            List<Prefetch> prefetch = store == null ? List.of() : List.copyOf(prefetches.getOrDefault(group, Set.of()));
            reader.relatedPages(group.relation(), parents, group.page(), prefetch, store)
                .forEach((parent, connection) -> result.put(new RelatedKey(group.relation(), parent, group.page()), connection));
        });
        return result;
    }

    /**
     * A page of a relationship field, for a connection-typed GraphQL field: {@code first} and
     * {@code after} as mapped by the controller, {@code last}, {@code before}, {@code where} and
     * {@code orderBy} from the environment.
     */
    @SuppressWarnings("unchecked")
    public <P, T, E> CompletableFuture<Connection<E>> connection(DataFetchingEnvironment env, Relation<P, T, E> relation,
            Object parentKey, Integer first, String after) {
        Selection selection = Selection.of(env);
        PageRequest page = Paging.request(env.getArguments(), selection, properties, relation.target(), relations);
        ConnectionSource source = ConnectionSource.related(relation, parentKey, page.where());
        if (!Paging.rowsSelected(selection) && !page.withTotal()) {
            // Only aggregates selected: they load themselves (AggregateFields); no page query.
            return CompletableFuture.completedFuture(Connection.<E>empty(null).from(source));
        }
        DataLoader<RelatedKey, Connection<?>> loader = env.getDataLoader(LOADER);
        List<Selection.Selected> fields = Prefetch.rowFields(selection);
        PageRequest rows = page.withColumns(Prefetch.columns(relation.target(), fields, page.orderBy(), relations));
        return loader.load(new RelatedKey(relation, parentKey, rows), Prefetch.of(relation.target(), fields, relations, properties))
            .thenApply(c -> ((Connection<E>) c).from(source));
    }

    /** The related node of a to-one relationship field, or null. */
    public <P, T> CompletableFuture<T> one(DataFetchingEnvironment env, Relation<P, T, Edge<T>> relation, Object parentKey) {
        return nodes(env, relation, parentKey, 1).thenApply(list -> list.isEmpty() ? null : list.getFirst());
    }

    /**
     * The related nodes of a list field that the domain keeps short (a child's plans, a pilot's
     * reforms), at most the page-size cap.
     */
    public <P, T> CompletableFuture<List<T>> list(DataFetchingEnvironment env, Relation<P, T, Edge<T>> relation, Object parentKey) {
        return nodes(env, relation, parentKey, properties.maxPageSize());
    }

    /** The edges of a list field whose relationships carry properties, at most the page-size cap. */
    @SuppressWarnings("unchecked")
    public <P, T, E> CompletableFuture<List<E>> edges(DataFetchingEnvironment env, Relation<P, T, E> relation, Object parentKey) {
        DataLoader<RelatedKey, Connection<?>> loader = env.getDataLoader(LOADER);
        PageRequest page = new PageRequest(properties.maxPageSize(), null, false);
        return loader.load(new RelatedKey(relation, parentKey, page), Prefetch.ofListOfEdges(env, relation.target(), relations, properties))
            .thenApply(c -> ((Connection<E>) c).edges());
    }

    private <P, T> CompletableFuture<List<T>> nodes(DataFetchingEnvironment env, Relation<P, T, Edge<T>> relation,
            Object parentKey, int limit) {
        DataLoader<RelatedKey, Connection<?>> loader = env.getDataLoader(LOADER);
        return loader.load(new RelatedKey(relation, parentKey, new PageRequest(limit, null, false).withEdgeCursors(false)), Prefetch.ofNode(env, relation.target(), relations, properties))
            .thenApply(c -> {
                @SuppressWarnings("unchecked")
                Connection<Edge<T>> connection = (Connection<Edge<T>>) c;
                return connection.edges().stream().map(Edge::node).toList();
            });
    }
}
