package uk.gov.send.rep.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.language.AstPrinter;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import uk.gov.send.rep.hub.support.SchemaFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connection field, root or nested, pages the same way: nullable {@code first},
 * {@code after}, {@code last} and {@code before}, whose descriptions state the rule that exactly
 * one of {@code first} and {@code last} is required.
 */
class PagingSchemaTests {

    private static final Map<String, String> PAGING = Map.of("first", "Int", "after", "String", "last", "Int",
        "before", "String");

    @Test
    void shouldOfferFirstAfterLastAndBeforeOnEveryConnection() {
        TypeDefinitionRegistry registry = SchemaFiles.registry();
        List<ObjectTypeDefinition> types = new ArrayList<>(registry.getTypes(ObjectTypeDefinition.class));
        registry.objectTypeExtensions().values().forEach(types::addAll);
        int connections = 0;
        for (ObjectTypeDefinition type : types) {
            for (FieldDefinition field : type.getFieldDefinitions()) {
                if (!(field.getType() instanceof NonNullType nonNull) || !(nonNull.getType() instanceof TypeName name)
                        || !name.getName().endsWith("Connection")) {
                    continue;
                }
                if (name.getName().equals("SearchConnection")) {
                    continue; // ranked by relevance: forward paging only (first/after), see docs/adr/0007
                }
                connections++;
                String at = type.getName() + "." + field.getName();
                Map<String, InputValueDefinition> arguments = new java.util.HashMap<>();
                field.getInputValueDefinitions().forEach(a -> arguments.put(a.getName(), a));
                PAGING.forEach((argument, typeName) -> {
                    assertThat(arguments).as(at).containsKey(argument);
                    assertThat(AstPrinter.printAst(arguments.get(argument).getType())).as(at + "(" + argument + ")")
                        .isEqualTo(typeName);
                });
                for (String size : List.of("first", "last")) {
                    assertThat(arguments.get(size).getDescription().getContent()).as(at + "(" + size + ")")
                        .contains("Exactly one of `first` and `last` is required").contains("0 to 100");
                }
            }
        }
        assertThat(connections).isEqualTo(26);
    }
}
