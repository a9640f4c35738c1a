package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Parameter;
import org.neo4j.cypherdsl.core.Property;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.SortItem;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.StatementBuilder;
import org.neo4j.cypherdsl.core.SymbolicName;
import org.neo4j.cypherdsl.core.Where;
import org.neo4j.cypherdsl.core.renderer.Configuration;
import org.neo4j.cypherdsl.core.renderer.Dialect;
import org.neo4j.cypherdsl.core.renderer.Renderer;

/**
 * Turns node-type and relation declarations plus paging arguments into Cypher. Every value is a
 * parameter; labels, relationship types and property names come only from declarations, never
 * from client input. Each method returns one statement, so one GraphQL field costs one round
 * trip however many parents or rows it serves.
 */
public final class ConnectionQueries {

    private static final Renderer RENDERER = Renderer.getRenderer(
        Configuration.newConfig().withDialect(Dialect.NEO4J_5_26).build());

    /** Rendered texts by the shape of their inputs ({@link Shapes}). */
    private static final com.github.benmanes.caffeine.cache.Cache<List<Object>, String> TEXTS =
        com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(4096).build();

    /**
     * Statements known by the shape of their inputs, with whether their parameters can be computed
     * without building them ({@link Replica}): a page, a lookup by keys and related pages.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<List<Object>, Known> KNOWN =
        com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(4096).build();

    /**
     * A statement's text for a shape; {@code replicable} when its first build set exactly the
     * parameters {@link Replica} computes, {@code areas} when among them were the scope's areas.
     */
    private record Known(String text, boolean replicable, boolean areas, boolean flat) {
    }

    /**
     * The statement for these inputs: when their shape is known and replicable, its text with
     * the parameters computed from the inputs (nothing built); otherwise built, and the shape
     * remembered with whether {@code replica} gives exactly the parameters the build set.
     */
    private static CypherQuery known(List<Object> shape, java.util.function.BiFunction<Boolean, Scope, Map<String, Object>> replica,
            Scope scope, java.util.function.Supplier<CypherQuery> build) {
        Known known = KNOWN.getIfPresent(shape);
        if (known != null && known.replicable()) {
            return new CypherQuery(known.text(), replica.apply(known.areas(), scope), known.flat());
        }
        CypherQuery built = build.get();
        if (known == null) {
            boolean areas = built.parameters().containsKey(Guard.AREAS);
            KNOWN.put(shape, new Known(built.cypher(), replica.apply(areas, scope).equals(built.parameters()), areas, built.flat()));
        }
        return built;
    }

    private ConnectionQueries() {
    }

    /**
     * The statement's text: rendered once per shape of the inputs that built it, since the text
     * depends only on declarations and the shape of the arguments, never on their values.
     */
    private static String render(Statement statement, Scope scope, Object... shape) {
        return TEXTS.get(key(scope, shape), k -> RENDERER.render(statement));
    }

    private static List<Object> key(Scope scope, Object... shape) {
        // The scope's kind of access is part of the shape: its predicate is part of the text.
        List<Object> key = new ArrayList<>(shape.length + 1);
        key.add(scope.rows());
        key.addAll(java.util.Arrays.asList(shape));
        return key;
    }

    /**
     * The scope's condition on the rows {@code n} of {@code type} (ADR 0010), or null when the
     * type is not protected or the scope reads every row. The single place the compiler asks a
     * type's {@link Guard}; the reader has already refused a scope that may read none.
     */
    private static Condition rowGuard(NodeType<?> type, Node n, Scope scope, Map<String, Object> parameters) {
        if (type.guard() == null || scope.unrestricted()) {
            return null;
        }
        if (type.guard().refuses(scope)) {
            throw new AccessRefusedException(scope, "read " + type.typeName() + " rows; aggregates over them are open to it");
        }
        return type.guard().rows(n, scope, parameters);
    }

    /**
     * As {@link #rowGuard} for the rows {@code n} of a relation of the parent {@code p}: when the
     * rows belong to the parent area itself ({@link Guard#anchoredBy}) the condition is on the
     * parent, once, instead of on every row.
     */
    private static Condition relatedGuard(Relation<?, ?, ?> relation, Node p, Node n, Scope scope,
            Map<String, Object> parameters) {
        Guard guard = relation.target().guard();
        if (guard != null && !scope.unrestricted() && !guard.refuses(scope) && guard.anchoredBy(relation)) {
            return Guard.area(p, scope, parameters);
        }
        return rowGuard(relation.target(), n, scope, parameters);
    }

    private static Condition and(Condition condition, Condition guard) {
        return guard == null ? condition : Logic.and(condition, guard);
    }

    /** A rendered statement and its parameters. */
    public record CypherQuery(String cypher, Map<String, Object> parameters, boolean flat) {

        /** A statement whose rows are read as they come (not as columns of a node). */
        public CypherQuery(String cypher, Map<String, Object> parameters) {
            this(cypher, parameters, false);
        }
    }

    /**
     * Names a row's column may not take when the row is returned as columns: the statement's own
     * variables, which {@code ORDER BY} after {@code RETURN} would then see as the column.
     */
    private static final java.util.regex.Pattern RESERVED =
        java.util.regex.Pattern.compile("n|k|p|node|row|rows|key|open|seek|total|(s|v|t|n|r|m|found)\\d+");

