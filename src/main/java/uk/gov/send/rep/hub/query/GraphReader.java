package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

import uk.gov.send.rep.hub.query.ConnectionQueries.CypherQuery;

/**
 * Runs the statements {@link ConnectionQueries} builds and maps their rows to records, edges and
 * connections. The only class of the read API that talks to the database.
 */
@Service
public class GraphReader {

    private final Neo4jClient neo4j;
    private final QueryProperties limits;
    private final RelationIndex relations;

    GraphReader(Neo4jClient neo4j, QueryProperties limits, RelationIndex relations) {
        this.neo4j = neo4j;
        this.limits = limits;
        this.relations = relations;
    }

    /**
     * One page of a root connection field from its {@code first}/{@code after} arguments;
     * totalCount is computed only when the request selects it.
     */
    public <T> Connection<Edge<T>> page(DataFetchingEnvironment env, NodeType<T> type, Integer first, String after) {
        return page(type, Paging.request(limits, type, first, after, env.getSelectionSet().contains("totalCount"),
            env.getArgument("where"), env.getArgument("orderBy")));
    }

    /** One page of all nodes of a type, with totalCount when requested. */
    public <T> Connection<Edge<T>> page(NodeType<T> type, PageRequest page) {
        List<Map<String, Object>> rows = fetch(ConnectionQueries.rootPage(type, page, relations));
        Long total = page.withTotal()
            ? (Long) fetch(ConnectionQueries.rootCount(type, page, relations)).getFirst().get("total")
            : null;
        List<Map<String, Object>> nodes = rows.stream().map(row -> properties(row.get("node"))).toList();
        return connection(type, page, nodes, List.of(), total, (cursor, node, rel) -> new Edge<>(cursor, node));
    }

    /** The node of a type with this natural key. */
    public <T> Optional<T> find(NodeType<T> type, Object key) {
        return findAll(type, List.of(key)).values().stream().findFirst();
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
        if (values.isEmpty()) {
            return Map.of();
        }
        Map<Object, T> found = new LinkedHashMap<>();
        for (Map<String, Object> row : fetch(ConnectionQueries.byKeys(type, uniqueProperty, List.copyOf(values)))) {
            Map<String, Object> node = properties(row.get("node"));
            found.put(node.get(uniqueProperty), type.map(node));
        }
        return found;
    }

    /**
     * One page of related nodes for each parent key, in a single statement. Parents with no
     * related rows get an empty connection.
     */
    public <P, T, E> Map<Object, Connection<E>> relatedPages(Relation<P, T, E> relation, Collection<?> parentKeys,
            PageRequest page) {
        Map<Object, Connection<E>> result = new HashMap<>();
        if (parentKeys.isEmpty()) {
            return result;
        }
        for (Map<String, Object> row : fetch(ConnectionQueries.relatedPages(relation, List.copyOf(parentKeys), page, relations))) {
            List<Map<String, Object>> nodes = new ArrayList<>();
            List<Map<String, Object>> relationships = new ArrayList<>();
            for (Object item : (List<?>) row.get("rows")) {
                Map<?, ?> pair = (Map<?, ?>) item;
                nodes.add(properties(pair.get("node")));
                relationships.add(properties(pair.get("rel")));
            }
            Long total = page.withTotal() ? ((Number) row.get("total")).longValue() : null;
            result.put(row.get("key"), connection(relation.target(), page, nodes, relationships, total, relation.edges()));
        }
        for (Object key : parentKeys) {
            result.computeIfAbsent(key, missing -> Connection.empty(page.withTotal() ? 0L : null));
        }
        return result;
    }

    private <T, E> Connection<E> connection(NodeType<T> type, PageRequest page, List<Map<String, Object>> nodes,
            List<Map<String, Object>> relationships, Long total, Relation.EdgeFactory<T, E> edges) {
        boolean hasNext = nodes.size() > page.first();
        int size = Math.min(nodes.size(), page.first());
        List<E> list = new ArrayList<>(size);
        String start = null;
        String end = null;
        for (int i = 0; i < size; i++) {
            Map<String, Object> node = nodes.get(i);
            List<Object> values = new ArrayList<>(page.orderBy().size() + 1);
            page.orderBy().forEach(sort -> values.add(node.get(sort.field().property())));
            values.add(node.get(type.keyProperty()));
            String cursor = Cursors.encode(page.orderBy(), values);
            if (i == 0) {
                start = cursor;
            }
            end = cursor;
            list.add(edges.edge(cursor, type.map(node), relationships.isEmpty() ? Map.of() : relationships.get(i)));
        }
        return new Connection<>(list, new PageInfo(hasNext, page.after() != null, start, end), total);
    }

    /**
     * Runs a statement a feature built itself (e.g. search's fixed full-text query), through the
     * same single point as every other read, and returns its rows.
     */
    public List<Map<String, Object>> run(CypherQuery query) {
        return fetch(query);
    }

    private List<Map<String, Object>> fetch(CypherQuery query) {
        return List.copyOf(neo4j.query(query.cypher()).bindAll(query.parameters()).fetch().all());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
