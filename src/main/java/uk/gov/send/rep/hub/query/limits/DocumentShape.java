package uk.gov.send.rep.hub.query.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Checks the shape of every operation of a document against the depth, alias, directive (in all
 * and repeated at one location) and field limits, with fragments and inline fragments expanded where they are used (nesting hidden in
 * fragments counts in full). Runs on the parsed document before graphql-java validates it, so
 * that a document of thousands of fields is refused before validation's own work on it; hence it
 * guards itself: a fragment already being expanded on the current path (a cycle, which validation
 * would reject) is not expanded again, an unknown fragment is skipped, and the walk stops at the
 * depth limit or after ten times the field limit's fields, so its work is bounded by the limits,
 * never by the expanded size.
 */
final class DocumentShape {

    private final LimitsProperties limits;

    DocumentShape(LimitsProperties limits) {
        this.limits = limits;
    }

    /**
     * Checks each operation of {@code document} (a cached document may later run any of them).
     * @throws LimitExceededException at the first limit exceeded
     */
    void check(Document document) {
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
            .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (first, second) -> first));
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                Walk walk = new Walk(fragments);
                walk.directives(operation.getDirectives(), "operation", operation.getName());
                boolean complete = true;
                try {
                    walk.selections(operation.getSelectionSet(), 0);
                }
                catch (WalkBudgetSpent spent) {
                    complete = false;
                }
                over(walk.fields, limits.maxFields(), complete, "field count", "max-fields");
                over(walk.aliases, limits.maxAliases(), complete, "alias count", "max-aliases");
                over(walk.directives, limits.maxDirectives(), complete, "directive count", "max-directives");
            }
        }
    }

    /**
     * Fields visited before a walk gives up counting: ten times the field limit. A document whose
     * fragments expand to more (they can double at each level) is over the limit anyway.
     */
    private int budget() {
        return limits.maxFields() * 10;
    }

    private static void over(int count, int max, boolean complete, String what, String limit) {
        if (count > max) {
            throw new LimitExceededException(what, limit, max, complete ? count : "more than " + count);
        }
    }

    /** Thrown when a walk has visited {@link #budget()} fields. */
    private static final class WalkBudgetSpent extends RuntimeException {

        WalkBudgetSpent() {
            super(null, null, false, false);
        }
    }

    /** The counts of one operation. */
    private final class Walk {

        private final Map<String, FragmentDefinition> fragments;
        private final Set<String> expanding = new HashSet<>();
        private int fields;
        private int aliases;
        private int directives;

        Walk(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        void selections(SelectionSet set, int depth) {
            if (set == null) {
                return;
            }
            for (Selection<?> selection : set.getSelections()) {
                switch (selection) {
                    case Field field -> field(field, depth + 1);
                    case InlineFragment inline -> {
                        directives(inline.getDirectives(), "inline fragment", null);
                        selections(inline.getSelectionSet(), depth);
                    }
                    case FragmentSpread spread -> {
                        directives(spread.getDirectives(), "fragment spread", spread.getName());
                        FragmentDefinition fragment = fragments.get(spread.getName());
                        if (fragment != null && expanding.add(fragment.getName())) {
                            directives(fragment.getDirectives(), "fragment", fragment.getName());
                            selections(fragment.getSelectionSet(), depth);
                            expanding.remove(fragment.getName());
                        }
                    }
                    default -> {
                    }
                }
            }
        }

        private void field(Field field, int depth) {
            if (depth > limits.maxDepth()) {
                throw new LimitExceededException("query depth", "max-depth", limits.maxDepth(), depth(field, depth));
            }
            if (++fields > budget()) {
                throw new WalkBudgetSpent();
            }
            if (field.getAlias() != null) {
                aliases++;
            }
            directives(field.getDirectives(), "field", field.getName());
            selections(field.getSelectionSet(), depth);
        }

        /**
         * Counts a location's directives; one directive repeated there more than
         * {@code max-directive-repeats} times is refused at once.
         */
        void directives(List<Directive> used, String kind, String name) {
            if (used.isEmpty()) {
                return;
            }
            directives += used.size();
            if (used.size() > limits.maxDirectiveRepeats()) {
                Map<String, Integer> times = new HashMap<>();
                for (Directive directive : used) {
                    int repeats = times.merge(directive.getName(), 1, Integer::sum);
                    if (repeats > limits.maxDirectiveRepeats()) {
                        long all = used.stream().filter(same -> same.getName().equals(directive.getName())).count();
                        throw new LimitExceededException("repeats of @" + directive.getName() + " on " + kind
                            + (name != null ? " " + name : ""),
                            "max-directive-repeats", limits.maxDirectiveRepeats(), all);
                    }
                }
            }
        }

        /**
         * The depth the operation reaches below {@code field} (at {@code depth}), measured only
         * for the message: at most the field limit's worth of fields, cycles cut as above.
         */
        private int depth(Field field, int depth) {
            return depth + below(field.getSelectionSet(), new HashSet<>(expanding), new int[] { limits.maxFields() });
        }

        private int below(SelectionSet set, Set<String> path, int[] budget) {
            int deepest = 0;
            if (set == null || budget[0]-- <= 0) {
                return 0;
            }
            for (Selection<?> selection : set.getSelections()) {
                int reached = switch (selection) {
                    case Field child -> child.getSelectionSet() == null ? 1 : 1 + below(child.getSelectionSet(), path, budget);
                    case InlineFragment inline -> below(inline.getSelectionSet(), path, budget);
                    case FragmentSpread spread -> {
                        FragmentDefinition fragment = fragments.get(spread.getName());
                        if (fragment == null || !path.add(fragment.getName())) {
                            yield 0;
                        }
                        int inFragment = below(fragment.getSelectionSet(), path, budget);
                        path.remove(fragment.getName());
                        yield inFragment;
                    }
                    default -> 0;
                };
                deepest = Math.max(deepest, reached);
            }
            return deepest;
        }
    }
}