    /**
     * A node's projection ({@link #projectionContent}: properties, and name/value pairs) as the
     * statement's own columns, {@code n.ref AS ref, n.name AS name, v1 AS __area}, or null where
     * it must stay one map column {@code node}: every property ({@code n{.*}}), or a name the
     * statement uses. As columns the names are sent once per answer (in its header) instead of
     * with every row, and neither the database nor the driver encodes or decodes them per row
     * (docs/benchmark.md, cause 17).
     */
    private static List<Expression> columns(List<Object> content) {
        List<Expression> columns = new ArrayList<>(content.size());
        for (int i = 0; i < content.size(); i++) {
            Object item = content.get(i);
            String name;
            Expression value;
            if (item instanceof Property property) {
                name = property.getName();
                value = property;
            }
            else if (item instanceof String key && i + 1 < content.size() && content.get(i + 1) instanceof Expression next) {
                name = key;
                value = next;
                i++;
            }
            else {
                return null;
            }
            if (RESERVED.matcher(name).matches()) {
                return null;
            }
            columns.add(value.as(name));
        }
        return columns;
    }

    /** {@code RETURN} of the node: its columns where it can ({@link #columns}), else {@code n{...} AS node}. */
    private static StatementBuilder.OngoingReadingAndReturn returnNode(org.neo4j.cypherdsl.core.ExposesReturning reading, Node n,
            List<Object> content) {
        List<Expression> columns = columns(content);
        return columns == null ? reading.returning(n.project(content.toArray()).as("node")) : reading.returning(columns);
    }

    /**
     * One page of all nodes of a type, in key order, starting after the cursor's key:
     * {@code MATCH (n:Label) WHERE n.key > $after RETURN n{.*} ORDER BY n.key LIMIT $limit}.
     * Asks for one row more than the page to learn whether there is a next page. A backward page
     * ({@code last}) runs the reversed order, so its rows come nearest-the-cursor first and
     * {@link GraphReader} turns them round.
     */
    public static CypherQuery rootPage(NodeType<?> type, PageRequest page) {
        return rootPage(type, page, RelationIndex.none());
    }

    /** As {@link #rootPage(NodeType, PageRequest)}, with filters that follow these relationship fields. */
    public static CypherQuery rootPage(NodeType<?> type, PageRequest page, RelationIndex relations) {
        return rootPage(type, page, relations, List.of(), Scope.current());
    }

    /** As {@link #rootPage(NodeType, PageRequest, RelationIndex)}, reading these to-one fields of each row too. */
    static CypherQuery rootPage(NodeType<?> type, PageRequest page, RelationIndex relations, List<Prefetch> prefetch,
            Scope scope) {
        return known(key(scope, "knownRootPage", type, relations, Shapes.page(page), Shapes.prefetch(prefetch)),
            (areas, in) -> Replica.rootPage(page, prefetch, in, areas), scope,
            () -> buildRootPage(type, page, relations, prefetch, scope));
    }

    static CypherQuery buildRootPage(NodeType<?> type, PageRequest page, RelationIndex relations,
            List<Prefetch> prefetch, Scope scope) {
        Node n = Cypher.node(type.label()).named("n");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("limit", page.size() + 1);
        Filters.Match filter = Filters.match(type, n, page.where(), parameters, relations, Filters.Access.rows(scope));
        Condition scoped = and(filter.condition(), rowGuard(type, n, scope, parameters));
        if (seeksBranches(page, filter)) {
            return seekingPage(type, n, page, scoped, parameters, relations, prefetch, scope);
        }
        Condition condition = scoped
            .and(cursors(type, n, page, parameters))
            // Nodes a joined filter names by key are a better place to start than the order's index.
            .and(filter.anchored() ? Cypher.noCondition() : keyIndexOrder(type, n, page));
        var matched = match(n, filter).where(condition);
        Statement statement;
        List<Object> content = projectionContent(n, page);
        if (prefetch.isEmpty()) {
            var returning = filter.distinct()
                ? returnNode(matched.withDistinct(n), n, content)
                : returnNode(matched, n, content);
            statement = returning.orderBy(order(type, n, page)).limit(Cypher.parameter("limit")).build();
        }
        else {
            // The page first, then its rows' to-one fields: they are read for LIMIT rows only.
            var with = filter.distinct() ? matched.withDistinct(n) : matched.with(n);
            StatementBuilder.OngoingReading rows = prefetchCalls(
                with.orderBy(order(type, n, page)).limit(Cypher.parameter("limit")), n, prefetch, content, new int[1],
                parameters, relations, scope);
            statement = returnNode(rows, n, content).orderBy(order(type, n, page)).build();
        }
        return new CypherQuery(render(statement, scope, "rootPage", type, relations, Shapes.page(page), Shapes.prefetch(prefetch)),
            parameters, columns(content) != null);
    }

    /**
     * Whether a page after (or before) a cursor in a sorted order reads best as one seek per sort
     * key: every sort key is a field every node has (so the cursor has all its values) and the
     * filter joins no pattern.
     */
    private static boolean seeksBranches(PageRequest page, Filters.Match filter) {
        List<Object> cursor = page.after() != null ? page.after() : page.before();
        return !page.orderBy().isEmpty() && (page.after() == null) != (page.before() == null) && filter.patterns().isEmpty()
            && page.orderBy().stream().allMatch(sort -> sort.counted() == null && sort.field().required())
            && cursor.stream().noneMatch(java.util.Objects::isNull);
    }

