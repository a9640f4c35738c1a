package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import uk.gov.send.rep.hub.database.DatabaseReady;
import uk.gov.send.rep.hub.query.ConnectionQueries.CypherQuery;
import uk.gov.send.rep.hub.query.limits.LimitsProperties;

/**
 * Runs the statements {@link ConnectionQueries} builds and maps their rows to records, edges and
 * connections. The only class of the read API that talks to the database.
 */
@Service
public class GraphReader {

    private final Driver driver;
    /** Read sessions that follow the bookmarks of the hub's writes (read your own writes on a cluster). */
    private final SessionConfig session;
    /** Each statement's own transaction: with the statement timeout, when one is configured. */
    private final TransactionConfig transaction;
    private final QueryProperties limits;
    private final RelationIndex relations;
    /** Whether the home database runs unversioned statements as Cypher 5: the prefix is then left out (ADR 0020). */
    private final boolean cypher5ByDefault;
    private final Disclosure disclosure;

    GraphReader(Driver driver, QueryProperties limits, RelationIndex relations, DisclosureProperties disclosure,
            ObjectProvider<LimitsProperties> queryLimits, ObjectProvider<DatabaseReady> database) {
        this.driver = driver;
        DatabaseReady ready = database.getIfAvailable();
        this.cypher5ByDefault = ready != null && ready.cypher5ByDefault();
        this.session = SessionConfig.builder()
            .withDefaultAccessMode(AccessMode.READ)
            .withBookmarkManager(driver.executableQueryBookmarkManager())
            .build();
        this.limits = limits;
        this.relations = relations;
        this.disclosure = new Disclosure(disclosure.threshold());
        LimitsProperties configured = queryLimits.getIfAvailable();
        // hub.graphql.limits.transaction-timeout; none in slices without the limits.
        this.transaction = configured == null ? TransactionConfig.empty()
            : TransactionConfig.builder().withTimeout(configured.transactionTimeout()).build();
    }

    /**
     * One page of a root connection field from its {@code first}/{@code after} arguments (and
     * {@code last}, {@code before}, {@code where}, {@code orderBy} from the environment);
     * totalCount is computed only when the request selects it.
     */
    public <T> Connection<Edge<T>> page(DataFetchingEnvironment env, NodeType<T> type, Integer first, String after) {
        Selection selection = Selection.of(env);
        PageRequest page = Paging.request(env.getArguments(), selection, limits, type, relations);
        ConnectionSource source = ConnectionSource.root(type, page.where());
        if (!Paging.rowsSelected(selection)) {
            // Only aggregates (or totalCount) selected: no page query at all.
            Long total = page.withTotal() ? count(type, page) : null;
            return Connection.<Edge<T>>empty(total).from(source);
        }
        List<Selection.Selected> fields = Prefetch.rowFields(selection);
        List<Prefetch> prefetch = Prefetch.of(type, fields, relations, limits);
        PageRequest rows = page.withColumns(Prefetch.columns(type, fields, page.orderBy(), relations));
        return page(type, rows, prefetch, prefetch.isEmpty() ? null : Prefetched.of(env.getGraphQlContext())).from(source);
    }

    /** One page of all nodes of a type, with totalCount when requested. */
    public <T> Connection<Edge<T>> page(NodeType<T> type, PageRequest page) {
        return page(type, page, List.of(), null);
    }

    private <T> Connection<Edge<T>> page(NodeType<T> type, PageRequest page, List<Prefetch> prefetch, Prefetched store) {
        CypherQuery query = ConnectionQueries.rootPage(type, page, relations, prefetch, Scope.current());
        List<Map<String, Object>> rows = fetch(query);
        Long total = page.withTotal() ? count(type, page) : null;
        List<Map<String, Object>> nodes = rows.stream().map(row -> node(query, row)).toList();
        return connection(type, page, nodes, List.of(), total, (cursor, node, rel) -> new Edge<>(cursor, node), prefetch,
            store);
    }

