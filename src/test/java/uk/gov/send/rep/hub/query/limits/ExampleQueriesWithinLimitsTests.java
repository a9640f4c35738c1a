package uk.gov.send.rep.hub.query.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.introspection.IntrospectionQuery;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every query the hub shows its users (the README's and GraphiQL's example tabs) and GraphiQL's
 * own introspection query stay within the default limits, with room to spare: the defaults must
 * never refuse what the hub itself teaches.
 */
class ExampleQueriesWithinLimitsTests {

    static Map<String, String> examples() throws IOException {
        Map<String, String> documents = new LinkedHashMap<>();
        Matcher block = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL)
            .matcher(Files.readString(Path.of("README.md")));
        for (int index = 1; block.find(); index++) {
            documents.put("README #" + index, block.group(1));
        }
        for (Resource example : new PathMatchingResourcePatternResolver().getResources("classpath:graphiql/examples/*.graphql")) {
            documents.put(example.getFilename(), example.getContentAsString(StandardCharsets.UTF_8));
        }
        return documents;
    }

    @Test
    void shouldLetEveryExampleQueryThrough() throws IOException {
        LimitsProperties limits = LimitsTestSupport.defaults();
        Map<String, String> documents = examples();
        assertThat(documents).hasSizeGreaterThanOrEqualTo(15);
        documents.forEach((name, document) -> {
            assertThatCode(() -> new DocumentShape(limits).check(Parser.parse(document))).as(name).doesNotThrowAnyException();
            CostEstimate cost = LimitsTestSupport.cost(document, Map.of(), limits);
            System.out.printf("limits: %-45s cost %6d, %5d characters%n", name, cost.cost(), document.length());
            assertThat(cost.complete()).as(name).isTrue();
            // At most half the limit: a user adding a few fields to an example must not hit it.
            assertThat(cost.cost()).as(name + " cost").isLessThanOrEqualTo(limits.maxCost() / 2);
            assertThat(document.length()).as(name).isLessThan(limits.maxCharacters() / 4);
        });
    }

    @Test
    void shouldLetGraphiqlIntrospectTheSchema() {
        LimitsProperties limits = LimitsTestSupport.defaults();
        String introspection = IntrospectionQuery.INTROSPECTION_QUERY;
        assertThatCode(() -> new DocumentShape(limits).check(Parser.parse(introspection))).doesNotThrowAnyException();
        CostEstimate cost = LimitsTestSupport.cost(introspection, Map.of(), limits);
        assertThat(cost.introspects()).isTrue();
        assertThat(cost.cost()).isLessThan(limits.maxCost());
    }
}
