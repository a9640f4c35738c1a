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

        assertThat(arguments.kind()).isEqualTo("ees");
        assertThat(arguments.files()).containsExactly(Path.of("a.csv"), Path.of("b.csv"));
        assertThat(arguments.options().goodRowsOnly()).isTrue();
        assertThat(arguments.options().mappings()).containsExactly(MeasureMapping.of("pupils", "M1"), MeasureMapping.of("absence", "M2"));
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
        assertThat(List.of(ImportArguments.USAGE)).singleElement().asString().startsWith("import --kind KIND FILE...");
    }
}