    /**
     * Maps a row to its record and puts the values of its prefetched columns in {@code store}
     * against that record, nested ones included ({@link Prefetched}).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> T record(NodeType<T> type, Map<String, Object> node, List<Prefetch> prefetch, Prefetched store) {
        T record = type.map(node);
        if (type.guard() != null) {
            // For the audit log: rows of protected types returned one by one (QueryCost#protectedRows).
            QueryCost.protectedRow(type, node);
        }
        if (store == null) {
            return record;
        }
        Object key = node.get(type.keyProperty());
        for (Prefetch one : prefetch) {
            if (!node.containsKey(one.column())) {
                continue;
            }
            NodeType<?> targetType = one.relation().target();
            Object value;
            if (one.toOne()) {
                Map<String, Object> target = properties(node.get(one.column()));
                value = target.isEmpty() ? null : record(targetType, target, one.nested(), store);
            }
            else {
                List<Map<String, Object>> nodes = new ArrayList<>();
                List<Map<String, Object>> relationships = new ArrayList<>();
                for (Object item : (List<?>) node.get(one.column())) {
                    Map<?, ?> pair = (Map<?, ?>) item;
                    nodes.add(properties(pair.get("node")));
                    relationships.add(properties(pair.get("rel")));
                }
                Long total = one.page().withTotal() ? ((Number) node.get(one.totalColumn())).longValue() : null;
                value = connection((NodeType) targetType, one.page(), nodes, relationships, total,
                    (Relation.EdgeFactory) one.relation().edges(), one.nested(), store)
                    .from(ConnectionSource.related(one.relation(), key, one.page().where()));
            }
            for (String resultKey : one.resultKeys()) {
                store.put(record, resultKey, value);
            }
        }
        return record;
    }

    private long count(NodeType<?> type, PageRequest page) {
        return ((Number) fetch(ConnectionQueries.rootCount(type, page, relations, Scope.current())).getFirst().get("total"))
            .longValue();
    }

    /** The node of a type with this natural key. */
    public <T> Optional<T> find(NodeType<T> type, Object key) {
        return findAll(type, List.of(key)).values().stream().findFirst();
    }

    /**
     * The node of a type with this natural key, for a field returning it: the to-one fields
     * selected under it are read in the same statement ({@link Prefetch}).
     */
    public <T> Optional<T> find(DataFetchingEnvironment env, NodeType<T> type, Object key) {
        return findAllBy(env, type, type.keyProperty(), List.of(key)).values().stream().findFirst();
    }

    /** As {@link #findAllBy(NodeType, String, Collection)}, reading the to-one fields selected under the field too. */
    public <T> Map<Object, T> findAllBy(DataFetchingEnvironment env, NodeType<T> type, String uniqueProperty,
            Collection<?> values) {
        List<Selection.Selected> fields = Selection.of(env).getImmediateFields();
        List<Prefetch> prefetch = Prefetch.of(type, fields, relations, limits);
        List<String> columns = Prefetch.columns(type, fields, List.of(), relations);
        if (columns != null && !columns.contains(uniqueProperty)) {
            columns = java.util.stream.Stream.concat(columns.stream(), java.util.stream.Stream.of(uniqueProperty)).toList();
        }
        return findAllBy(type, uniqueProperty, values, prefetch,
            prefetch.isEmpty() ? null : Prefetched.of(env.getGraphQlContext()), columns);
    }

    /** Nodes of a type by natural key, keyed by it; unknown keys are absent from the map. */
    public <T> Map<Object, T> findAll(NodeType<T> type, Collection<?> keys) {
        return findAllBy(type, type.keyProperty(), keys);
    }

    /**
     * Nodes of a type by another unique property (e.g. a local area's DfE code), keyed by that
     * property's value.
     */
    public <T> Map<Object, T> findAllBy(NodeType<T> type, String uniqueProperty, Collection<?> values) {
        return findAllBy(type, uniqueProperty, values, List.of(), null, null);
    }

