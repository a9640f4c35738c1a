package uk.gov.send.rep.hub;

import java.util.ArrayList;
import java.util.List;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import uk.gov.send.rep.hub.support.SchemaFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema is the contract: every type, field, argument and enum value says what it is. */
class SchemaDescriptionTests {

    @Test
    void shouldDescribeEveryTypeFieldArgumentAndEnumValue() {
        TypeDefinitionRegistry registry = SchemaFiles.registry();
        List<String> undescribed = new ArrayList<>();
        List<TypeDefinition<?>> types = new ArrayList<>();
        registry.types().values().forEach(types::add);
        registry.objectTypeExtensions().values().forEach(types::addAll);
        for (TypeDefinition<?> type : types) {
            boolean extension = type instanceof ObjectTypeExtensionDefinition;
            Description description = type instanceof graphql.language.AbstractDescribedNode<?> described
                ? described.getDescription() : null;
            if (!extension && !"Query".equals(type.getName()) && missing(description)) {
                undescribed.add(type.getName());
            }
            List<FieldDefinition> fields = switch (type) {
                case ObjectTypeDefinition object -> object.getFieldDefinitions();
                case InterfaceTypeDefinition iface -> iface.getFieldDefinitions();
                default -> List.of();
            };
            for (FieldDefinition field : fields) {
                if (missing(field.getDescription())) {
                    undescribed.add(type.getName() + "." + field.getName());
                }
                for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                    if (missing(argument.getDescription())) {
                        undescribed.add(type.getName() + "." + field.getName() + "(" + argument.getName() + ")");
                    }
                }
            }
            if (type instanceof EnumTypeDefinition enumType) {
                enumType.getEnumValueDefinitions().stream().filter(v -> missing(v.getDescription()))
                    .forEach(v -> undescribed.add(type.getName() + "." + v.getName()));
            }
        }
        registry.scalars().values().stream().filter(s -> !isBuiltIn(s)).filter(s -> missing(s.getDescription()))
            .forEach(s -> undescribed.add(s.getName()));
        assertThat(types).hasSizeGreaterThan(30);
        assertThat(undescribed).isEmpty();
    }

    private static boolean missing(Description description) {
        return description == null || description.getContent().isBlank();
    }

    private static boolean isBuiltIn(ScalarTypeDefinition scalar) {
        return List.of("Int", "Float", "String", "Boolean", "ID").contains(scalar.getName());
    }
}
