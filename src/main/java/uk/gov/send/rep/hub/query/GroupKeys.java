package uk.gov.send.rep.hub.query;

import java.util.List;

/**
 * Group keys of a type beyond its own fields, contributed as a bean by the feature that owns the
 * relationships they follow.
 */
public record GroupKeys(NodeType<?> type, List<GroupKey> keys) {

    public GroupKeys {
        keys = List.copyOf(keys);
    }

    public static GroupKeys of(NodeType<?> type, GroupKey... keys) {
        return new GroupKeys(type, List.of(keys));
    }
}
