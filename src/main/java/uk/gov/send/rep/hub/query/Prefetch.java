package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;

/**
 * A to-one relationship field selected under a row (a setting's {@code area}, the area's
 * {@code region}), read in the same statement as the row instead of one more round trip: the
 * row's projection gets {@code __area: head([(n)-[:IN_AREA]->(t:LocalArea) | t{.*, __region: ...}])}
 * and the value is put in the request's DataLoader cache under the key the field's own fetcher
 * will ask for, so the fetcher finds it there. To-one relations only ({@link Relation#toOne()}):
 * they add at most one row's worth per row, so folding them in can never multiply a statement's
 * size.
 *
 * @param relation the to-one relation
 * @param nested to-one fields selected under its target, read in the same statement
 */
record Prefetch(Relation<?, ?, ?> relation, List<Prefetch> nested) {

    /** Columns of the row's map that hold prefetched nodes; no declared property starts with it. */
    static final String PREFIX = "__";

    /** The key of the row's map that holds the related node (or null when there is none). */
    String column() {
        return PREFIX + relation.field();
    }

    /** The to-one fields selected under the rows of a connection field: {@code edges/node/*}. */
    static List<Prefetch> ofConnection(DataFetchingEnvironment env, NodeType<?> type, RelationIndex relations) {
        return of(type, env.getSelectionSet().getFields("edges/node/*"), relations);
    }

    /** The to-one fields selected under the nodes of a list of edges: {@code node/*}. */
    static List<Prefetch> ofListOfEdges(DataFetchingEnvironment env, NodeType<?> type, RelationIndex relations) {
        return of(type, env.getSelectionSet().getFields("node/*"), relations);
    }

    /** The to-one fields selected directly under a field returning the type (or a list of it). */
    static List<Prefetch> ofNode(DataFetchingEnvironment env, NodeType<?> type, RelationIndex relations) {
        return of(type, env.getSelectionSet().getImmediateFields(), relations);
    }

    /**
     * The to-one relations of {@code type} among {@code fields} (one per relation however many
     * aliases select it; their sub-selections merged), each with its own nested prefetches.
     */
    static List<Prefetch> of(NodeType<?> type, List<SelectedField> fields, RelationIndex relations) {
        Map<Relation<?, ?, ?>, List<SelectedField>> selected = new LinkedHashMap<>();
        for (SelectedField field : fields) {
            if (!field.getObjectTypeNames().contains(type.typeName())) {
                continue;
            }
            relations.find(type, field.getName()).filter(Relation::toOne)
                .ifPresent(relation -> selected.computeIfAbsent(relation, r -> new ArrayList<>()).add(field));
        }
        List<Prefetch> prefetches = new ArrayList<>(selected.size());
        selected.forEach((relation, under) -> {
            List<SelectedField> subFields = new ArrayList<>();
            under.forEach(field -> subFields.addAll(field.getSelectionSet().getImmediateFields()));
            prefetches.add(new Prefetch(relation, of(relation.target(), subFields, relations)));
        });
        return List.copyOf(prefetches);
    }
}
