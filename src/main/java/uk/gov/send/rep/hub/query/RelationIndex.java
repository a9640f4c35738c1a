package uk.gov.send.rep.hub.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Every declared relationship field by its GraphQL coordinate, e.g. {@code LocalArea.settings}. */
@Component
public class RelationIndex {

    private final Map<String, Relation<?, ?, ?>> byName = new HashMap<>();

    @Autowired
    public RelationIndex(ObjectProvider<Relations> relations) {
        this(relations.orderedStream().toList());
    }

    RelationIndex(List<Relations> relations) {
        relations.forEach(group -> group.relations().forEach(relation -> {
            if (byName.put(relation.name(), relation) != null) {
                throw new IllegalStateException("Relation " + relation.name() + " is declared twice");
            }
        }));
    }

    /** The relationship field {@code field} of {@code type}, if declared. */
    public Optional<Relation<?, ?, ?>> find(NodeType<?> type, String field) {
        return Optional.ofNullable(byName.get(type.typeName() + "." + field));
    }

    /** No relationship fields; one instance, so that it is the same part of every statement shape ({@link Shapes}). */
    static RelationIndex none() {
        return NONE;
    }

    private static final RelationIndex NONE = new RelationIndex(List.of());
}
