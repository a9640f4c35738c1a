package uk.gov.send.rep.hub.query;

import java.util.List;
import java.util.function.BinaryOperator;

import org.junit.jupiter.api.Test;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.renderer.Renderer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Logic} builds the same conditions as Cypher-DSL's own {@code and}/{@code or}, whatever the
 * operands (plain, compound with either operator, empty, nested): the same rendered text.
 */
class LogicTests {

    private static final Node N = Cypher.node("Thing").named("n");

    private static List<Condition> operands() {
        Condition a = N.property("a").isEqualTo(Cypher.parameter("a"));
        Condition b = N.property("b").gt(Cypher.parameter("b"));
        Condition c = N.property("c").isNull();
        return List.of(a, b.and(c), b.or(c), Cypher.noCondition(), Cypher.noCondition().and(a),
            Cypher.exists(N.relationshipTo(Cypher.node("Other"), "R")), Cypher.not(a), a.or(b.and(c)), a.and(b).or(c));
    }

    @Test
    void shouldBuildWhatConditionAndAndOrBuild() {
        check(Logic::and, Condition::and);
        check(Logic::or, Condition::or);
    }

    private static void check(BinaryOperator<Condition> logic, BinaryOperator<Condition> dsl) {
        int checked = 0;
        for (Condition left : operands()) {
            for (Condition right : operands()) {
                assertThat(render(logic.apply(left, right))).as("%s with %s", render(left), render(right))
                    .isEqualTo(render(dsl.apply(left, right)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(81);
    }

    private static String render(Condition condition) {
        return Renderer.getDefaultRenderer().render(Cypher.match(N).where(condition).returning(N).build());
    }
}
