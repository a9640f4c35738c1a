package uk.gov.send.rep.hub.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Applies versioned schema migrations, {@code V<NNN>__<description>.cypher} files under a
 * location, in version order. Statements end with {@code ;} at the end of a line; lines starting
 * with {@code //} are comments. Every statement must be idempotent: a migration that fails half-way
 * is simply run again from its start next time.
 *
 * <p>Each applied migration is recorded as {@code (:Migration {version, description, checksum,
 * appliedAt})}. Recorded versions are skipped, and if a recorded migration's statements have
 * changed since, nothing is applied and {@link #apply} fails. Recorded versions the location does
 * not know (another location's, or a newer hub's) are left alone.
 *
 * <p>The hub runs the {@link #DEFAULT_LOCATION} at start-up (see {@link DatabaseReady}); tools
 * and tests can run any location against any {@link Driver}:
 * <pre>{@code
 * List<Migration> applied = new Migrations().apply(driver);
 * }</pre>
 */
public final class Migrations {

    /** Where the hub's own migrations live. */
    public static final String DEFAULT_LOCATION = "classpath:db/migration";

    private static final Log log = LogFactory.getLog(Migrations.class);

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.cypher");

    private static final String RECORDED = "MATCH (m:Migration) RETURN m.version AS version, m.checksum AS checksum";

    private static final String RECORD = """
        MERGE (m:Migration {version: $version})
        ON CREATE SET m.description = $description, m.checksum = $checksum, m.appliedAt = datetime()""";

    /** How long to wait for the indexes a migration created to come online. */
    private static final long INDEX_WAIT_SECONDS = 3600;

    private final String location;

    private final ResourcePatternResolver resolver;

    /** The hub's own migrations. */
    public Migrations() {
        this(DEFAULT_LOCATION);
    }

    /** Migrations under a location such as {@code classpath:db/migration}. */
    public Migrations(String location) {
        this(location, new DefaultResourceLoader());
    }

    public Migrations(String location, ResourceLoader resourceLoader) {
        this.location = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        this.resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
    }

    /** The location these migrations are read from. */
    public String location() {
        return location;
    }

    /**
     * The migrations under the location, in version order.
     * @throws MigrationException if a file is misnamed or two share a version
     */
    public List<Migration> discover() {
        Resource[] resources;
        try {
            resources = resolver.getResources(location + "/*.cypher");
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Cannot list the migrations in " + location, failure);
        }
        List<Migration> migrations = new ArrayList<>();
        for (Resource resource : resources) {
            String fileName = resource.getFilename();
            Matcher name = FILE_NAME.matcher(fileName == null ? "" : fileName);
            if (!name.matches()) {
                throw MigrationException.invalid(location, fileName + " is not named V<NNN>__<description>.cypher");
            }
            List<String> statements = statements(read(resource));
            migrations.add(new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '),
                checksum(statements), location + "/" + fileName, statements));
        }
        migrations.sort(Comparator.comparingInt(Migration::version));
        for (int index = 1; index < migrations.size(); index++) {
            if (migrations.get(index).version() == migrations.get(index - 1).version()) {
                throw MigrationException.invalid(location, "version " + migrations.get(index).version()
                    + " is used by both " + migrations.get(index - 1).source() + " and " + migrations.get(index).source());
            }
        }
        return migrations;
    }

    /**
     * Applies the migrations the database has not recorded yet, in version order.
     * @return the migrations applied now, empty if the database was up to date
     * @throws MigrationException if an applied migration has changed, or a statement fails
     */
    public List<Migration> apply(Driver driver) {
        List<Migration> migrations = discover();
        List<Migration> applied = new ArrayList<>();
        try (Session session = driver.session()) {
            Map<Integer, String> recorded = new HashMap<>();
            for (Record row : session.run(RECORDED).list()) {
                if (!row.get("version").isNull()) {
                    recorded.put(row.get("version").asInt(), row.get("checksum").asString(null));
                }
            }
            // Verify every recorded migration before changing anything.
            for (Migration migration : migrations) {
                String checksum = recorded.get(migration.version());
                if (checksum != null && !checksum.equals(migration.checksum())) {
                    throw MigrationException.checksumChanged(migration, checksum);
                }
            }
            for (Migration migration : migrations) {
                if (!recorded.containsKey(migration.version())) {
                    apply(session, migration);
                    applied.add(migration);
                }
            }
        }
        if (!applied.isEmpty()) {
            // Neo4j populates a new index in the background; until it is online the planner
            // cannot use it, and a query planned meanwhile keeps the worse plan in its cache.
            // Over a large existing graph this takes a while, once.
            try (Session session = driver.session()) {
                session.run("CALL db.awaitIndexes($seconds)", Values.parameters("seconds", INDEX_WAIT_SECONDS)).consume();
            }
            log.info("Applied %d migration(s) from %s: %s".formatted(applied.size(), location,
                applied.stream().map(Migration::label).toList()));
        }
        return applied;
    }

    private static void apply(Session session, Migration migration) {
        List<String> statements = migration.statements();
        // A migration's schema statements run in one transaction: it applies whole or not at all,
        // and Neo4j builds its indexes once, at commit. Neo4j does not mix schema and data
        // changes in a transaction, so the record of it is a second one.
        try (Transaction tx = session.beginTransaction()) {
            for (int index = 0; index < statements.size(); index++) {
                try {
                    tx.run(statements.get(index)).consume();
                }
                catch (Neo4jException failure) {
                    throw MigrationException.statementFailed(migration, index + 1, failure);
                }
            }
            tx.commit();
        }
        session.run(RECORD, Values.parameters("version", migration.version(), "description",
            migration.description(), "checksum", migration.checksum())).consume();
    }

    /** Splits a migration into statements: {@code ;} at a line's end ends one, {@code //} lines are skipped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                continue;
            }
            if (!current.isEmpty()) {
                current.append('\n');
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                addStatement(statements, current);
            }
            else {
                current.append(trimmed);
            }
        }
        addStatement(statements, current);
        return statements;
    }

    private static void addStatement(List<String> statements, StringBuilder statement) {
        String text = statement.toString().strip();
        if (!text.isEmpty()) {
            statements.add(text);
        }
        statement.setLength(0);
    }

    static String checksum(List<String> statements) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(
                digest.digest(String.join(";\n", statements).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Cannot read the migration " + resource, failure);
        }
    }
}