    /**
     * A page past a cursor in an order on fields every node has, as one seek per sort key, in the
     * page's order: {@code CALL () { MATCH (n) WHERE k0 = $after0 AND n.key > $after WITH n ORDER BY
     * ... LIMIT $limit RETURN collect({n: n, s0: n.k0, k: n.key}) AS found1 } WITH found1 AS rows
     * CALL (rows) { UNWIND CASE WHEN size(rows) < $limit THEN [true] ELSE [] END AS open CALL (*) {
     * MATCH (n) WHERE k0 > $after0 ... LIMIT $limit RETURN collect(...) AS seek } RETURN ... AS
     * found0 } WITH rows + found0 AS rows UNWIND rows AS row ... ORDER BY s0, k LIMIT $limit}. The
     * branches split "beyond the cursor" into disjoint ranges, each an index seek read in order
     * (with a composite index on (field, key), the first is an equality and a range on it) and
     * stopped at LIMIT, a later one only run while the page is not full; the keyset condition as
     * one disjunction would instead read every row with the cursor's value of the first key,
     * however many.
     */
    private static CypherQuery seekingPage(NodeType<?> type, Node n, PageRequest page, Condition filter,
            Map<String, Object> parameters, RelationIndex relations, List<Prefetch> prefetch, Scope scope) {
        boolean reversed = page.after() == null;
        String prefix = reversed ? "before" : "after";
        List<Object> values = reversed ? page.before() : page.after();
        List<Sort> sorts = page.orderBy();
        parameters.put(prefix, values.getLast());
        for (int i = 0; i < sorts.size(); i++) {
            parameters.put(prefix + i, values.get(i));
        }
        List<Condition> branches = new ArrayList<>();
        Condition equal = Cypher.noCondition();
        for (int i = 0; i <= sorts.size(); i++) {
            Condition beyond;
            if (i < sorts.size()) {
                Property field = n.property(sorts.get(i).field().property());
                beyond = sorts.get(i).descending() != reversed ? field.lt(Cypher.parameter(prefix + i))
                    : field.gt(Cypher.parameter(prefix + i));
            }
            else {
                Property key = n.property(type.keyProperty());
                beyond = keyDescending(sorts) != reversed ? key.lt(Cypher.parameter(prefix)) : key.gt(Cypher.parameter(prefix));
            }
            if (i < sorts.size()) {
                // A composite index on (field, key) holds only nodes that have both.
                beyond = Logic.and(beyond, n.property(type.keyProperty()).isNotNull());
            }
            branches.add(filter.and(equal).and(beyond));
            if (i < sorts.size()) {
                equal = equal.and(n.property(sorts.get(i).field().property()).isEqualTo(Cypher.parameter(prefix + i)));
            }
        }
        // In the page's order, the rows of the last branch (every sort value equal to the cursor's,
        // the key beyond it) come first and those of the first branch (the first sort value beyond)
        // last. The branches run in that order, each only while the page is not yet full, so a
        // cursor whose ties fill the page costs one seek, as a first page does (f2-deep, f3-deep:
        // 208 and 157 db hits with the branches as UNION ALL, about 105 this way). Each branch hands
        // on its sort values and key as the index gave them (collected in order), so that nothing
        // reads them from the store again.
        SymbolicName rows = Cypher.name("rows");
        Parameter<?> limit = Cypher.parameter("limit");
        StatementBuilder.OngoingReading reading = null;
        SymbolicName seek = Cypher.name("seek");
        for (int b = branches.size() - 1; b >= 0; b--) {
            SymbolicName found = Cypher.name("found" + b);
            Statement branch = Cypher.match(n).where(branches.get(b)).with(n).orderBy(order(type, n, page)).limit(limit)
                .returning(Cypher.collect(carriedMap(type, n, sorts)).as(b == branches.size() - 1 ? found : seek)).build();
            if (reading == null) {
                reading = Cypher.call(branch).with(found.as(rows.getValue()));
                continue;
            }
            // The gate is an UNWIND of one row or none, and the seek an uncorrelated subquery under
            // it: a WHERE on the page so far would be planned after the seek (reading every row of
            // the range), and a MATCH under the UNWIND loses the index order (a sort instead of LIMIT).
            Statement gated = Cypher.unwind(Cypher.caseExpression().when(Cypher.size(rows).lt(limit))
                    .then(Cypher.listOf(Cypher.literalTrue())).elseDefault(Cypher.listOf()))
                .as("open").call(branch)
                .returning(Cypher.coalesce(Cypher.head(Cypher.collect(seek)), Cypher.listOf()).as(found)).build();
            reading = reading.call(gated, rows).with(rows.add(found).as(rows.getValue()));
        }
        SymbolicName row = Cypher.name("row");
        List<org.neo4j.cypherdsl.core.IdentifiableElement> unwound = new ArrayList<>();
        unwound.add(Cypher.property(row, "n").as("n"));
        for (int i = 0; i < sorts.size(); i++) {
            unwound.add(Cypher.property(row, "s" + i).as("s" + i));
        }
        unwound.add(Cypher.property(row, "k").as("k"));
        List<SortItem> order = carriedOrder(sorts, reversed);
        var selected = reading.unwind(rows).as(row.getValue()).with(unwound).orderBy(order).limit(limit);
        List<Object> content = carriedContent(type, n, page);
        Statement statement = prefetch.isEmpty()
            ? returnNode(selected, n, content).build()
            : returnNode(prefetchCalls(selected, n, prefetch, content, new int[1], parameters, relations, scope), n, content)
                .orderBy(order).build();
        return new CypherQuery(render(statement, scope, "seekingPage", type, relations, Shapes.page(page), Shapes.prefetch(prefetch)),
            parameters, columns(content) != null);
    }

    /** {@code {n: n, s0: n.<sort 0>, ..., k: n.<key>}}: what a seek branch collects per row. */
    private static Expression carriedMap(NodeType<?> type, Node n, List<Sort> sorts) {
        List<Object> entries = new ArrayList<>();
        entries.add("n");
        entries.add(n.getRequiredSymbolicName());
        for (int i = 0; i < sorts.size(); i++) {
            entries.add("s" + i);
            entries.add(n.property(sorts.get(i).field().property()));
        }
        entries.add("k");
        entries.add(n.property(type.keyProperty()));
        return Cypher.mapOf(entries.toArray());
    }

    /** The page's order over the carried values (as {@link #order}, which names n's properties). */
    private static List<SortItem> carriedOrder(List<Sort> sorts, boolean reversed) {
        List<SortItem> items = new ArrayList<>();
        for (int i = 0; i < sorts.size(); i++) {
            SymbolicName value = Cypher.name("s" + i);
            items.add(sorts.get(i).descending() != reversed ? Cypher.sort(value).descending() : Cypher.sort(value).ascending());
        }
        SymbolicName key = Cypher.name("k");
        items.add(keyDescending(sorts) != reversed ? Cypher.sort(key).descending() : Cypher.sort(key).ascending());
        return items;
    }

