package uk.gov.send.rep.hub.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import uk.gov.send.rep.hub.query.limits.QueryLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HubExecutionStrategy} against graphql-java's own {@link AsyncExecutionStrategy}: for each
 * document the two must give the same specification answer (data, errors with their paths and
 * locations, null propagation), call the same fetchers and dispatch DataLoaders in the same batches;
 * and the shortcut must run where the subtree is plain and stay out of the way where it is not.
 */
class HubExecutionStrategyTests {

    private static final String SDL = """
        scalar Date
        enum Kind { SPECIAL MAINSTREAM }
        interface Named { name: String }
        type Related { code: String! label: String }
        type Row implements Named {
          name: String
          size: Int!
          kind: Kind
          opened: Date
          tags: [String]
          strictTags: [String!]
          strictName: String!
          related: Related
          loaded: Related
          child: Row
        }
        type Edge { cursor: String node: Row! }
        type Info { hasNext: Boolean! end: String }
        type Page { edges: [Edge!]! info: Info! }
        type Query {
          rows: [Row!]!
          loose: [Row]
          page: Page!
          named: Named
          broken: [Row!]!
          refused: Row
        }
        """;

    record Related(String code, String label) {
    }

    record Row(String name, int size, Object kind, Object opened, List<String> tags, List<String> strictTags,
            String strictName, Row child) {
    }

    record Edge(String cursor, Row node) {
    }

    record Info(boolean hasNext, String end) {
    }

    record Page(List<Edge> edges, Info info) {
    }

    private static final LocalDate DAY = LocalDate.of(2024, 9, 1);

    private static Row row(String name, int size) {
        return new Row(name, size, "SPECIAL", DAY.plusDays(size), List.of("a", name), List.of(name),
            name.toUpperCase(java.util.Locale.ROOT), new Row(name + "-child", size + 1, "MAINSTREAM", null,
                null, List.of(), "C", null));
    }

    private final List<Row> rows = List.of(row("one", 1), row("two", 2), row("three", 3));

    /** A row whose non-null name is null and whose kind and date the schema cannot serialise. */
    private final List<Row> broken = List.of(row("fine", 4),
        new Row("bad", 5, "NOT_A_KIND", "not a date", Arrays.asList("x", null), Arrays.asList("y", null), null, null),
        row("after", 6));

    /** Calls of the non-trivial fetchers, by field. */
    private final AtomicInteger relatedCalls = new AtomicInteger();
    private final AtomicInteger loaderBatches = new AtomicInteger();

