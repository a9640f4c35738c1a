package uk.gov.send.rep.hub.ingest;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The import command's arguments: files, kind, mappings, Spring properties left alone, mistakes named. */
class ImportArgumentsTests {

    @Test
    void shouldReadKindFilesMappingsAndLeaveSpringPropertiesAlone() {
        ImportArguments arguments = ImportArguments.parse(new String[] {"--kind", "ees", "a.csv", "--map", "pupils=M1",
            "--map=absence=M2", "b.csv", "--good-rows-only", "--spring.neo4j.uri=bolt://db:7687", "--hub.ingest.batch-size=5"});

        assertThat(arguments.groups()).singleElement().satisfies(group -> {
            assertThat(group.kind()).isEqualTo("ees");
            assertThat(group.files()).containsExactly(Path.of("a.csv"), Path.of("b.csv"));
            assertThat(group.options().goodRowsOnly()).isTrue();
            assertThat(group.options().mappings()).containsExactly(MeasureMapping.of("pupils", "M1"), MeasureMapping.of("absence", "M2"));
        });
    }

    @Test
    void shouldReadSeveralKindsInOrderEachWithItsOwnMappings() {
        ImportArguments arguments = ImportArguments.parse(new String[] {"--kind", "settings", "gias.csv", "--kind", "children",
            "census.csv", "--good-rows-only", "--kind", "ees", "ees.csv", "--map", "pupils=M1", "--kind", "children", "more.csv"});

        assertThat(arguments.groups()).extracting(ImportArguments.Group::kind).containsExactly("settings", "children", "ees", "children");
        assertThat(arguments.groups()).extracting(ImportArguments.Group::files).containsExactly(List.of(Path.of("gias.csv")),
            List.of(Path.of("census.csv")), List.of(Path.of("ees.csv")), List.of(Path.of("more.csv")));
        assertThat(arguments.groups()).allSatisfy(group -> assertThat(group.options().goodRowsOnly()).isTrue());
        assertThat(arguments.groups()).extracting(group -> group.options().mappings())
            .containsExactly(List.of(), List.of(), List.of(MeasureMapping.of("pupils", "M1")), List.of());
        // Files before the first --kind are of that kind, as with one kind.
        assertThat(ImportArguments.parse(new String[] {"a.csv", "--kind", "ees"}).groups()).singleElement()
            .satisfies(group -> assertThat(group.files()).containsExactly(Path.of("a.csv")));
    }

    @Test
    void shouldNameWhatIsWrong() {
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"a.csv"})).hasMessageStartingWith("--kind is required");
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"--kind", "ees"})).hasMessageStartingWith("no file to import");
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"--kind", "ees", "a.csv", "--map", "pupils"}))
            .hasMessage("--map pupils: expected COLUMN=MEASURE_CODE");
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"--kind", "ees", "a.csv", "--frobnicate", "x"}))
            .hasMessageStartingWith("Unknown argument '--frobnicate'");
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"--kind", "ees", "a.csv", "--mapping", "/nonexistent/m.csv"}))
            .isInstanceOf(ImportException.class).hasMessageContaining("/nonexistent/m.csv: no such readable file");
        assertThatThrownBy(() -> ImportArguments.parse(new String[] {"--kind", "ees", "a.csv", "--kind", "plans"}))
            .hasMessageStartingWith("no file after --kind plans");
        assertThat(List.of(ImportArguments.USAGE)).singleElement().asString().startsWith("import --kind KIND FILE...");
    }
}