    /** The row's projection, taking the sort values and key from the carried names rather than n. */
    private static List<Object> carriedContent(NodeType<?> type, Node n, PageRequest page) {
        if (page.columns() == null) {
            return projectionContent(n, page);
        }
        List<String> sorted = page.orderBy().stream().map(sort -> sort.field().property()).toList();
        List<Object> content = new ArrayList<>();
        for (String column : page.columns()) {
            int sort = sorted.indexOf(column);
            if (sort >= 0) {
                content.add(column);
                content.add(Cypher.name("s" + sort));
            }
            else if (column.equals(type.keyProperty())) {
                content.add(column);
                content.add(Cypher.name("k"));
            }
            else {
                content.add(n.property(column));
            }
        }
        return content;
    }

    /**
     * The number of nodes of a type matching the page's filter: {@code MATCH (n:Label) RETURN
     * count(n)} (answered from the count store when there is no filter).
     */
    public static CypherQuery rootCount(NodeType<?> type, PageRequest page) {
        return rootCount(type, page, RelationIndex.none());
    }

    /** As {@link #rootCount(NodeType, PageRequest)}, with filters that follow these relationship fields. */
    public static CypherQuery rootCount(NodeType<?> type, PageRequest page, RelationIndex relations) {
        return rootCount(type, page, relations, Scope.current());
    }

    /** As above, limited to the rows the scope may read. */
    static CypherQuery rootCount(NodeType<?> type, PageRequest page, RelationIndex relations, Scope scope) {
        Node n = Cypher.node(type.label()).named("n");
        Map<String, Object> parameters = new HashMap<>();
        Filters.Match filter = Filters.match(type, n, page.where(), parameters, relations, Filters.Access.rows(scope));
        Statement statement = match(n, filter).where(and(filter.condition(), rowGuard(type, n, scope, parameters)))
            .returning((filter.distinct() ? Cypher.countDistinct(n) : Cypher.count(n)).as("total")).build();
        return new CypherQuery(render(statement, scope, "rootCount", type, relations, String.valueOf(Shapes.where(page.where()))), parameters);
    }

    /**
     * {@code MATCH (n:Label)}, then one {@code MATCH} clause per pattern the filter hoisted: in
     * clauses of their own, two patterns may use the same relationship, as two {@code EXISTS}
     * subqueries may.
     */
    private static StatementBuilder.OngoingReadingWithoutWhere match(Node n, Filters.Match filter) {
        StatementBuilder.OngoingReadingWithoutWhere match = Cypher.match(n);
        for (var pattern : filter.patterns()) {
            match = match.match(pattern);
        }
        return match;
    }

    /** Nodes of a type whose (declared, unique) property is one of the values, in one statement. */
    public static CypherQuery byKeys(NodeType<?> type, String property, List<?> keys) {
        return byKeys(type, property, keys, List.of(), RelationIndex.none());
    }

    /** As {@link #byKeys(NodeType, String, List)}, reading these relationship fields of each node too. */
    static CypherQuery byKeys(NodeType<?> type, String property, List<?> keys, List<Prefetch> prefetch,
            RelationIndex relations) {
        return byKeys(type, property, keys, prefetch, relations, null, Scope.current());
    }

    /** As above, reading only these properties of each node (null: all). */
    static CypherQuery byKeys(NodeType<?> type, String property, List<?> keys, List<Prefetch> prefetch,
            RelationIndex relations, List<String> columns, Scope scope) {
        return known(key(scope, "knownByKeys", type, property, relations, Shapes.prefetch(prefetch), String.valueOf(columns)),
            (areas, in) -> Replica.byKeys(keys, prefetch, in, areas), scope,
            () -> buildByKeys(type, property, keys, prefetch, relations, columns, scope));
    }

    static CypherQuery buildByKeys(NodeType<?> type, String property, List<?> keys, List<Prefetch> prefetch,
            RelationIndex relations, List<String> columns, Scope scope) {
        Node n = Cypher.node(type.label()).named("n");
        List<Object> content = projectionContent(n, new PageRequest(1, null, false).withColumns(columns));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("keys", keys);
        Condition condition = and(n.property(property).in(Cypher.parameter("keys")), rowGuard(type, n, scope, parameters));
        Statement statement = returnNode(prefetchCalls(Cypher.match(n).where(condition),
                n, prefetch, content, new int[1], parameters, relations, scope), n, content)
            .build();
        return new CypherQuery(render(statement, scope, "byKeys", type, property, relations, Shapes.prefetch(prefetch), String.valueOf(columns)),
            parameters, columns(content) != null);
    }

    /**
     * One page of related nodes for each of many parents, in one statement:
     * {@code UNWIND $keys AS key MATCH (p:Parent {key: key}) CALL (p) { MATCH (p)-[r:TYPE]->(n:Target)
     * WHERE n.key > $after WITH r, n ORDER BY n.key LIMIT $limit RETURN collect(...) AS rows }
     * RETURN key, rows [, COUNT { (p)-[:TYPE]->(:Target) } AS total]}.
     */
    public static CypherQuery relatedPages(Relation<?, ?, ?> relation, List<?> parentKeys, PageRequest page) {
        return relatedPages(relation, parentKeys, page, RelationIndex.none());
    }

    /** As {@link #relatedPages(Relation, List, PageRequest)}, with filters that follow these relationship fields. */
    public static CypherQuery relatedPages(Relation<?, ?, ?> relation, List<?> parentKeys, PageRequest page,
            RelationIndex relations) {
        return relatedPages(relation, parentKeys, page, relations, List.of(), Scope.current());
    }

