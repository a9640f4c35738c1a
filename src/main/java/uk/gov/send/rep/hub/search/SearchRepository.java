package uk.gov.send.rep.hub.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Repository;

import uk.gov.send.rep.hub.query.ConnectionQueries.CypherQuery;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.PageInfo;

/**
 * The search's Cypher: one statement per search, run through {@link GraphReader}. The statement
 * texts are fixed; the Lucene queries, the types, the cursor and the page size are parameters.
 */
@Repository
class SearchRepository {

    /** The full-text index of migration V004. */
    static final String INDEX = "name_search";

    /**
     * First page of a search whose words allow typos: probe the query as typed and fall back to
     * the typo-tolerant one only when the probe finds no hit of the wanted types.
     */
    private static final String CHOOSE_QUERY = """
        CALL () {
          CALL db.index.fulltext.queryNodes($index, $query) YIELD node
          WHERE any(label IN labels(node) WHERE label IN $labels)
          WITH node LIMIT 1
          RETURN count(node) = 0 AS approximate
        }
        WITH CASE WHEN approximate THEN $typoQuery ELSE $query END AS lucene, approximate""";

    /** Later pages (the cursor says which query the first page ran) and words too short for typos. */
    private static final String GIVEN_QUERY = """
        WITH $query AS lucene, $approximate AS approximate""";

    private static final String TOTAL = """
        CALL (lucene) {
          CALL db.index.fulltext.queryNodes($index, lucene) YIELD node
          WHERE any(label IN labels(node) WHERE label IN $labels)
          RETURN count(node) AS total
        }""";

    /**
     * One page of hits in score order, ties broken by label then natural key, starting after the
     * {@code $after} hit (null for the first page). Asks for one hit more than the page to learn
     * whether another page follows.
     */
    private static final String PAGE = """
        CALL (lucene) {
          CALL db.index.fulltext.queryNodes($index, lucene) YIELD node, score
          WITH node, score, [label IN labels(node) WHERE label IN $labels][0] AS label
          WHERE label IS NOT NULL
          WITH node, score, label, node[$keys[label]] AS key
          WHERE $after IS NULL OR score < $after.score
             OR (score = $after.score AND (label > $after.label OR (label = $after.label AND key > $after.key)))
          WITH node, score, label, key
          ORDER BY score DESC, label, key
          LIMIT $limit
          RETURN collect({label: label, key: key, score: score, node: node {.*}}) AS hits
        }""";

    private static final Map<String, String> KEYS = Arrays.stream(SearchType.values())
        .collect(Collectors.toUnmodifiableMap(SearchType::label, type -> type.nodeType().keyProperty()));

    private final GraphReader reader;

    SearchRepository(GraphReader reader) {
        this.reader = reader;
    }

    /** The one statement for a page of a search. */
    static CypherQuery query(SearchText text, Collection<SearchType> types, int first, SearchCursor after,
            boolean withTotal) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("index", INDEX);
        parameters.put("labels", types.stream().map(SearchType::label).sorted().toList());
        parameters.put("keys", KEYS);
        parameters.put("after", after == null ? null : after.parameter());
        parameters.put("limit", first + 1);
        String typoQuery = text.typoLucene();
        boolean choose = after == null && typoQuery != null && !types.isEmpty();
        if (choose) {
            parameters.put("query", text.lucene());
            parameters.put("typoQuery", typoQuery);
        }
        else {
            boolean approximate = after != null && after.approximate();
            parameters.put("query", approximate ? typoQuery : text.lucene());
            parameters.put("approximate", approximate);
        }
        String cypher = String.join("\n", "CYPHER 5", choose ? CHOOSE_QUERY : GIVEN_QUERY, withTotal ? TOTAL : "", PAGE,
            withTotal ? "RETURN hits, approximate, total" : "RETURN hits, approximate").replace("\n\n", "\n");
        return new CypherQuery(cypher, parameters);
    }

    /** One page of hits, with the total when asked for: one round trip. */
    SearchConnection search(SearchText text, Collection<SearchType> types, int first, SearchCursor after,
            boolean withTotal) {
        Map<String, Object> row = reader.run(query(text, types, first, after, withTotal)).getFirst();
        List<?> hits = (List<?>) row.get("hits");
        boolean approximate = Boolean.TRUE.equals(row.get("approximate"));
        String fingerprint = SearchCursor.fingerprint(text, types);
        int size = Math.min(hits.size(), first);
        List<SearchEdge> edges = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Map<?, ?> hit = (Map<?, ?>) hits.get(i);
            String label = (String) hit.get("label");
            double score = ((Number) hit.get("score")).doubleValue();
            String cursor = new SearchCursor(score, label, String.valueOf(hit.get("key")), approximate).encode(fingerprint);
            edges.add(new SearchEdge(cursor, score, SearchType.byLabel(label).nodeType().map(properties(hit.get("node")))));
        }
        PageInfo pageInfo = new PageInfo(hits.size() > first, after != null,
            edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
        Long total = withTotal ? ((Number) row.get("total")).longValue() : null;
        return new SearchConnection(edges, pageInfo, total, approximate);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object node) {
        return (Map<String, Object>) node;
    }
}
