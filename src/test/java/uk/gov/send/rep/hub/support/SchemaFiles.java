package uk.gov.send.rep.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/** The GraphQL contract as written in {@code schema/*.graphqls}, parsed for tests that read it. */
public final class SchemaFiles {

    private SchemaFiles() {
    }

    public static TypeDefinitionRegistry registry() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return registry;
    }
}
