package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.GraphQLSchema;
import graphql.schema.SelectedField;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Selection} against graphql-java's own {@code DataFetchingFieldSelectionSet} (the
 * normalized operation it replaces): for each document, every field at every level must have the
 * same name, result key, object types and arguments, and the same fields under it.
 */
class SelectionTests {

    private static final String SDL = """
        scalar Date
        enum Need { ASD SLCN SEMH }
        input Range { gt: Date, lt: Date }
        input ChildWhere { primaryNeed: Need, born: Range, AND: [ChildWhere!] }
        interface Node { id: ID! }
        type Area implements Node { id: ID! code: String children(first: Int = 10, where: ChildWhere): ChildConnection }
        type Child implements Node { id: ID! ref: String need: Need plans(first: Int!, after: String): PlanConnection area: Area }
        type Plan implements Node { id: ID! ref: String issued: Date }
        union Hit = Area | Child
        type ChildConnection { edges: [ChildEdge!]! totalCount: Int }
        type ChildEdge { cursor: String node: Child! }
        type PlanConnection { edges: [PlanEdge!]! totalCount: Int }
        type PlanEdge { cursor: String node: Plan! }
        type Query {
          node(id: ID!): Node
          hits(text: String!): [Hit!]
          children(first: Int, where: ChildWhere): ChildConnection
        }
        """;

    static List<Arguments> documents() {
        return List.of(
            Arguments.of("aliases and arguments from variables, with defaults", """
                query($need: Need, $after: String) {
                  children(first: 5, where: {primaryNeed: $need, born: {gt: "2015-09-01"}}) {
                    totalCount
                    edges { cursor node { ref a: plans(first: 2, after: $after) { totalCount } b: plans(first: 3) { edges { node { ref issued } } } } }
                  }
                }""", Map.of("need", "ASD", "after", "abc"), "children"),
            Arguments.of("named and inline fragments on an interface", """
                query { node(id: "x") { id __typename ... on Child { ref area { code } } ...AreaBits } }
                fragment AreaBits on Area { code children { edges { node { ref } } } }""", Map.of(), "node"),
            Arguments.of("skip and include with variables and literals", """
                query($yes: Boolean!, $no: Boolean!) {
                  children(first: 1) {
                    totalCount @include(if: $no)
                    edges @skip(if: $no) { node { ref @skip(if: $yes) need @include(if: true) area @include(if: $yes) { code } } }
                  }
                }""", Map.of("yes", true, "no", false), "children"),
            Arguments.of("a union, a field in two fragments merged", """
                query { hits(text: "a") { ... on Child { ref area { id } } ... on Child { area { code } } ... on Area { code } } }""",
                Map.of(), "hits"),
            Arguments.of("nested input lists with variables", """
                query($from: Date) {
                  children(first: 2, where: {AND: [{born: {gt: $from}}, {primaryNeed: SLCN}]}) { edges { node { id } } }
                }""", Map.of("from", "2016-01-01"), "children"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void shouldSelectWhatGraphqlJavaSelects(String what, String document, Map<String, Object> variables, String root) {
        List<String> ours = new ArrayList<>();
        List<String> theirs = new ArrayList<>();
        ExecutionResult result = run(document, variables, root, env -> {
            describe(Selection.of(env), "", ours);
            describe(env.getSelectionSet(), theirs);
        });

        assertThat(result.getErrors()).isEmpty();
        assertThat(ours).isNotEmpty().containsExactlyElementsOf(theirs);
    }

    @Test
    void shouldCoerceArgumentsAsTheSchemaSays() {
        List<Map<String, Object>> arguments = new ArrayList<>();
        ExecutionResult result = run("""
            query($need: Need) { node(id: "x") { ... on Area { children(where: {primaryNeed: $need, born: {gt: "2015-09-01"}}) { totalCount } } } }""",
            Map.of("need", "SEMH"), "node", env -> Selection.of(env).getImmediateFields()
                .forEach(field -> arguments.add(field.getArguments())));

        assertThat(result.getErrors()).isEmpty();
        // The default of first, the variable's enum value, the date literal parsed by the Date scalar.
        assertThat(arguments).containsExactly(Map.of("first", 10,
            "where", Map.of("primaryNeed", "SEMH", "born", Map.of("gt", java.time.LocalDate.of(2015, 9, 1)))));
    }

    private static ExecutionResult run(String document, Map<String, Object> variables, String root,
            java.util.function.Consumer<DataFetchingEnvironment> probe) {
        TypeResolver anyChild = env -> env.getSchema().getObjectType("Child");
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
            .scalar(GraphQlWiring.DATE)
            .type("Node", type -> type.typeResolver(anyChild))
            .type("Hit", type -> type.typeResolver(anyChild))
            .type("Query", type -> type.dataFetcher(root, env -> {
                probe.accept(env);
                return null;
            }))
            .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        return GraphQL.newGraphQL(schema).build()
            .execute(ExecutionInput.newExecutionInput(document).variables(variables).build());
    }

    /** Ours, one line per field: its path, name, object types (sorted) and arguments (sorted). */
    private static void describe(Selection selection, String path, List<String> into) {
        for (Selection.Selected field : selection.getImmediateFields()) {
            String at = path + "/" + field.getResultKey();
            into.add(line(at, field.getName(), new TreeSet<>(field.getObjectTypeNames()), field.getArguments()));
            describe(field.getSelectionSet(), at, into);
        }
    }

    /** graphql-java's, in the same form, walking its fields level by level as ours are walked. */
    private static void describe(DataFetchingFieldSelectionSet selection, List<String> into) {
        describe(selection.getImmediateFields(), "", into);
    }

    private static void describe(List<SelectedField> fields, String path, List<String> into) {
        // graphql-java gives a field once per object type set; merge them by result key and name, as ours does.
        Map<List<String>, List<SelectedField>> merged = new LinkedHashMap<>();
        for (SelectedField field : fields) {
            merged.computeIfAbsent(List.of(field.getResultKey(), field.getName()), key -> new ArrayList<>()).add(field);
        }
        merged.forEach((key, same) -> {
            String at = path + "/" + key.getFirst();
            TreeSet<String> types = new TreeSet<>();
            same.forEach(field -> types.addAll(field.getObjectTypeNames()));
            into.add(line(at, key.get(1), types, same.getFirst().getArguments()));
            List<SelectedField> under = new ArrayList<>();
            same.forEach(field -> under.addAll(field.getSelectionSet().getImmediateFields()));
            describe(under, at, into);
        });
    }

    private static String line(String path, String name, TreeSet<String> types, Map<String, Object> arguments) {
        return path + " " + name + " on " + types + " " + new TreeMap<>(arguments);
    }
}
