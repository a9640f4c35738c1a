package uk.gov.send.rep.hub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import uk.gov.send.rep.hub.area.AreaGraph;
import uk.gov.send.rep.hub.audit.AuditGraph;
import uk.gov.send.rep.hub.child.ChildGraph;
import uk.gov.send.rep.hub.outcome.OutcomeGraph;
import uk.gov.send.rep.hub.partnership.PartnershipGraph;
import uk.gov.send.rep.hub.pilot.PilotGraph;
import uk.gov.send.rep.hub.plan.PlanGraph;
import uk.gov.send.rep.hub.query.AggregateSpec;
import uk.gov.send.rep.hub.query.Field;
import uk.gov.send.rep.hub.query.GroupKey;
import uk.gov.send.rep.hub.query.GroupKeys;
import uk.gov.send.rep.hub.query.NodeType;
import uk.gov.send.rep.hub.reform.ReformGraph;
import uk.gov.send.rep.hub.setting.SettingGraph;
import uk.gov.send.rep.hub.support.SchemaFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate types of the schema ({@code <Type>Aggregate}, {@code <Type>Group},
 * {@code <Type>GroupKey}, {@code <Type>GroupValues}, {@code <Type>MinMax}, {@code <Type>AvgSum})
 * and every connection's {@code aggregate} and {@code groupBy} fields agree with the node types'
 * declarations: exactly the declared fields, with the types the node's own fields have.
 *
 * <p>Adding a type or field: run {@code main} (or this test with {@code -Dhub.print-sdl=Plan}) to
 * print the SDL these rules expect, and paste it into the feature's schema file.
 */
class AggregateSchemaTests {

    static final List<NodeType<?>> TYPES = List.of(AreaGraph.REGION, AreaGraph.LOCAL_AREA,
        PartnershipGraph.PARTNERSHIP, SettingGraph.SETTING, ChildGraph.CHILD, PlanGraph.PLAN, ReformGraph.REFORM,
        PilotGraph.PILOT, OutcomeGraph.MEASURE, OutcomeGraph.OBSERVATION, AuditGraph.AUDIT_EVENT);

    /** Group keys the features declare across relationships, from their configurations alone. */
    static Map<String, List<GroupKey>> declaredGroupKeys() {
        try (var context = new org.springframework.context.annotation.AnnotationConfigApplicationContext(AreaGraph.class,
                PartnershipGraph.class, SettingGraph.class, ChildGraph.class, PlanGraph.class, ReformGraph.class,
                PilotGraph.class, OutcomeGraph.class)) {
            Map<String, List<GroupKey>> keys = new LinkedHashMap<>();
            context.getBeansOfType(GroupKeys.class).values()
                .forEach(g -> keys.computeIfAbsent(g.type().typeName(), t -> new ArrayList<>()).addAll(g.keys()));
            return keys;
        }
    }

    @Test
    void shouldDeclareTheAggregateTypesOfEveryNodeType() {
        TypeDefinitionRegistry schema = SchemaFiles.registry();
        Map<String, List<GroupKey>> extra = declaredGroupKeys();
        List<String> mismatches = new ArrayList<>();
        for (NodeType<?> type : TYPES) {
            TypeDefinitionRegistry expected = new SchemaParser().parse(sdl(schema, type, extra.getOrDefault(type.typeName(), List.of())));
            for (TypeDefinition<?> definition : expected.types().values()) {
                String want = signature(definition);
                String have = schema.getType(definition.getName()).map(AggregateSchemaTests::signature).orElse("(missing)");
                if (!want.equals(have)) {
                    mismatches.add(definition.getName() + "\n  expected " + want + "\n  found    " + have);
                }
            }
            if (type.typeName().equals(System.getProperty("hub.print-sdl"))) {
                System.out.println(sdl(schema, type, extra.getOrDefault(type.typeName(), List.of())));
            }
        }
        assertThat(mismatches).as("schema types out of step with declarations (print expected SDL with -Dhub.print-sdl=<Type>)").isEmpty();
    }