    /** As {@link #relatedPages(Relation, List, PageRequest, RelationIndex)}, reading these to-one fields of each row too. */
    static CypherQuery relatedPages(Relation<?, ?, ?> relation, List<?> parentKeys, PageRequest page,
            RelationIndex relations, List<Prefetch> prefetch, Scope scope) {
        return known(key(scope, "knownRelatedPages", relation, relations, Shapes.page(page), Shapes.prefetch(prefetch)),
            (areas, in) -> Replica.relatedPages(parentKeys, page, prefetch, in, areas), scope,
            () -> buildRelatedPages(relation, parentKeys, page, relations, prefetch, scope));
    }

    static CypherQuery buildRelatedPages(Relation<?, ?, ?> relation, List<?> parentKeys, PageRequest page,
            RelationIndex relations, List<Prefetch> prefetch, Scope scope) {
        SymbolicName key = Cypher.name("key");
        Node p = Cypher.node(relation.parent().label()).named("p");
        Node n = Cypher.node(relation.target().label()).named("n");
        Relationship r = relationship(relation, p, n).named("r");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("keys", parentKeys);

        Condition guard = relatedGuard(relation, p, n, scope, parameters);
        Condition filter = and(Filters.condition(relation.target(), n, page.where(), parameters, relations,
            Filters.Access.rows(scope)), guard);
        Statement inner = relatedRows(relation, r, n, page, filter, "", "rows", parameters, relations, prefetch, new int[1],
            scope);

        StatementBuilder.OngoingReadingAndReturn returning;
        var outer = Cypher.unwind(Cypher.parameter("keys")).as(key)
            .match(p)
            .where(p.property(relation.parent().keyProperty()).isEqualTo(key))
            .call(inner, p);
        if (page.withTotal()) {
            boolean unfiltered = page.where() == null && guard == null;
            Node target = unfiltered ? Cypher.node(relation.target().label())
                : Cypher.node(relation.target().label()).named("n");
            returning = outer.returning(Cypher.name("key"), Cypher.name("rows"), unfiltered
                ? Cypher.count(relationship(relation, p, target)).as("total")
                : Cypher.count(List.of(relationship(relation, p, target)), Where.from(filter)).as("total"));
        }
        else {
            returning = outer.returning(Cypher.name("key"), Cypher.name("rows"));
        }
        return new CypherQuery(render(returning.build(), scope, "relatedPages", relation, relations, Shapes.page(page),
            Shapes.prefetch(prefetch)), parameters);
    }

    /**
     * Aggregates over every node of a type matching a filter, or over each group of them:
     * {@code MATCH (n:Label) WHERE <filter> RETURN [<key0> AS k0, <key1> AS k1,] count(n) AS count,
     * min(n.p) AS min_p, ... [ORDER BY k0, k1 LIMIT $limit]}. One statement; only the selected
     * functions are computed, and no row reaches the hub.
     */
    public static CypherQuery aggregate(NodeType<?> type, Map<String, Object> where, AggregateSpec spec,
            RelationIndex relations) {
        return aggregate(type, where, spec, relations, Scope.current(), false);
    }

    /**
     * As above, for a scope. Over a protected type and a restricted scope the rows are not
     * limited to the scope; with {@code countInScope} the statement also returns {@code inScope},
     * how many of each set's rows the scope may read, for disclosure control ({@link Disclosure}).
     */
    static CypherQuery aggregate(NodeType<?> type, Map<String, Object> where, AggregateSpec spec,
            RelationIndex relations, Scope scope, boolean countInScope) {
        Node n = Cypher.node(type.label()).named("n");
        Map<String, Object> parameters = new HashMap<>();
        Filters.Access access = Filters.Access.aggregate(type, scope);
        Filters.Match filter = Filters.match(type, n, where, parameters, relations, access);
        var matched = match(n, filter).where(access.population() ? filter.condition()
            : and(filter.condition(), rowGuard(type, n, scope, parameters)));
        Condition inScope = inScope(type, spec, n, access, parameters, countInScope ? type.guard().rows(n, scope, parameters) : null);
        var columns = spec.by().isEmpty() ? aggregateColumns(n, spec, inScope) : groupColumns(n, spec, inScope);
        var returning = filter.distinct() ? matched.withDistinct(n).returning(columns) : matched.returning(columns);
        Statement statement;
        if (spec.by().isEmpty()) {
            statement = returning.build();
        }
        else {
            parameters.put("limit", spec.limit());
            statement = returning.orderBy(groupOrder(spec)).limit(Cypher.parameter("limit")).build();
        }
        return new CypherQuery(render(statement, scope, "aggregate", countInScope, type, relations, String.valueOf(Shapes.where(where)),
            spec.by(), spec.min(), spec.max(), spec.avg(), spec.sum()), parameters);
    }

    /**
     * Aggregates (or groups) of related nodes for each of many parents, in one statement:
     * {@code UNWIND $keys AS key MATCH (p:Parent) WHERE p.key = key CALL (p) { MATCH (p)-[r:TYPE]->(n:Target)
     * WHERE <filter> RETURN [keys,] count(n) AS count, ... [ORDER BY ... LIMIT $limit] }
     * RETURN key, collect({k0: k0, count: count, ...}) AS groups}.
     */
    public static CypherQuery relatedAggregates(Relation<?, ?, ?> relation, List<?> parentKeys, Map<String, Object> where,
            AggregateSpec spec, RelationIndex relations) {
        return relatedAggregates(relation, parentKeys, where, spec, relations, Scope.current(), false);
    }

