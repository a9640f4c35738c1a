package uk.gov.send.rep.hub.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.query.GlobalId;
import uk.gov.send.rep.hub.query.GraphReader;
import uk.gov.send.rep.hub.query.InvalidArgumentException;
import uk.gov.send.rep.hub.query.NodeType;
import uk.gov.send.rep.hub.query.QueryProperties;

/**
 * {@code node(id:)} and {@code nodes(ids:)}: decodes global ids and loads them with one statement
 * per type named, whatever the number of ids. The object's record class name is its GraphQL type,
 * which is how the {@code Node} interface resolves.
 */
@Controller
class NodeController {

    private final GraphReader reader;
    private final Map<String, NodeType<?>> types;
    private final QueryProperties limits;

    NodeController(GraphReader reader, List<NodeType<?>> types, QueryProperties limits) {
        this.reader = reader;
        this.types = types.stream().collect(Collectors.toUnmodifiableMap(NodeType::typeName, Function.identity()));
        this.limits = limits;
    }

    @QueryMapping
    Object node(@Argument String id, DataFetchingEnvironment env) {
        return nodes(List.of(id), env).getFirst();
    }

    @QueryMapping
    List<Object> nodes(@Argument List<String> ids, DataFetchingEnvironment env) {
        if (ids.size() > limits.maxPageSize()) {
            throw new InvalidArgumentException("ids", "at most " + limits.maxPageSize() + " ids, was " + ids.size());
        }
        List<GlobalId> decoded = ids.stream().map(GlobalId::decode).toList();
        Map<String, List<String>> keysByType = new LinkedHashMap<>();
        for (GlobalId id : decoded) {
            if (!types.containsKey(id.typeName())) {
                throw new InvalidArgumentException("id", "'" + id.encoded() + "' names no type of this hub");
            }
            keysByType.computeIfAbsent(id.typeName(), t -> new ArrayList<>()).add(id.key());
        }
        Map<String, Map<Object, ?>> found = new LinkedHashMap<>();
        keysByType.forEach((type, keys) -> found.put(type, reader.findAllBy(env, types.get(type), types.get(type).keyProperty(), keys)));
        List<Object> result = new ArrayList<>(decoded.size());
        for (GlobalId id : decoded) {
            result.add(found.get(id.typeName()).get(id.key()));
        }
        return result;
    }
}
