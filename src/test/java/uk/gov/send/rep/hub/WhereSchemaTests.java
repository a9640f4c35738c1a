package uk.gov.send.rep.hub;

import java.util.ArrayList;
import java.util.List;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import uk.gov.send.rep.hub.area.AreaGraph;
import uk.gov.send.rep.hub.audit.AuditGraph;
import uk.gov.send.rep.hub.child.ChildGraph;
import uk.gov.send.rep.hub.outcome.OutcomeGraph;
import uk.gov.send.rep.hub.partnership.PartnershipGraph;
import uk.gov.send.rep.hub.pilot.PilotGraph;
import uk.gov.send.rep.hub.plan.PlanGraph;
import uk.gov.send.rep.hub.query.Field;
import uk.gov.send.rep.hub.query.NodeType;
import uk.gov.send.rep.hub.query.Relation;
import uk.gov.send.rep.hub.query.Relations;
import uk.gov.send.rep.hub.reform.ReformGraph;
import uk.gov.send.rep.hub.setting.SettingGraph;
import uk.gov.send.rep.hub.support.SchemaFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each {@code <Type>Where} input and {@code <Type>SortField} enum of the schema offers exactly the
 * fields its node type declares, with the filter input of the field's kind; every input field is
 * described.
 */
class WhereSchemaTests {

    private static final List<NodeType<?>> TYPES = List.of(AreaGraph.REGION, AreaGraph.LOCAL_AREA,
        PartnershipGraph.PARTNERSHIP, SettingGraph.SETTING, ChildGraph.CHILD, PlanGraph.PLAN, ReformGraph.REFORM,
        PilotGraph.PILOT, OutcomeGraph.MEASURE, OutcomeGraph.OBSERVATION, AuditGraph.AUDIT_EVENT);

    /** Every relationship field the features declare, from their configurations alone. */
    private static List<Relation<?, ?, ?>> declaredRelations() {
        try (var context = new org.springframework.context.annotation.AnnotationConfigApplicationContext(AreaGraph.class,
                PartnershipGraph.class, SettingGraph.class, ChildGraph.class, PlanGraph.class, ReformGraph.class,
                PilotGraph.class, OutcomeGraph.class)) {
            return context.getBeansOfType(Relations.class).values().stream().flatMap(r -> r.relations().stream()).toList();
        }
    }

    @Test
    void shouldOfferExactlyTheDeclaredFieldsWithTheirKindsFilter() {
        TypeDefinitionRegistry registry = SchemaFiles.registry();
        List<Relation<?, ?, ?>> relations = declaredRelations();
        for (NodeType<?> type : TYPES) {
            InputObjectTypeDefinition where = registry.getType(type.typeName() + "Where", InputObjectTypeDefinition.class)
                .orElseThrow(() -> new AssertionError("no input " + type.typeName() + "Where"));
            List<String> offered = new ArrayList<>();
            List<String> offeredRelations = new ArrayList<>();
            for (InputValueDefinition field : where.getInputValueDefinitions()) {
                if (List.of("AND", "OR", "NOT").contains(field.getName())) {
                    continue;
                }
                String filter = ((graphql.language.TypeName) field.getType()).getName();
                var relation = relations.stream()
                    .filter(r -> r.name().equals(type.typeName() + "." + field.getName())).findFirst();
                if (relation.isPresent()) {
                    String name = relation.get().field();
                    assertThat(filter).isEqualTo(relation.get().edgeFields().isEmpty()
                        ? relation.get().target().typeName() + "RelationFilter"
                        : type.typeName() + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Filter");
                    offeredRelations.add(relation.get().name());
                    continue;
                }
                offered.add(field.getName());
                Field declared = type.field(field.getName()).orElseThrow(
                    () -> new AssertionError(type.typeName() + "Where." + field.getName() + " is not declared"));
                switch (declared.kind()) {
                    case STRING -> assertThat(filter).isEqualTo("StringFilter");
                    case NUMBER -> assertThat(filter).isIn("IntFilter", "FloatFilter");
                    case DATE -> assertThat(filter).isEqualTo("DateFilter");
                    case BOOLEAN -> assertThat(filter).isEqualTo("BooleanFilter");
                    case ENUM -> assertThat(filter).endsWith("Filter").isNotIn("StringFilter", "IntFilter", "FloatFilter");
                }
            }
            assertThat(offered).as(type.typeName()).containsExactlyInAnyOrderElementsOf(
                type.fields().stream().map(Field::name).toList());
            assertThat(offeredRelations).as(type.typeName() + " relations").containsExactlyInAnyOrderElementsOf(
                relations.stream().filter(r -> r.parent().equals(type)).map(Relation::name).toList());
        }
    }

    @Test
    void shouldOfferExactlyTheDeclaredFieldsForSorting() {
        TypeDefinitionRegistry registry = SchemaFiles.registry();
        List<Relation<?, ?, ?>> relations = declaredRelations();
        for (NodeType<?> type : TYPES) {
            EnumTypeDefinition sortFields = registry.getType(type.typeName() + "SortField", EnumTypeDefinition.class)
                .orElseThrow(() -> new AssertionError("no enum " + type.typeName() + "SortField"));
            // The declared fields, then <field>Count for every relationship field that is a list or connection.
            List<String> expected = new ArrayList<>(type.fields().stream().map(Field::name).toList());
            relations.stream().filter(r -> r.parent().equals(type) && many(registry, type, r.field()))
                .forEach(r -> expected.add(r.field() + "Count"));
            assertThat(sortFields.getEnumValueDefinitions()).extracting(EnumValueDefinition::getName).as(type.typeName())
                .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** Whether the field is a list or a connection in the schema (type or its extensions). */
    private static boolean many(TypeDefinitionRegistry registry, NodeType<?> type, String field) {
        List<graphql.language.ObjectTypeDefinition> definitions = new ArrayList<>();
        registry.getType(type.typeName(), graphql.language.ObjectTypeDefinition.class).ifPresent(definitions::add);
        definitions.addAll(registry.objectTypeExtensions().getOrDefault(type.typeName(), List.of()));
        return definitions.stream().flatMap(d -> d.getFieldDefinitions().stream()).filter(f -> f.getName().equals(field))
            .map(f -> graphql.language.AstPrinter.printAst(f.getType()))
            .anyMatch(t -> t.startsWith("[") || t.contains("Connection"));
    }

    @Test
    void shouldDescribeEveryInputField() {
        List<String> undescribed = new ArrayList<>();
        for (InputObjectTypeDefinition input : SchemaFiles.registry().getTypes(InputObjectTypeDefinition.class)) {
            if (input.getDescription() == null) {
                undescribed.add(input.getName());
            }
            input.getInputValueDefinitions().stream().filter(f -> f.getDescription() == null)
                .forEach(f -> undescribed.add(input.getName() + "." + f.getName()));
        }
        assertThat(undescribed).isEmpty();
    }
}