    /** As above, for a scope (see {@link #aggregate(NodeType, Map, AggregateSpec, RelationIndex, Scope)}). */
    static CypherQuery relatedAggregates(Relation<?, ?, ?> relation, List<?> parentKeys, Map<String, Object> where,
            AggregateSpec spec, RelationIndex relations, Scope scope, boolean countInScope) {
        SymbolicName key = Cypher.name("key");
        Node p = Cypher.node(relation.parent().label()).named("p");
        Node n = Cypher.node(relation.target().label()).named("n");
        Relationship r = relationship(relation, p, n).named("r");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("keys", parentKeys);
        Filters.Access access = Filters.Access.aggregate(relation.target(), scope);
        Condition filter = Filters.condition(relation.target(), n, where, parameters, relations, access);
        var match = Cypher.match(r).where(access.population() ? filter
            : and(filter, rowGuard(relation.target(), n, scope, parameters)));
        Condition inScope = inScope(relation.target(), spec, n, access, parameters,
            countInScope ? relatedGuard(relation, p, n, scope, parameters) : null);
        List<org.neo4j.cypherdsl.core.AliasedExpression> columns;
        Statement inner;
        if (spec.by().isEmpty()) {
            columns = aggregateColumns(n, spec, inScope);
            inner = match.returning(columns).build();
        }
        else {
            parameters.put("limit", spec.limit());
            columns = groupColumns(n, spec, inScope);
            inner = match.returning(columns).orderBy(groupOrder(spec)).limit(Cypher.parameter("limit")).build();
        }
        List<Object> entries = new ArrayList<>();
        for (var column : columns) {
            entries.add(column.getAlias());
            entries.add(Cypher.name(column.getAlias()));
        }
        Statement statement = Cypher.unwind(Cypher.parameter("keys")).as(key)
            .match(p)
            .where(p.property(relation.parent().keyProperty()).isEqualTo(key))
            .call(inner, p)
            .returning(key, Cypher.collect(Cypher.mapOf(entries.toArray())).as("groups"))
            .build();
        return new CypherQuery(render(statement, scope, "relatedAggregates", countInScope, relation, relations,
            String.valueOf(Shapes.where(where)), spec.by(), spec.min(), spec.max(), spec.avg(), spec.sum()), parameters);
    }

    /**
     * For a disclosure-controlled aggregate (a population, see {@link Filters.Access}): the
     * condition telling the rows the scope may read, after refusing group keys that identify a
     * protected row; null otherwise.
     */
    private static Condition inScope(NodeType<?> type, AggregateSpec spec, Node n, Filters.Access access,
            Map<String, Object> parameters, Condition rowsInScope) {
        if (!access.population()) {
            return null;
        }
        if (type.guard().refusesAggregates(access.scope())) {
            throw new AccessRefusedException(access.scope(), "aggregate " + type.typeName() + " rows");
        }
        for (GroupKey key : spec.by()) {
            NodeType<?> keyed = key.via() == null ? type : key.via().target();
            if (keyed.identifies(key.field())) {
                throw new AccessRefusedException(access.scope(), "group " + type.typeName() + " rows by `" + key.name()
                    + "`: it identifies a single row");
            }
        }
        return rowsInScope;
    }

    /**
     * {@code count(n) AS count} and each selected function, aliased {@code <function>_<field>};
     * with {@code inScope}, also {@code count(CASE WHEN <inScope> THEN 1 END) AS inScope}.
     */
    private static List<org.neo4j.cypherdsl.core.AliasedExpression> aggregateColumns(Node n, AggregateSpec spec,
            Condition inScope) {
        List<org.neo4j.cypherdsl.core.AliasedExpression> columns = new ArrayList<>();
        columns.add(Cypher.count(n).as("count"));
        if (inScope != null) {
            columns.add(Cypher.count(Cypher.caseExpression().when(inScope).then(Cypher.literalOf(1))).as("inScope"));
        }
        spec.min().forEach(f -> columns.add(Cypher.min(n.property(f.property())).as("min_" + f.name())));
        spec.max().forEach(f -> columns.add(Cypher.max(n.property(f.property())).as("max_" + f.name())));
        spec.avg().forEach(f -> columns.add(Cypher.avg(n.property(f.property())).as("avg_" + f.name())));
        spec.sum().forEach(f -> columns.add(Cypher.sum(n.property(f.property())).as("sum_" + f.name())));
        return columns;
    }

    /** The group keys as {@code k0}, {@code k1}, then the aggregate columns. */
    private static List<org.neo4j.cypherdsl.core.AliasedExpression> groupColumns(Node n, AggregateSpec spec,
            Condition inScope) {
        List<org.neo4j.cypherdsl.core.AliasedExpression> columns = new ArrayList<>();
        for (int i = 0; i < spec.by().size(); i++) {
            columns.add(groupKey(spec.by().get(i), n, i).as("k" + i));
        }
        columns.addAll(aggregateColumns(n, spec, inScope));
        return columns;
    }

    /**
     * An own field is {@code n.property}; a key across a to-one relationship is
     * {@code head([(n)-[:TYPE]->(g:Target) | g.property])}.
     */
    private static org.neo4j.cypherdsl.core.Expression groupKey(GroupKey key, Node n, int index) {
        if (key.via() == null) {
            return n.property(key.field().property());
        }
        Node g = Cypher.node(key.via().target().label()).named("g" + index);
        return Cypher.head(Cypher.listBasedOn(relationship(key.via(), n, g)).returning(g.property(key.field().property())));
    }

    /** Groups in key order (nulls last, as Neo4j sorts them). */
    private static List<SortItem> groupOrder(AggregateSpec spec) {
        List<SortItem> items = new ArrayList<>();
        for (int i = 0; i < spec.by().size(); i++) {
            items.add(Cypher.name("k" + i).ascending());
        }
        return items;
    }

