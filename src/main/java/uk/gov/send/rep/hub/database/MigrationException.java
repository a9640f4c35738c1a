package uk.gov.send.rep.hub.database;

/**
 * A schema migration cannot be read or applied, or an applied one has been edited since. The
 * message says which migration and what is wrong; {@link #action()} what to do about it.
 */
public final class MigrationException extends RuntimeException {

    private final String action;

    MigrationException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }

    static MigrationException checksumChanged(Migration migration, String recordedChecksum) {
        return new MigrationException(
            "Migration " + migration.label() + " was changed after it was applied to this database: "
                + migration.source() + " now has checksum " + migration.checksum() + " but the database recorded "
                + recordedChecksum + ".",
            "Applied migrations must not be edited. Restore " + migration.source()
                + " as it was and make the change in a new migration with a higher version (V<NNN>__<description>.cypher).",
            null);
    }

    static MigrationException statementFailed(Migration migration, int statement, Throwable cause) {
        return new MigrationException(
            "Migration " + migration.label() + " failed at statement " + statement + " of "
                + migration.statements().size() + " in " + migration.source() + ": "
                + String.valueOf(cause.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip(),
            "Fix the statement (every statement must be idempotent, e.g. CREATE ... IF NOT EXISTS) and start"
                + " again; the statements before it ran and will simply run again.",
            cause);
    }

    static MigrationException invalid(String location, String problem) {
        return new MigrationException("The migrations in " + location + " are invalid: " + problem,
            "Name each migration V<NNN>__<description>.cypher with a unique version number.", null);
    }
}