    private GraphQLSchema schema() {
        DataFetcher<?> rowsFetcher = env -> {
            Prefetched store = Prefetched.of(env.getGraphQlContext());
            for (Row row : rows) {
                store.put(row, "related", new Related("R-" + row.name(), null));
                store.put(row, "alias", new Related("A-" + row.name(), row.name()));
            }
            return rows;
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
            .scalar(GraphQlWiring.DATE)
            .type("Query", type -> type
                .dataFetcher("rows", rowsFetcher)
                .dataFetcher("loose", env -> Arrays.asList(rows.get(0), null, rows.get(1)))
                .dataFetcher("page", env -> new Page(rows.stream().map(r -> new Edge("c-" + r.name(), r)).toList(),
                    new Info(false, "c-three")))
                .dataFetcher("named", env -> rows.get(1))
                .dataFetcher("broken", env -> broken)
                .dataFetcher("refused", env -> CompletableFuture.completedFuture(rows.get(0))))
            .type("Row", type -> type
                .dataFetcher("related", env -> {
                    relatedCalls.incrementAndGet();
                    return new Related("fetched-" + env.<Row>getSource().name(), "by fetcher");
                })
                .dataFetcher("loaded", env -> env.getDataLoader("related").load(env.<Row>getSource().name())))
            .type("Named", type -> type.typeResolver(env -> env.getSchema().getObjectType("Row")))
            .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    private final GraphQLSchema schema = schema();
    private final HubInstrumentation instrumentation =
        new HubInstrumentation(new StaticListableBeanFactory().getBeanProvider(QueryLimits.class));
    private final HubExecutionStrategy hubStrategy =
        new HubExecutionStrategy(new SimpleDataFetcherExceptionHandler(), instrumentation);
    private final GraphQL hub = GraphQL.newGraphQL(schema).instrumentation(instrumentation)
        .queryExecutionStrategy(hubStrategy).build();
    private final GraphQL standard = GraphQL.newGraphQL(schema).instrumentation(instrumentation)
        .queryExecutionStrategy(new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler())).build();

    private ExecutionResult run(GraphQL graphQl, String document) {
        DataLoaderRegistry loaders = DataLoaderRegistry.newRegistry()
            .register("related", DataLoaderFactory.newDataLoader((List<String> names) -> {
                loaderBatches.incrementAndGet();
                return CompletableFuture.completedFuture(names.stream().map(n -> new Related("L-" + n, null)).toList());
            }))
            .build();
        return graphQl.execute(ExecutionInput.newExecutionInput(document).dataLoaderRegistry(loaders).build());
    }

    /** Runs the document on both; asserts the same answer and side effects; answers how many values the shortcut completed. */
    private long sameAnswer(String document) {
        relatedCalls.set(0);
        loaderBatches.set(0);
        Map<String, Object> expected = run(standard, document).toSpecification();
        int expectedRelated = relatedCalls.getAndSet(0);
        int expectedBatches = loaderBatches.getAndSet(0);
        long before = hubStrategy.shortcuts();
        Map<String, Object> actual = run(hub, document).toSpecification();
        assertThat(actual).as(document).isEqualTo(expected);
        assertThat(relatedCalls.get()).as("related fetcher calls").isEqualTo(expectedRelated);
        assertThat(loaderBatches.get()).as("DataLoader batches").isEqualTo(expectedBatches);
        return hubStrategy.shortcuts() - before;
    }

    static List<Arguments> plain() {
        return List.of(
            Arguments.of("scalars, enums, a custom scalar, lists", "{ rows { name size kind opened tags strictTags } }"),
            Arguments.of("aliases, repeated fields under other keys, __typename",
                "{ rows { n: name, __typename, s: size, name, t: __typename } }"),
            Arguments.of("nested objects", "{ rows { name child { name kind child { name } } } }"),
            Arguments.of("relationship read with the row", "{ rows { name related { code label } } }"),
            Arguments.of("a connection page", "{ page { edges { cursor node { name opened child { size } } } info { hasNext end } } }"),
            Arguments.of("a list with null elements where the schema allows them", "{ loose { name } }"),
            Arguments.of("an object behind a future", "{ refused { name tags } }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plain")
    void plainSubtreesAreCompletedInOnePassWithTheSameAnswer(String name, String document) {
        assertThat(sameAnswer(document)).as("values completed by the shortcut").isPositive();
    }

    static List<Arguments> notPlain() {
        return List.of(
            Arguments.of("a fragment spread", "{ rows { ...F } } fragment F on Row { name size }"),
            Arguments.of("an inline fragment on an interface", "{ named { name ... on Row { size } } }"),
            Arguments.of("@skip and @include", "{ rows { name @skip(if: true) size @include(if: false) kind } }"),
            Arguments.of("a relationship not read with the row (alias): the fetcher runs",
                "{ rows { r: related { code } } }"),
            Arguments.of("a DataLoader field: batches as before", "{ rows { name loaded { code } } page { edges { node { loaded { code } } } } }"),
            Arguments.of("a null in a non-null field, propagated", "{ broken { name strictName } }"),
            Arguments.of("an enum value the schema does not have", "{ broken { name kind } }"),
            Arguments.of("a value the Date scalar refuses", "{ broken { name opened } }"),
            Arguments.of("a null element in a non-null list", "{ broken { strictTags } }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notPlain")
    void everythingElseIsAnsweredAsGraphqlJavaAnswersIt(String name, String document) {
        sameAnswer(document);
    }

    @Test
    void errorsAreReportedWithTheirPathsWhateverCompletedThem() {
        ExecutionResult result = run(hub, "{ broken { name strictName } rows { name } }");
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).isEqualTo(List.of("broken", 1, "strictName"));
            assertThat(error.getMessage()).contains("non null");
        });
        // strictName is non-null and so is each element: the null propagates to the whole (non-null) list, and the root
        assertThat(result.<Map<String, Object>>getData()).isNull();
    }

    @Test
    void theShortcutNeverRunsUnderAnotherInstrumentation() {
        GraphQL other = GraphQL.newGraphQL(schema).queryExecutionStrategy(hubStrategy).build();
        long before = hubStrategy.shortcuts();
        List<Object> names = new ArrayList<>();
        Map<String, Object> data = run(other, "{ rows { name } }").getData();
        ((List<?>) data.get("rows")).forEach(row -> names.add(((Map<?, ?>) row).get("name")));
        assertThat(names).containsExactly("one", "two", "three");
        assertThat(hubStrategy.shortcuts()).isEqualTo(before);
    }

    @Test
    void theHubInstrumentationObservesNoField() throws NoSuchMethodException {
        // The shortcut skips graphql-java's per-field instrumentation calls: the hub's instrumentation must not need them.
        for (String method : List.of("beginFieldExecution", "beginFieldFetching", "beginFieldCompletion",
                "beginFieldListCompletion", "beginExecuteObject", "beginFieldFetch")) {
            assertThat(Arrays.stream(HubInstrumentation.class.getDeclaredMethods()).map(java.lang.reflect.Method::getName))
                .as("HubInstrumentation overrides %s", method).doesNotContain(method);
        }
    }
}
