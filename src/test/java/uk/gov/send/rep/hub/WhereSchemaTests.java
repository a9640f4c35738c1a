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
import uk.gov.send.rep.hub.child.ChildGraph;
import uk.gov.send.rep.hub.outcome.OutcomeGraph;
import uk.gov.send.rep.hub.partnership.PartnershipGraph;
import uk.gov.send.rep.hub.pilot.PilotGraph;
import uk.gov.send.rep.hub.plan.PlanGraph;
import uk.gov.send.rep.hub.query.Field;
import uk.gov.send.rep.hub.query.NodeType;
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
        PilotGraph.PILOT, OutcomeGraph.MEASURE, OutcomeGraph.OBSERVATION);

    @Test
    void shouldOfferExactlyTheDeclaredFieldsWithTheirKindsFilter() {
        TypeDefinitionRegistry registry = SchemaFiles.registry();
        for (NodeType<?> type : TYPES) {
            InputObjectTypeDefinition where = registry.getType(type.typeName() + "Where", InputObjectTypeDefinition.class)
                .orElseThrow(() -> new AssertionError("no input " + type.typeName() + "Where"));
            List<String> offered = new ArrayList<>();
            for (InputValueDefinition field : where.getInputValueDefinitions()) {
                if (List.of("AND", "OR", "NOT").contains(field.getName())) {
                    continue;
                }
                offered.add(field.getName());
                Field declared = type.field(field.getName()).orElseThrow(
                    () -> new AssertionError(type.typeName() + "Where." + field.getName() + " is not declared"));
                String filter = ((graphql.language.TypeName) field.getType()).getName();
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
        }
    }

    @Test
    void shouldOfferExactlyTheDeclaredFieldsForSorting() {
        TypeDefinitionRegistry registry = SchemaFiles.registry();
        for (NodeType<?> type : TYPES) {
            EnumTypeDefinition sortFields = registry.getType(type.typeName() + "SortField", EnumTypeDefinition.class)
                .orElseThrow(() -> new AssertionError("no enum " + type.typeName() + "SortField"));
            assertThat(sortFields.getEnumValueDefinitions()).extracting(EnumValueDefinition::getName).as(type.typeName())
                .containsExactlyElementsOf(type.fields().stream().map(Field::name).toList());
        }
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
