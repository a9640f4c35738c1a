package uk.gov.send.rep.hub.query.limits;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The estimated cost of one operation, in the manner of GitHub's node limit: every field selected
 * costs 1 for each row it may be asked for. A connection's {@code first} or {@code last} (a
 * literal, or a variable's value) multiplies what is selected under its {@code edges} and
 * {@code nodes}; its {@code totalCount}, {@code pageInfo} and aggregates are asked once per
 * connection. Any other list field counts as {@link LimitsProperties#defaultListSize()} items.
 * Fragments and inline fragments are expanded where used; {@code @skip} and {@code @include} are
 * ignored (the estimate is an upper bound). Introspection fields ({@code __schema}, {@code __type})
 * cost 1 each and are not walked: they never reach the database, and graphql-java's own
 * good-faith introspection check bounds them; {@link #introspects()} reports them.
 *
 * <p>Runs on a validated operation only (fragment cycles were rejected by validation); it still
 * guards a fragment already being expanded and stops as soon as the estimate passes the maximum,
 * so its work is bounded by {@code max-cost}.
 */
final class CostEstimate {

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final long defaultListSize;
    private final long max;
    private final Set<String> expanding = new HashSet<>();
    private long cost;
    private boolean introspects;
    private boolean complete = true;

    private CostEstimate(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
            long defaultListSize, long max) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables;
        this.defaultListSize = defaultListSize;
        this.max = max;
    }

    /**
     * Estimates {@code operation}'s cost, stopping once it is over {@code max} (then the result is
     * some value over {@code max}, not the full estimate).
     */
    static CostEstimate of(GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments,
            Map<String, Object> variables, int defaultListSize, long max) {
        CostEstimate estimate = new CostEstimate(schema, fragments, variables, defaultListSize, max);
        GraphQLObjectType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        try {
            estimate.selections(operation.getSelectionSet(), root, 1, 0);
        }
        catch (OverMaximum over) {
            estimate.complete = false;
        }
        return estimate;
    }

    /** The estimate (at least {@code max + 1} if the walk stopped early). */
    long cost() {
        return cost;
    }

    /** Whether the whole operation was estimated (else {@link #cost()} is a lower bound over max). */
    boolean complete() {
        return complete;
    }

    /** Whether the operation selects {@code __schema} or {@code __type} anywhere. */
    boolean introspects() {
        return introspects;
    }

    /**
     * @param parent the type the selections are made on, or null if unknown (then nothing below is
     *     typed and every field counts once per row)
     * @param pageSize when {@code parent} is a connection, the page size its field asked for, else 0
     */
    private void selections(SelectionSet set, GraphQLType parent, long multiplier, long pageSize) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            switch (selection) {
                case Field field -> field(field, parent, multiplier, pageSize);
                case InlineFragment inline -> selections(inline.getSelectionSet(),
                    inline.getTypeCondition() == null ? parent : schema.getType(inline.getTypeCondition().getName()),
                    multiplier, pageSize);
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null && expanding.add(fragment.getName())) {
                        selections(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()),
                            multiplier, pageSize);
                        expanding.remove(fragment.getName());
                    }
                }
                default -> {
                }
            }
        }
    }

    private void field(Field field, GraphQLType parent, long multiplier, long pageSize) {
        add(multiplier);
        String name = field.getName();
        if (name.equals("__schema") || name.equals("__type")) {
            introspects = true;
            return;
        }
        if (field.getSelectionSet() == null) {
            return;
        }
        GraphQLFieldDefinition definition = parent instanceof GraphQLFieldsContainer container
            ? container.getFieldDefinition(name) : null;
        if (definition == null) {
            selections(field.getSelectionSet(), null, multiplier, 0);
            return;
        }
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
        GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
        long below = multiplier;
        if (pageSize > 0 && (name.equals("edges") || name.equals("nodes"))) {
            below = times(multiplier, pageSize);
        }
        else if (type instanceof GraphQLList) {
            below = times(multiplier, defaultListSize);
        }
        long page = isConnection(named) ? pageSize(field) : 0;
        selections(field.getSelectionSet(), named, below, page);
    }

    /** A Relay connection: an object type with {@code edges} and {@code pageInfo}. */
    private static boolean isConnection(GraphQLNamedType type) {
        return type instanceof GraphQLObjectType object && object.getFieldDefinition("edges") != null
            && object.getFieldDefinition("pageInfo") != null;
    }

    /** {@code first} or {@code last} (the larger if both), else the default list size. */
    private long pageSize(Field field) {
        long size = 0;
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals("first") || argument.getName().equals("last")) {
                size = Math.max(size, intValue(argument.getValue()));
            }
        }
        return size > 0 ? size : defaultListSize;
    }

    private long intValue(Value<?> value) {
        if (value instanceof IntValue literal) {
            return literal.getValue().min(java.math.BigInteger.valueOf(Integer.MAX_VALUE)).max(java.math.BigInteger.ZERO)
                .longValue();
        }
        if (value instanceof VariableReference reference && variables.get(reference.getName()) instanceof Number number) {
            return Math.max(0, number.longValue());
        }
        return 0;
    }

    private long times(long multiplier, long factor) {
        long product = multiplier * factor;
        // Multipliers are at most max + 1 (see add), factors at most Integer.MAX_VALUE: no overflow.
        return Math.min(product, max + 1);
    }

    private void add(long amount) {
        cost += amount;
        if (cost > max) {
            throw new OverMaximum();
        }
    }

    /** Stops the walk once the estimate is over the maximum. */
    private static final class OverMaximum extends RuntimeException {

        OverMaximum() {
            super(null, null, false, false);
        }
    }
}