    private <T> Map<Object, T> findAllBy(NodeType<T> type, String uniqueProperty, Collection<?> values,
            List<Prefetch> prefetch, Prefetched store, List<String> columns) {
        if (values.isEmpty()) {
            return Map.of();
        }
        Map<Object, T> found = new LinkedHashMap<>();
        CypherQuery query = ConnectionQueries.byKeys(type, uniqueProperty, List.copyOf(values), prefetch, relations, columns,
            Scope.current());
        for (Map<String, Object> row : fetch(query)) {
            Map<String, Object> node = node(query, row);
            found.put(node.get(uniqueProperty), record(type, node, prefetch, store));
        }
        return found;
    }

    /**
     * One page of related nodes for each parent key, in a single statement. Parents with no
     * related rows get an empty connection.
     */
    public <P, T, E> Map<Object, Connection<E>> relatedPages(Relation<P, T, E> relation, Collection<?> parentKeys,
            PageRequest page) {
        return relatedPages(relation, parentKeys, page, List.of(), null);
    }

    /**
     * As {@link #relatedPages(Relation, Collection, PageRequest)}, reading these relationship
     * fields of each row too; their values go to {@code store}.
     */
    <P, T, E> Map<Object, Connection<E>> relatedPages(Relation<P, T, E> relation, Collection<?> parentKeys,
            PageRequest page, List<Prefetch> prefetch, Prefetched store) {
        Map<Object, Connection<E>> result = new HashMap<>();
        if (parentKeys.isEmpty()) {
            return result;
        }
        for (Map<String, Object> row : fetch(ConnectionQueries.relatedPages(relation, List.copyOf(parentKeys), page, relations,
                prefetch, Scope.current()))) {
            List<Map<String, Object>> nodes = new ArrayList<>();
            List<Map<String, Object>> relationships = new ArrayList<>();
            for (Object item : (List<?>) row.get("rows")) {
                Map<?, ?> pair = (Map<?, ?>) item;
                nodes.add(properties(pair.get("node")));
                relationships.add(properties(pair.get("rel")));
            }
            Long total = page.withTotal() ? ((Number) row.get("total")).longValue() : null;
            result.put(row.get("key"), connection(relation.target(), page, nodes, relationships, total, relation.edges(),
                prefetch, store));
        }
        for (Object key : parentKeys) {
            result.computeIfAbsent(key, missing -> Connection.empty(page.withTotal() ? 0L : null));
        }
        return result;
    }

    /**
     * Aggregates of every node of a type matching the filter: one row for {@code aggregate}, one
     * per group (in key order, at most the spec's limit) for {@code groupBy}.
     */
    public List<Aggregate> aggregate(NodeType<?> type, Map<String, Object> where, AggregateSpec spec) {
        Scope scope = Scope.current();
        List<Aggregate> sets = aggregates(fetch(ConnectionQueries.aggregate(type, where, spec, relations, scope, false)),
            spec, type, scope);
        if (needsScopeCounts(type, scope, sets)) {
            sets = aggregates(fetch(ConnectionQueries.aggregate(type, where, spec, relations, scope, true)), spec, type, scope);
        }
        return disclosure.apply(sets, spec);
    }