    @Test
    void shouldOfferAggregateAndGroupByOnEveryConnection() {
        TypeDefinitionRegistry schema = SchemaFiles.registry();
        List<String> connections = new ArrayList<>();
        for (ObjectTypeDefinition connection : schema.getTypes(ObjectTypeDefinition.class)) {
            if (!connection.getName().endsWith("Connection")) {
                continue;
            }
            String node = nodeTypeOf(schema, connection);
            if (TYPES.stream().noneMatch(t -> t.typeName().equals(node))) {
                continue; // search hits (Searchable) are not rows of one type: no aggregates
            }
            connections.add(connection.getName());
            Map<String, String> fields = connection.getFieldDefinitions().stream()
                .collect(Collectors.toMap(FieldDefinition::getName, AggregateSchemaTests::fieldSignature));
            assertThat(fields.get("aggregate")).as(connection.getName() + ".aggregate").isEqualTo("aggregate: " + node + "Aggregate!");
            assertThat(fields.get("groupBy")).as(connection.getName() + ".groupBy")
                .isEqualTo("groupBy(by: [" + node + "GroupKey!]!, first: Int): [" + node + "Group!]!");
        }
        assertThat(connections).hasSizeGreaterThanOrEqualTo(16);
    }

    /** The type of {@code node} on the connection's edges. */
    private static String nodeTypeOf(TypeDefinitionRegistry schema, ObjectTypeDefinition connection) {
        FieldDefinition edges = connection.getFieldDefinitions().stream().filter(f -> f.getName().equals("edges"))
            .findFirst().orElseThrow();
        ObjectTypeDefinition edge = schema.getType(baseName(edges.getType()), ObjectTypeDefinition.class).orElseThrow();
        return baseName(edge.getFieldDefinitions().stream().filter(f -> f.getName().equals("node")).findFirst()
            .orElseThrow().getType());
    }

    /** The SDL the rules expect for one node type, with descriptions. */
    static String sdl(TypeDefinitionRegistry schema, NodeType<?> type, List<GroupKey> extraKeys) {
        String t = type.typeName();
        List<Field> minMax = type.fields().stream().filter(f -> AggregateSpec.aggregatable(f, true)).toList();
        List<Field> avgSum = type.fields().stream().filter(f -> AggregateSpec.aggregatable(f, false)).toList();
        List<GroupKey> keys = new ArrayList<>();
        type.fields().forEach(f -> keys.add(GroupKey.own(f)));
        keys.addAll(extraKeys);
        StringBuilder sdl = new StringBuilder();
        String functions = functions(t, minMax, avgSum);
        sdl.append("\"Count").append(minMax.isEmpty() ? "" : avgSum.isEmpty() ? ", minimum and maximum" : ", minimum, maximum, average and sum")
            .append(" over every ").append(t).append(" row matching the connection's `where` (not just the page), computed in the database.\"\n")
            .append("type ").append(t).append("Aggregate {\n").append(functions).append("}\n\n");
        sdl.append("\"").append(t).append(" rows sharing the values of the `groupBy` keys, with their aggregates.\"\n")
            .append("type ").append(t).append("Group {\n")
            .append("    \"The group's values of the `by` keys; keys not grouped by are null.\"\n")
            .append("    key: ").append(t).append("GroupValues!\n").append(functions).append("}\n\n");
        sdl.append("\"Keys ").append(t).append(" rows can be grouped by.\"\n").append("enum ").append(t).append("GroupKey {\n");
        keys.forEach(k -> sdl.append("    \"").append(keyDescription(k)).append("\"\n    ").append(k.name()).append("\n"));
        sdl.append("}\n\n");
        sdl.append("\"The values of a ").append(t).append(" group's keys.\"\n").append("type ").append(t).append("GroupValues {\n");
        keys.forEach(k -> sdl.append("    \"").append(keyDescription(k)).append("\"\n    ").append(k.name()).append(": ")
            .append(fieldType(schema, k.via() == null ? type : k.via().target(), k.field())).append("\n"));
        sdl.append("}\n");
        if (!minMax.isEmpty()) {
            sdl.append("\n\"The smallest or largest value of each numeric or date field of ").append(t)
                .append("; null when no row has a value.\"\n").append("type ").append(t).append("MinMax {\n");
            minMax.forEach(f -> sdl.append("    \"Of `").append(f.name()).append("`.\"\n    ").append(f.name()).append(": ")
                .append(fieldType(schema, type, f)).append("\n"));
            sdl.append("}\n");
        }
        if (!avgSum.isEmpty()) {
            sdl.append("\n\"The mean or total of each numeric field of ").append(t)
                .append(", over the rows that have a value; null when none has.\"\n").append("type ").append(t).append("AvgSum {\n");
            avgSum.forEach(f -> sdl.append("    \"Of `").append(f.name()).append("`.\"\n    ").append(f.name()).append(": Float\n"));
            sdl.append("}\n");
        }
        return sdl.toString();
    }

