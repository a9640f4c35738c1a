package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.ValuesResolver;
import graphql.execution.conditional.ConditionalNodes;
import graphql.introspection.Introspection;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;

/**
 * The fields selected under the field being fetched, read from the request's document: each with
 * its name, result key, the object types it applies to, its arguments (with the request's
 * variables, coerced as graphql-java coerces them) and the fields under it, fragments expanded and
 * {@code @skip}/{@code @include} applied.
 *
 * <p>The compiler's own walk rather than graphql-java's {@code DataFetchingFieldSelectionSet}: that
 * builds the normalized operation of the whole request (every field at every level, with its
 * arguments resolved) the first time any fetcher asks, which cost 11 to 15 % of the hub's CPU for a
 * one-row request (docs/benchmark.md, cause 11). This walks only the levels a fetcher looks at,
 * when it looks, and resolves only the arguments it reads.
 */
public final class Selection {

    private static final ConditionalNodes CONDITIONS = new ConditionalNodes();

    /** What a walk needs from the request: schema, fragments, variables, context and locale. */
    private record Request(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
            GraphQLContext context, Locale locale) {
    }

    private final List<Field> fields;
    private final GraphQLType type;
    private final Request request;
    private List<Selected> immediate;

    private Selection(List<Field> fields, GraphQLType type, Request request) {
        this.fields = fields;
        this.type = type;
        this.request = request;
    }

    /** The selection under the field an environment fetches. */
    public static Selection of(DataFetchingEnvironment env) {
        return new Selection(env.getMergedField().getFields(), GraphQLTypeUtil.unwrapAll(env.getFieldType()),
            new Request(env.getGraphQLSchema(), env.getFragmentsByName(), env.getVariables(), env.getGraphQlContext(),
                env.getLocale()));
    }

    /**
     * The fields directly under this one, in document order: one per result key and field name
     * (aliases of one field with different arguments are separate fields; the same field selected
     * in several fragments is one, its sub-selections merged).
     */
    public List<Selected> getImmediateFields() {
        if (immediate == null) {
            Map<List<String>, Selected> found = new LinkedHashMap<>();
            Set<GraphQLObjectType> possible = possibleTypes(type);
            for (Field field : fields) {
                collect(field.getSelectionSet(), possible, found);
            }
            immediate = List.copyOf(found.values());
        }
        return immediate;
    }

    /** The fields selected under the immediate fields of this name (e.g. {@code min} for {@code min { weeks }}). */
    public List<Selected> getFields(String name) {
        List<Selected> under = new ArrayList<>();
        for (Selected field : getImmediateFields()) {
            if (field.getName().equals(name)) {
                under.addAll(field.getSelectionSet().getImmediateFields());
            }
        }
        return under;
    }

    private void collect(SelectionSet selections, Set<GraphQLObjectType> possible, Map<List<String>, Selected> into) {
        if (selections == null || possible.isEmpty()) {
            return;
        }
        for (graphql.language.Selection<?> selection : selections.getSelections()) {
            if (selection instanceof DirectivesContainer<?> directives
                    && !CONDITIONS.shouldInclude(directives, request.variables(), request.schema(), request.context())) {
                continue;
            }
            switch (selection) {
                case Field field -> add(field, possible, into);
                case InlineFragment inline -> collect(inline.getSelectionSet(), narrow(possible, inline.getTypeCondition()), into);
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = request.fragments().get(spread.getName());
                    if (fragment != null) {
                        collect(fragment.getSelectionSet(), narrow(possible, fragment.getTypeCondition()), into);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void add(Field field, Set<GraphQLObjectType> possible, Map<List<String>, Selected> into) {
        String name = field.getName();
        String key = field.getAlias() != null ? field.getAlias() : name;
        Selected selected = into.computeIfAbsent(List.of(key, name), k -> new Selected(name, key, request));
        for (GraphQLObjectType object : possible) {
            GraphQLFieldDefinition definition = Introspection.TypeNameMetaFieldDef.getName().equals(name)
                ? Introspection.TypeNameMetaFieldDef : object.getFieldDefinition(name);
            if (definition != null) {
                selected.objectTypeNames.add(object.getName());
                if (selected.definition == null) {
                    selected.definition = definition;
                }
            }
        }
        selected.nodes.add(field);
    }

    private Set<GraphQLObjectType> narrow(Set<GraphQLObjectType> possible, TypeName condition) {
        if (condition == null) {
            return possible;
        }
        Set<GraphQLObjectType> allowed = possibleTypes(request.schema().getType(condition.getName()));
        Set<GraphQLObjectType> narrowed = new LinkedHashSet<>(possible);
        narrowed.retainAll(allowed);
        return narrowed;
    }

    private Set<GraphQLObjectType> possibleTypes(GraphQLType named) {
        return switch (named) {
            case GraphQLObjectType object -> Set.of(object);
            case GraphQLInterfaceType face -> new LinkedHashSet<>(request.schema().getImplementations(face));
            case GraphQLUnionType union -> {
                Set<GraphQLObjectType> members = new LinkedHashSet<>();
                union.getTypes().forEach(member -> {
                    if (member instanceof GraphQLObjectType object) {
                        members.add(object);
                    }
                });
                yield members;
            }
            case null, default -> Set.of();
        };
    }

    /** A field selected under the one being fetched. */
    public static final class Selected {

        private final String name;
        private final String resultKey;
        private final Request request;
        private final Set<String> objectTypeNames = new LinkedHashSet<>();
        private final List<Field> nodes = new ArrayList<>(1);
        private GraphQLFieldDefinition definition;
        private Map<String, Object> arguments;
        private Selection selection;

        private Selected(String name, String resultKey, Request request) {
            this.name = name;
            this.resultKey = resultKey;
            this.request = request;
        }

        /** The field's name in the schema. */
        public String getName() {
            return name;
        }

        /** Its alias, else its name: the key of its value in the response. */
        public String getResultKey() {
            return resultKey;
        }

        /** The object types whose values get this field (all implementations for a field of an interface). */
        public Set<String> getObjectTypeNames() {
            return objectTypeNames;
        }

        /** Its arguments with the request's variables and the schema's defaults, coerced (e.g. dates as {@code LocalDate}). */
        public Map<String, Object> getArguments() {
            if (arguments == null) {
                arguments = definition == null ? Map.of()
                    : ValuesResolver.getArgumentValues(request.schema().getCodeRegistry(), definition.getArguments(),
                        nodes.getFirst().getArguments(), CoercedVariables.of(request.variables()), request.context(),
                        request.locale());
            }
            return arguments;
        }

        /** The fields selected under this one. */
        public Selection getSelectionSet() {
            if (selection == null) {
                selection = new Selection(nodes, definition == null ? null : GraphQLTypeUtil.unwrapAll(definition.getType()),
                    request);
            }
            return selection;
        }

        @Override
        public String toString() {
            return resultKey + (resultKey.equals(name) ? "" : ": " + name) + " on " + objectTypeNames;
        }
    }
}
