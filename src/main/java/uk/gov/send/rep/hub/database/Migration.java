package uk.gov.send.rep.hub.database;

import java.util.List;

/**
 * One versioned schema migration, read from a {@code V<NNN>__<description>.cypher} file.
 *
 * @param version the number after the {@code V}
 * @param description the words after {@code __}, underscores read as spaces
 * @param checksum SHA-256 (hex) of the statements, so edits to comments or blank lines do not count
 *     as changes
 * @param source the file it was read from
 * @param statements the Cypher statements, without their terminating {@code ;}
 */
public record Migration(int version, String description, String checksum, String source, List<String> statements) {

    public Migration {
        statements = List.copyOf(statements);
    }

    /** {@code V002 (query indexes)}, as messages name a migration. */
    public String label() {
        return "V%03d (%s)".formatted(version, description);
    }
}