    private static String functions(String t, List<Field> minMax, List<Field> avgSum) {
        StringBuilder sdl = new StringBuilder("    \"Rows, or `c` when suppressed (see `suppressed`).\"\n    count: Count!\n");
        sdl.append("    \"Why the figures are withheld (disclosure control), or null when they are shown.\"\n")
            .append("    suppressed: Suppression\n");
        if (!minMax.isEmpty()) {
            sdl.append("    \"Smallest value of each numeric or date field; null when disclosure-controlled.\"\n    min: ").append(t).append("MinMax\n");
            sdl.append("    \"Largest value of each numeric or date field; null when disclosure-controlled.\"\n    max: ").append(t).append("MinMax\n");
        }
        if (!avgSum.isEmpty()) {
            sdl.append("    \"Mean of each numeric field, over the rows that have a value; null when suppressed.\"\n    avg: ").append(t).append("AvgSum\n");
            sdl.append("    \"Total of each numeric field; null when suppressed.\"\n    sum: ").append(t).append("AvgSum\n");
        }
        return sdl.toString();
    }

    private static String keyDescription(GroupKey key) {
        return key.via() == null ? "By `" + key.name() + "`."
            : "By the `" + key.field().name() + "` of the related `" + key.via().field() + "` (" + key.via().target().typeName() + ").";
    }

    /** The SDL type of a node type's field, nullable. */
    private static String fieldType(TypeDefinitionRegistry schema, NodeType<?> type, Field field) {
        ObjectTypeDefinition object = schema.getType(type.typeName(), ObjectTypeDefinition.class).orElseThrow();
        // A filterable field the type does not render (Observation.key) takes its kind's scalar.
        return object.getFieldDefinitions().stream().filter(f -> f.getName().equals(field.name())).findFirst()
            .map(definition -> baseName(definition.getType()))
            .orElseGet(() -> switch (field.kind()) {
                case STRING -> "String";
                case NUMBER -> "Float";
                case DATE -> "Date";
                case BOOLEAN -> "Boolean";
                case ENUM -> throw new AssertionError(type.typeName() + " has no field " + field.name());
            });
    }

    private static String baseName(Type<?> type) {
        return switch (type) {
            case NonNullType nonNull -> baseName(nonNull.getType());
            case ListType list -> baseName(list.getType());
            case TypeName name -> name.getName();
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    /** A definition without its descriptions: fields with arguments and types, or enum values. */
    private static String signature(TypeDefinition<?> definition) {
        return switch (definition) {
            case ObjectTypeDefinition object -> "type " + object.getName() + " { "
                + object.getFieldDefinitions().stream().map(AggregateSchemaTests::fieldSignature).collect(Collectors.joining(", ")) + " }";
            case EnumTypeDefinition enumeration -> "enum " + enumeration.getName() + " { "
                + enumeration.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).collect(Collectors.joining(", ")) + " }";
            default -> definition.getClass().getSimpleName() + " " + definition.getName();
        };
    }

    private static String fieldSignature(FieldDefinition field) {
        String arguments = field.getInputValueDefinitions().isEmpty() ? "" : field.getInputValueDefinitions().stream()
            .map(a -> a.getName() + ": " + AstPrinter.printAst(a.getType())).collect(Collectors.joining(", ", "(", ")"));
        return field.getName() + arguments + ": " + AstPrinter.printAst(field.getType());
    }

    /** Prints the expected SDL of every node type (or of the types named as arguments). */
    public static void main(String[] args) {
        TypeDefinitionRegistry schema = SchemaFiles.registry();
        Map<String, List<GroupKey>> extra = declaredGroupKeys();
        for (NodeType<?> type : TYPES) {
            if (args.length == 0 || List.of(args).contains(type.typeName())) {
                System.out.println("# ---- " + type.typeName());
                System.out.println(sdl(schema, type, extra.getOrDefault(type.typeName(), List.of())));
            }
        }
    }
}
