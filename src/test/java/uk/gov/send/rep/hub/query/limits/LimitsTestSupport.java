package uk.gov.send.rep.hub.query.limits;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import uk.gov.send.rep.hub.support.SchemaFiles;

/** The hub's schema and default limits, for the limits' unit tests (no Spring, no database). */
final class LimitsTestSupport {

    static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(SchemaFiles.registry());

    private LimitsTestSupport() {
    }

    /** The defaults of application.yml (the record's own defaults are the same; a test pins that). */
    static LimitsProperties defaults() {
        return new LimitsProperties(15, 30, 20, 1, 300, 5000, 20000, 50000, 10, 1, 262144, 600, Duration.ofSeconds(10), "1g",
            LimitsProperties.Introspection.ANYONE);
    }

    static CostEstimate cost(String document, Map<String, Object> variables, LimitsProperties limits) {
        Document parsed = Parser.parse(document);
        Map<String, FragmentDefinition> fragments = parsed.getDefinitionsOfType(FragmentDefinition.class).stream()
            .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity()));
        OperationDefinition operation = parsed.getDefinitionsOfType(OperationDefinition.class).getFirst();
        return CostEstimate.of(SCHEMA, operation, fragments, variables, limits.defaultListSize(), limits.maxCost());
    }
}