    /**
     * ORDER BY the sort keys, then the natural key as tie-breaker: a total, stable order. A
     * backward page flips every key, the natural key included; since Neo4j puts missing values
     * last ascending and first descending, the flipped order is exactly the forward order reversed.
     */
    private static List<SortItem> order(NodeType<?> type, Node n, PageRequest page) {
        List<SortItem> items = new ArrayList<>();
        for (Sort sort : page.orderBy()) {
            Expression property = sortValue(sort, n);
            items.add(sort.descending() != page.backward() ? property.descending() : property.ascending());
        }
        Property key = n.property(type.keyProperty());
        items.add(keyDescending(page.orderBy()) != page.backward() ? key.descending() : key.ascending());
        return items;
    }

    /**
     * The natural key breaks ties in the direction of the last sort key (ascending in key order):
     * then an order on one field is that of a composite index on (field, key), read forwards or
     * backwards, and a page can seek it instead of sorting every row of a run of equal values.
     */
    private static boolean keyDescending(List<Sort> sorts) {
        return !sorts.isEmpty() && sorts.getLast().descending();
    }

    /**
     * A root page in key order with no cursor gets {@code n.key IS NOT NULL} (true of every row
     * a cursor can reach: the natural key is unique and always set). With it the planner reads
     * the key's unique index in order and stops after LIMIT rows, as it does for a cursor's range
     * seek, instead of scanning the label and sorting it: the first and the last page cost what a
     * deep page does.
     */
    private static Condition keyIndexOrder(NodeType<?> type, Node n, PageRequest page) {
        if (!page.orderBy().isEmpty()) {
            // Likewise for a first sort key every node has (Field.mandatory()): true of every row.
            Sort first = page.orderBy().getFirst();
            // With the key too: a composite index on (field, key) holds only nodes that have both.
            return first.counted() == null && first.field().required()
                ? Logic.and(n.property(first.field().property()).isNotNull(), n.property(type.keyProperty()).isNotNull())
                : Cypher.noCondition();
        }
        return page.after() == null && page.before() == null
            ? n.property(type.keyProperty()).isNotNull() : Cypher.noCondition();
    }

    /**
     * The keyset conditions of the page's cursors: after {@code after} and before {@code before},
     * both in the connection's (forward) order, whichever direction the page is read in.
     */
    private static Condition cursors(NodeType<?> type, Node n, PageRequest page, Map<String, Object> parameters) {
        return cursors(type, n, page, parameters, "");
    }

    /** As above, with parameters named {@code after<suffix>}, {@code after<suffix>0}, ... */
    private static Condition cursors(NodeType<?> type, Node n, PageRequest page, Map<String, Object> parameters,
            String suffix) {
        return Logic.and(after(type, n, page.orderBy(), page.after(), false, "after" + suffix, parameters),
            after(type, n, page.orderBy(), page.before(), true, "before" + suffix, parameters));
    }

    /**
     * The keyset condition "after the cursor's row" in the page's order: for sort keys k1..kn and
     * the natural key, {@code k1 beyond v1 OR (k1 = v1 AND (k2 beyond v2 OR (... AND key > $k)))}.
     * Neo4j sorts nulls last ascending and first descending, and the condition follows it, so rows
     * with a missing sort value are neither skipped nor repeated. "Before the cursor's row" is the
     * same condition in the reversed order ({@code reversed}: every direction flipped, the key
     * compared with {@code <}), named with {@code $before...} parameters.
     */
    private static Condition after(NodeType<?> type, Node n, List<Sort> sorts, List<Object> values, boolean reversed,
            String prefix, Map<String, Object> parameters) {
        if (values == null) {
            return Cypher.noCondition();
        }
        parameters.put(prefix, values.getLast());
        Property key = n.property(type.keyProperty());
        Condition condition = keyDescending(sorts) != reversed ? key.lt(Cypher.parameter(prefix)) : key.gt(Cypher.parameter(prefix));
        for (int i = sorts.size() - 1; i >= 0; i--) {
            boolean descending = sorts.get(i).descending() != reversed;
            Expression field = sortValue(sorts.get(i), n);
            Object value = values.get(i);
            if (value == null) {
                Condition equal = Logic.and(field.isNull(), condition);
                condition = descending ? Logic.or(field.isNotNull(), equal) : equal;
            }
            else {
                String name = prefix + i;
                parameters.put(name, value);
                boolean required = sorts.get(i).counted() == null && sorts.get(i).field().required();
                Condition beyond = descending ? field.lt(Cypher.parameter(name))
                    : required ? field.gt(Cypher.parameter(name)) : Logic.or(field.gt(Cypher.parameter(name)), field.isNull());
                condition = Logic.or(beyond, Logic.and(field.isEqualTo(Cypher.parameter(name)), condition));
            }
        }
        // A leading range on a first key every node has lets the planner seek its index from the
        // cursor (the OR above alone cannot seek): k >= v AND (k > v OR (k = v AND ...)).
        if (!sorts.isEmpty() && values.getFirst() != null && sorts.getFirst().counted() == null
                && sorts.getFirst().field().required()) {
            Expression first = sortValue(sorts.getFirst(), n);
            boolean descending = sorts.getFirst().descending() != reversed;
            condition = Logic.and(descending ? first.lte(Cypher.parameter(prefix + 0)) : first.gte(Cypher.parameter(prefix + 0)),
                condition);
        }
        return condition;
    }

    /**
     * A sort key's value: the stored property, or for {@code <field>Count} the number of the row's
     * relationships of that type, {@code COUNT { (n)-[:TYPE]->() }}. The far end carries no label:
     * each relationship type joins one pair of labels (docs/model.md), and without it Neo4j reads
     * the count from the node's degree instead of expanding every relationship.
     */
    private static Expression sortValue(Sort sort, Node n) {
        if (sort.counted() == null) {
            return n.property(sort.field().property());
        }
        return Cypher.count(relationship(sort.counted(), n, Cypher.anyNode()));
    }

