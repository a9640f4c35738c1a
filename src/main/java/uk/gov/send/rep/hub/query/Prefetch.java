package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;

import uk.gov.send.rep.hub.query.Selection.Selected;

/**
 * A relationship field selected under a row, read in the same statement as the row instead of
 * one more round trip (ADR 0008):
 * <ul>
 * <li>a to-one field (a setting's {@code area}, the area's {@code region}), {@code page} null:
 *     {@code CALL (n) { OPTIONAL MATCH (n)-[:IN_AREA]->(t1:LocalArea) ... RETURN t1{...} AS v1 LIMIT 1 }};</li>
 * <li>a connection field (an area's {@code settings(first: 20)}), {@code page} its paging
 *     arguments: {@code CALL (n) { MATCH (n)<-[r2:IN_AREA]-(n2:Setting) WHERE ... WITH r2, n2 ORDER BY
 *     ... LIMIT $limit_2 ... RETURN collect(...) AS v2 }}, the same page the field's own
 *     statement would read, for every row at once.</li>
 * </ul>
 * The values are kept against the row's record ({@link Prefetched}) and the fields answered
 * from there ({@link HubInstrumentation}): their fetchers run nothing.
 *
 * @param relation the relation
 * @param page the connection's page, or null for a to-one field
 * @param column the key of the row's map that holds the value (unique among the row's prefetches)
 * @param resultKeys the result keys (aliases, or the field's name) the value answers
 * @param nested fields selected under the related rows, read in the same statement
 * @param columns for a to-one field, the properties of the related node to read (null: all)
 */
record Prefetch(Relation<?, ?, ?> relation, PageRequest page, String column, List<String> resultKeys, List<Prefetch> nested,
        List<String> columns) {

    /** Columns of the row's map that hold prefetched values; no declared property starts with it. */
    static final String PREFIX = "__";

    /** A to-one prefetch for the field under its own name. */
    Prefetch(Relation<?, ?, ?> relation, List<Prefetch> nested) {
        this(relation, null, PREFIX + relation.field(), List.of(relation.field()), nested, null);
    }

    /** GraphQL fields of every type that need no property but the key. */
    private static final java.util.Set<String> KEY_ONLY = java.util.Set.of("id", "__typename");

    /**
     * The properties rows of {@code type} must carry for the fields selected under them: each
     * selected field the type declares, the natural key, the sort keys; relationship fields need
     * only the key. Null (all properties) as soon as a field is neither declared nor a relation:
     * it may be computed from other properties.
     */
    static List<String> columns(NodeType<?> type, List<Selected> fields, List<Sort> orderBy, RelationIndex relations) {
        java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
        columns.add(type.keyProperty());
        orderBy.stream().filter(sort -> sort.counted() == null).forEach(sort -> columns.add(sort.field().property()));
        for (Selected field : fields) {
            if (!field.getObjectTypeNames().contains(type.typeName()) || KEY_ONLY.contains(field.getName())) {
                continue;
            }
            var declared = type.field(field.getName());
            if (declared.isPresent()) {
                columns.add(declared.get().property());
            }
            else if (relations.find(type, field.getName()).isEmpty()) {
                return null;
            }
        }
        return List.copyOf(columns);
    }

    /** Whether this reads a to-one field (else a connection's page). */
    boolean toOne() {
        return page == null;
    }

    /** The column that holds the connection's totalCount, when selected. */
    String totalColumn() {
        return column + "_total";
    }

    /**
     * The fields selected under a connection's rows, {@code edges/node/*}.
     */
    static List<Selected> rowFields(Selection selection) {
        return Paging.under(Paging.under(selection.getImmediateFields(), "edges"), "node");
    }

    /** The fields selected under the nodes of a list of edges: {@code node/*}. */
    static List<Prefetch> ofListOfEdges(DataFetchingEnvironment env, NodeType<?> type, RelationIndex relations,
            QueryProperties limits) {
        return of(type, Paging.under(Selection.of(env).getImmediateFields(), "node"), relations, limits);
    }

    /** The fields selected directly under a field returning the type (or a list of it). */
    static List<Prefetch> ofNode(DataFetchingEnvironment env, NodeType<?> type, RelationIndex relations,
            QueryProperties limits) {
        return of(type, Selection.of(env).getImmediateFields(), relations, limits);
    }

    /**
     * The relationship fields of {@code type} among {@code fields} that can be read with the rows:
     * every to-one field (one per relation however many aliases select it, their sub-selections
     * merged), and every connection field whose arguments are valid (one per distinct page; a
     * field with invalid arguments is left to its own fetcher, which reports the error at its path).
     */
    static List<Prefetch> of(NodeType<?> type, List<Selected> fields, RelationIndex relations, QueryProperties limits) {
        Map<Relation<?, ?, ?>, List<Selected>> toOne = new LinkedHashMap<>();
        Map<List<Object>, List<Selected>> pages = new LinkedHashMap<>();
        Map<List<Object>, PageRequest> requests = new LinkedHashMap<>();
        for (Selected field : fields) {
            if (!field.getObjectTypeNames().contains(type.typeName())) {
                continue;
            }
            var found = relations.find(type, field.getName());
            if (found.isEmpty()) {
                continue;
            }
            Relation<?, ?, ?> relation = found.get();
            if (relation.toOne()) {
                toOne.computeIfAbsent(relation, r -> new ArrayList<>()).add(field);
                continue;
            }
            var selection = field.getSelectionSet();
            if (!Paging.rowsSelected(selection) && !Paging.selects(selection, "totalCount")) {
                continue;
            }
            PageRequest page;
            try {
                page = Paging.request(field.getArguments(), selection, limits, relation.target(), relations);
            }
            catch (InvalidArgumentException invalid) {
                continue;
            }
            // Aliases with the same arguments share one read; any of them asking for edge cursors gets them.
            List<Object> key = List.of(relation, page.withEdgeCursors(true));
            requests.merge(key, page, (one, other) -> one.withEdgeCursors(one.edgeCursors() || other.edgeCursors()));
            pages.computeIfAbsent(key, k -> new ArrayList<>()).add(field);
        }
        List<Prefetch> prefetches = new ArrayList<>(toOne.size() + pages.size());
        toOne.forEach((relation, under) -> {
            List<Selected> subFields = new ArrayList<>();
            under.forEach(field -> subFields.addAll(field.getSelectionSet().getImmediateFields()));
            prefetches.add(new Prefetch(relation, null, PREFIX + relation.field(), resultKeys(under),
                of(relation.target(), subFields, relations, limits), columns(relation.target(), subFields, List.of(), relations)));
        });
        int index = 0;
        for (var entry : pages.entrySet()) {
            Relation<?, ?, ?> relation = (Relation<?, ?, ?>) entry.getKey().getFirst();
            List<Selected> subFields = new ArrayList<>();
            entry.getValue().forEach(field -> subFields.addAll(rowFields(field.getSelectionSet())));
            PageRequest page = requests.get(entry.getKey());
            prefetches.add(new Prefetch(relation,
                page.withColumns(columns(relation.target(), subFields, page.orderBy(), relations)),
                PREFIX + relation.field() + "_" + index++, resultKeys(entry.getValue()),
                of(relation.target(), subFields, relations, limits), null));
        }
        return List.copyOf(prefetches);
    }

    private static List<String> resultKeys(List<Selected> fields) {
        return fields.stream().map(Selected::getResultKey).distinct().toList();
    }
}
