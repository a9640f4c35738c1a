package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The keys each type's {@code groupBy} offers: its own fields, then the declared {@link GroupKeys}. */
@Component
public class Aggregations {

    private final Map<String, List<GroupKey>> extra = new HashMap<>();

    @Autowired
    public Aggregations(ObjectProvider<GroupKeys> keys) {
        this(keys.orderedStream().toList());
    }

    Aggregations(List<GroupKeys> declared) {
        for (GroupKeys group : declared) {
            List<GroupKey> keys = extra.computeIfAbsent(group.type().typeName(), t -> new ArrayList<>());
            for (GroupKey key : group.keys()) {
                if (group.type().field(key.name()).isPresent() || keys.stream().anyMatch(k -> k.name().equals(key.name()))) {
                    throw new IllegalStateException("Group key " + group.type() + "." + key.name() + " is declared twice");
                }
                keys.add(key);
            }
        }
    }

    /** Every group key of the type, own fields first. */
    public List<GroupKey> keys(NodeType<?> type) {
        List<GroupKey> keys = new ArrayList<>();
        type.fields().forEach(field -> keys.add(GroupKey.own(field)));
        keys.addAll(extra.getOrDefault(type.typeName(), List.of()));
        return keys;
    }

    /** The group key of this GraphQL name. */
    public Optional<GroupKey> find(NodeType<?> type, String name) {
        return keys(type).stream().filter(k -> k.name().equals(name)).findFirst();
    }

    static Aggregations none() {
        return new Aggregations(List.of());
    }
}