    /** The row's properties, plus the value of each count sort key (for its cursor). */
    private static List<Object> projectionContent(Node n, PageRequest page) {
        List<Object> content = new ArrayList<>();
        if (page.columns() == null) {
            content.add(Cypher.asterisk());
        }
        else {
            page.columns().forEach(column -> content.add(n.property(column)));
        }
        for (Sort sort : page.orderBy()) {
            if (sort.counted() != null) {
                content.add(sort.field().property());
                content.add(sortValue(sort, n));
            }
        }
        return content;
    }

    /**
     * One page of a relation's rows for the parent {@code p} of the relationship pattern {@code r},
     * as a subquery returning {@code collect({node: n{...}, rel: properties(r)}) AS <rowsName>}: the
     * filter and cursor conditions, the order, {@code LIMIT $limit<suffix>}, then the rows'
     * prefetched fields and the order again (cheap: LIMIT rows) for collect.
     */
    private static Statement relatedRows(Relation<?, ?, ?> relation, Relationship r, Node n, PageRequest page,
            Condition filter, String suffix, String rowsName, Map<String, Object> parameters, RelationIndex relations,
            List<Prefetch> prefetch, int[] names, Scope scope) {
        parameters.put("limit" + suffix, page.size() + 1);
        Condition condition = Logic.and(filter, cursors(relation.target(), n, page, parameters, suffix));
        var pageRows = Cypher.match(r).where(condition)
            .with(r, n)
            .orderBy(order(relation.target(), n, page))
            .limit(Cypher.parameter("limit" + suffix));
        List<Object> content = projectionContent(n, page);
        if (prefetch.isEmpty()) {
            return pageRows.returning(Cypher.collect(Cypher.mapOf(
                "node", n.project(content.toArray()),
                "rel", Cypher.properties(r))).as(rowsName)).build();
        }
        List<org.neo4j.cypherdsl.core.IdentifiableElement> carried = new ArrayList<>(List.of(r, n));
        int before = content.size();
        StatementBuilder.OngoingReading fetched = prefetchCalls(pageRows, n, prefetch, content, names, parameters, relations,
            scope);
        for (int i = before + 1; i < content.size(); i += 2) {
            if (content.get(i) instanceof SymbolicName value) {
                carried.add(value);
            }
        }
        return fetched.with(carried.toArray(org.neo4j.cypherdsl.core.IdentifiableElement[]::new))
            .orderBy(order(relation.target(), n, page))
            .returning(Cypher.collect(Cypher.mapOf(
                "node", n.project(content.toArray()),
                "rel", Cypher.properties(r))).as(rowsName)).build();
    }

    /**
     * Reads each prefetched field of the rows so far ({@link Prefetch}), nested ones inside, and
     * adds its value to the row's projection {@code content} under the prefetch's column:
     * <ul>
     * <li>to-one: {@code CALL (n) { OPTIONAL MATCH (n)-[:IN_AREA]->(t1:LocalArea) CALL (t1) {...}
     *     RETURN t1{.*, __region: v2} AS v1 LIMIT 1 }} and {@code __area: v1};</li>
     * <li>a connection: {@code CALL (n) { <its page of n's rows, as a relationship field's own
     *     statement reads it> RETURN collect(...) AS v1 }} and {@code __settings_0: v1}, plus
     *     {@code __settings_0_total: COUNT { ... }} when totalCount is selected.</li>
     * </ul>
     * (A pattern comprehension in the projection would be shorter, but Neo4j 2026.08's planner
     * fails on it when the match has two predicates on one property, e.g.
     * {@code n.ref STARTS WITH $w0 AND n.ref IS NOT NULL}; a subquery call does not.)
     */
    private static StatementBuilder.OngoingReading prefetchCalls(StatementBuilder.OngoingReading reading, Node n,
            List<Prefetch> prefetch, List<Object> content, int[] names, Map<String, Object> parameters,
            RelationIndex relations, Scope scope) {
        for (Prefetch one : prefetch) {
            int index = ++names[0];
            SymbolicName value = Cypher.name("v" + index);
            Statement subquery;
            if (one.toOne()) {
                Node t = Cypher.node(one.relation().target().label()).named("t" + index);
                List<Object> inner = new ArrayList<>();
                if (one.columns() == null) {
                    inner.add(Cypher.asterisk());
                }
                else {
                    one.columns().forEach(column -> inner.add(t.property(column)));
                }
                Condition guard = rowGuard(one.relation().target(), t, scope, parameters);
                var optional = Cypher.optionalMatch(relationship(one.relation(), n, t));
                StatementBuilder.OngoingReading related = prefetchCalls(guard == null ? optional : optional.where(guard), t,
                    one.nested(), inner, names, parameters, relations, scope);
                subquery = related.returning(t.project(inner.toArray()).as(value)).limit(1).build();
            }
            else {
                Node m = Cypher.node(one.relation().target().label()).named("n" + index);
                Relationship r = relationship(one.relation(), n, m).named("r" + index);
                Condition guard = relatedGuard(one.relation(), n, m, scope, parameters);
                Condition filter = and(Filters.condition(one.relation().target(), m, one.page().where(), parameters, relations,
                    Filters.Access.rows(scope)), guard);
                subquery = relatedRows(one.relation(), r, m, one.page(), filter, "_" + index + "_", value.getValue(), parameters,
                    relations, one.nested(), names, scope);
                if (one.page().withTotal()) {
                    content.add(one.totalColumn());
                    content.add(one.page().where() == null && guard == null
                        ? Cypher.count(relationship(one.relation(), n, Cypher.node(one.relation().target().label())))
                        : Cypher.count(List.of(relationship(one.relation(), n, m)), Where.from(filter)));
                }
            }
            reading = reading.call(subquery, n);
            content.add(one.column());
            content.add(value);
        }
        return reading;
    }

    private static Relationship relationship(Relation<?, ?, ?> relation, Node parent, Node target) {
        return relation.outgoing()
            ? parent.relationshipTo(target, relation.type())
            : parent.relationshipFrom(target, relation.type());
    }
}
