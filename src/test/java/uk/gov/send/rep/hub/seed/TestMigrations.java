package uk.gov.send.rep.hub.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

import org.neo4j.driver.Driver;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Applies the statements of {@code classpath:db/migration/*.cypher} (idempotent: IF NOT EXISTS),
 * so that seed tests run with the constraints the database feature applies at start-up.
 */
final class TestMigrations {

    private TestMigrations() {
    }

    static void apply(Driver driver) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.cypher");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                String text = file.getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^\\s*//.*$", "");
                for (String statement : text.split(";")) {
                    if (!statement.isBlank()) {
                        driver.executableQuery(statement.strip()).execute();
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
