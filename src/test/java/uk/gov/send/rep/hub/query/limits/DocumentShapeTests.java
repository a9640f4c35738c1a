package uk.gov.send.rep.hub.query.limits;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Depth, aliases, directives and fields, counted with fragments expanded, before validation. */
class DocumentShapeTests {

    private final DocumentShape shape = new DocumentShape(LimitsTestSupport.defaults());

    private void check(String document) {
        shape.check(Parser.parse(document));
    }

    private static String nested(int depth) {
        return "{ " + "a { ".repeat(depth - 1) + "b" + " }".repeat(depth - 1) + " }";
    }

    @Test
    void shouldMeasureDepthWithFragmentsExpanded() {
        assertThatCode(() -> check(nested(15))).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(nested(16))).isInstanceOf(LimitExceededException.class)
            .hasMessage("query depth 16 exceeds hub.graphql.limits.max-depth 15");
        // Depth 8 in the operation plus 8 in a fragment.
        String hidden = "{ " + "a { ".repeat(8) + "...F" + " }".repeat(8) + " } fragment F on T { " + "a { ".repeat(7)
            + "b" + " }".repeat(7) + " }";
        assertThatThrownBy(() -> check(hidden)).hasMessage("query depth 16 exceeds hub.graphql.limits.max-depth 15");
    }

    @Test
    void shouldCountAliasesFieldsAndDirectivesPerOperation() {
        String aliases = IntStream.rangeClosed(1, 31).mapToObj(i -> "a" + i + ": code").collect(Collectors.joining(" ", "{ ", " }"));
        assertThatThrownBy(() -> check(aliases)).hasMessage("alias count 31 exceeds hub.graphql.limits.max-aliases 30")
            .satisfies(thrown -> assertThat(((LimitExceededException) thrown).error().getExtensions())
                .containsEntry("limit", "max-aliases").containsEntry("max", 30).containsEntry("actual", 31));
        assertThatThrownBy(() -> check("{ x {" + " code".repeat(300) + " } }"))
            .hasMessage("field count 301 exceeds hub.graphql.limits.max-fields 300");
        String directives = IntStream.rangeClosed(1, 21).mapToObj(i -> "f" + i + " @skip(if: false)")
            .collect(Collectors.joining(" ", "{ ", " }"));
        assertThatThrownBy(() -> check(directives)).hasMessage("directive count 21 exceeds hub.graphql.limits.max-directives 20");
        assertThatThrownBy(() -> check("{ code @include(if: true) @include(if: true) @include(if: true) }"))
            .hasMessage("repeats of @include on field code 3 exceeds hub.graphql.limits.max-directive-repeats 1");
    }

    @Test
    void shouldCountAFragmentEachTimeItIsSpread() {
        // 4 spreads of 80 fields: 320 fields.
        String spreads = "{ a { ...F } b { ...F } c { ...F } d { ...F } } fragment F on T {" + " x".repeat(80) + " }";
        assertThatThrownBy(() -> check(spreads)).hasMessage("field count 324 exceeds hub.graphql.limits.max-fields 300");
    }

    @Test
    void shouldCheckEveryOperationOfACachedDocument() {
        String two = "query Small { a } query Deep " + nested(16);
        assertThatThrownBy(() -> check(two)).hasMessageContaining("max-depth");
    }

    @Test
    void shouldStopExpandingFragmentsThatDoubleAtEveryLevel() {
        // 2^30 fields once expanded: refused after a bounded walk.
        StringBuilder document = new StringBuilder("{ ...F0 }");
        for (int level = 0; level < 30; level++) {
            document.append(" fragment F").append(level).append(" on T { a: x { ...F").append(level + 1)
                .append(" } b: x { ...F").append(level + 1).append(" } }");
        }
        document.append(" fragment F30 on T { y }");
        long started = System.nanoTime();
        assertThatThrownBy(() -> check(document.toString())).isInstanceOf(LimitExceededException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shouldNotHangOnFragmentCyclesWhichValidationRejectsLater() {
        assertThatCode(() -> check("{ ...A } fragment A on T { a ...B } fragment B on T { b ...A }"))
            .doesNotThrowAnyException();
        assertThatCode(() -> check("{ ...Self } fragment Self on T { x { ...Self } }")).doesNotThrowAnyException();
    }
}