    /**
     * The sets of one answer, as disclosure control needs them. For a protected type and a
     * restricted scope: the smallest and largest values are withheld (each is one row's value),
     * and, where the statement did not count the rows in scope, a scope that may read none has
     * none in scope and any other is taken to have all (they matter only for small sets, see
     * {@link #needsScopeCounts}).
     */
    private List<Aggregate> aggregates(List<Map<String, Object>> rows, AggregateSpec spec, NodeType<?> type, Scope scope) {
        boolean controlled = type.guard() != null && !scope.unrestricted();
        boolean noneInScope = controlled && type.guard().refuses(scope);
        List<Aggregate> sets = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Aggregate set = aggregate(row, spec);
            if (controlled) {
                long inScope = row.containsKey("inScope") ? set.inScope() : noneInScope ? 0 : set.rows();
                set = new Aggregate(set.key(), set.rows(), null, null, set.mean(), set.total(), inScope, null);
            }
            sets.add(set);
        }
        return sets;
    }

    /**
     * Whether a second statement must count the rows in scope: only a set of more than none and
     * fewer than the threshold rows can be suppressed (and a secondary suppression needs a primary
     * one), so for the usual answer over many rows the scope costs nothing; a scope that may read
     * none needs no count.
     */
    private boolean needsScopeCounts(NodeType<?> type, Scope scope, List<Aggregate> sets) {
        return type.guard() != null && !scope.unrestricted() && !type.guard().refuses(scope)
            && sets.stream().anyMatch(set -> set.rows() > 0 && set.rows() < disclosure.threshold());
    }

    /** As {@link #aggregate}, over the related nodes of each parent, in one statement. */
    public Map<Object, List<Aggregate>> relatedAggregates(Relation<?, ?, ?> relation, Collection<?> parentKeys,
            Map<String, Object> where, AggregateSpec spec) {
        Map<Object, List<Aggregate>> result = new HashMap<>();
        if (parentKeys.isEmpty()) {
            return result;
        }
        Scope scope = Scope.current();
        NodeType<?> type = relation.target();
        Map<Object, List<Aggregate>> sets = relatedAggregates(relation, parentKeys, where, spec, scope, false);
        if (sets.values().stream().anyMatch(groups -> needsScopeCounts(type, scope, groups))) {
            sets = relatedAggregates(relation, parentKeys, where, spec, scope, true);
        }
        sets.forEach((key, groups) -> result.put(key, disclosure.apply(groups, spec)));
        for (Object key : parentKeys) {
            result.computeIfAbsent(key, missing -> spec.by().isEmpty() ? List.of(Aggregate.empty()) : List.of());
        }
        return result;
    }

    private Map<Object, List<Aggregate>> relatedAggregates(Relation<?, ?, ?> relation, Collection<?> parentKeys,
            Map<String, Object> where, AggregateSpec spec, Scope scope, boolean countInScope) {
        Map<Object, List<Aggregate>> result = new HashMap<>();
        for (Map<String, Object> row : fetch(ConnectionQueries.relatedAggregates(relation, List.copyOf(parentKeys), where,
                spec, relations, scope, countInScope))) {
            List<Map<String, Object>> groups = new ArrayList<>();
            for (Object group : (List<?>) row.get("groups")) {
                groups.add(properties(group));
            }
            result.put(row.get("key"), aggregates(groups, spec, relation.target(), scope));
        }
        return result;
    }

    private static Aggregate aggregate(Map<String, Object> row, AggregateSpec spec) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (int i = 0; i < spec.by().size(); i++) {
            key.put(spec.by().get(i).name(), row.get("k" + i));
        }
        long count = ((Number) row.get("count")).longValue();
        // Without an inScope column every row counted may be read by the scope.
        long inScope = row.get("inScope") instanceof Number number ? number.longValue() : count;
        return new Aggregate(key, count, values(row, "min_", spec.min()), values(row, "max_", spec.max()),
            values(row, "avg_", spec.avg()), values(row, "sum_", spec.sum()), inScope, null);
    }

    private static Map<String, Object> values(Map<String, Object> row, String prefix, List<Field> fields) {
        Map<String, Object> values = new HashMap<>();
        fields.forEach(field -> values.put(field.name(), row.get(prefix + field.name())));
        return values;
    }

    /**
     * The page from its rows as the database returned them: at most one more than the page
     * (which tells whether more rows lie beyond it), in reversed order for a backward page, turned
     * round here so edges are always in the connection's order. Relay's pageInfo: reading forward,
     * hasNextPage says whether more rows follow and hasPreviousPage whether {@code after} was
     * given; reading backward, hasPreviousPage says whether more rows precede and hasNextPage
     * whether {@code before} was given.
     */
    private <T, E> Connection<E> connection(NodeType<T> type, PageRequest page, List<Map<String, Object>> nodes,
            List<Map<String, Object>> relationships, Long total, Relation.EdgeFactory<T, E> edges, List<Prefetch> prefetch,
            Prefetched store) {
        boolean more = nodes.size() > page.size();
        int size = Math.min(nodes.size(), page.size());
        List<E> list = new ArrayList<>(size);
        String start = null;
        String end = null;
        for (int j = 0; j < size; j++) {
            int i = page.backward() ? size - 1 - j : j;
            Map<String, Object> node = nodes.get(i);
            // pageInfo needs the first and last rows' cursors; the others only when edges ask for them.
            String cursor = page.edgeCursors() || j == 0 || j == size - 1 ? cursor(type, page, node) : null;
            if (j == 0) {
                start = cursor;
            }
            end = cursor;
            list.add(edges.edge(cursor, record(type, node, prefetch, store),
                relationships.isEmpty() ? Map.of() : relationships.get(i)));
        }
        PageInfo info = page.backward()
            ? new PageInfo(page.before() != null, more, start, end)
            : new PageInfo(more, page.after() != null, start, end);
        return new Connection<>(list, info, total);
    }

    private static String cursor(NodeType<?> type, PageRequest page, Map<String, Object> node) {
        List<Object> values = new ArrayList<>(page.orderBy().size() + 1);
        page.orderBy().forEach(sort -> values.add(node.get(sort.field().property())));
        values.add(node.get(type.keyProperty()));
        return Cursors.encode(page.orderBy(), values);
    }

    /**
     * Runs a statement a feature built itself (e.g. search's fixed full-text query), through the
     * same single point as every other read, and returns its rows.
     */
    public List<Map<String, Object>> run(CypherQuery query) {
        return fetch(query);
    }

    /**
     * The one place the read API runs Cypher. Each statement is recorded in the request's
     * {@link QueryCost} (if one is bound): its text, the time of the driver call (Bolt round trip
     * and streaming the records included) and its record count, never its parameter values. The
     * statement is its own transaction, stopped by the database after
     * {@code hub.graphql.limits.transaction-timeout}.
     */
    private List<Map<String, Object>> fetch(CypherQuery query) {
        long started = System.nanoTime();
        List<Map<String, Object>> rows = List.of();
        try {
            rows = read(query);
            return rows;
        }
        finally {
            QueryCost.record(query.cypher(), System.nanoTime() - started, rows.size());
        }
    }

    /**
     * An auto-commit statement in a read session of the driver, its records as Java values
     * ({@link Record#asMap()}: maps, lists, strings, numbers, {@code LocalDate}s). The driver
     * directly rather than Spring Data Neo4j's {@code Neo4jClient}: the client's bookmark
     * bookkeeping, notification logging and exception translation cost more CPU per request than
     * reading the rows did (docs/benchmark.md, cause 10); driver errors ({@code Neo4jException},
     * with the server's status code) reach the GraphQL error handling as they are.
     */
    private List<Map<String, Object>> read(CypherQuery query) {
        try (Session reading = driver.session(session)) {
            return reading.run(new Query(sent(query.cypher()), query.parameters()), transaction).list(Record::asMap);
        }
    }

    /**
     * The text sent for a statement: without its leading {@code CYPHER 5} where that is the
     * database's default anyway. The prefix makes the database pre-parse the whole text on every
     * run (about 0.2 ms for a page of children, 1 ms for {@code b}; ADR 0020); the statement runs
     * in the same version either way.
     */
    String sent(String cypher) {
        return sent(cypher, cypher5ByDefault);
    }

    static String sent(String cypher, boolean cypher5ByDefault) {
        if (cypher5ByDefault && cypher.startsWith(DatabaseReady.CYPHER_5)
                && cypher.length() > DatabaseReady.CYPHER_5.length()
                && Character.isWhitespace(cypher.charAt(DatabaseReady.CYPHER_5.length()))) {
            return cypher.substring(DatabaseReady.CYPHER_5.length() + 1).stripLeading();
        }
        return cypher;
    }

    /** A row's node: the row itself where the statement returned the node's columns, else its {@code node} column. */
    private static Map<String, Object> node(CypherQuery query, Map<String, Object> row) {
        return query.flat() ? row : properties(row.get("node"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
