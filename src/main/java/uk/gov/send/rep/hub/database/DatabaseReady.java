package uk.gov.send.rep.hub.database;

import java.util.List;

/**
 * Proof that the database is reachable and its schema migrations have been applied. A feature
 * that reads or writes the graph at start-up (the seed, say) injects this bean; the injection
 * alone orders it after the migrations. The web server accepts requests only after all singletons
 * exist, so request handling never races the migrations either.
 *
 * @param appliedVersions versions of the hub's migrations ({@code db/migration/V<NNN>__*.cypher}),
 *     in order, all of which are now applied to the database
 * @param embedded whether the hub runs Neo4j in-process rather than using {@code spring.neo4j.uri}
 * @param defaultLanguage the Cypher version the hub's home database runs a statement in when the
 *     statement names none ({@code "CYPHER 5"} or {@code "CYPHER 25"}), as the database reported it
 *     at start; null when it could not be read
 */
public record DatabaseReady(List<Integer> appliedVersions, boolean embedded, String defaultLanguage) {

    /** The version the hub's generated statements are written in (ADR 0020). */
    public static final String CYPHER_5 = "CYPHER 5";

    public DatabaseReady {
        appliedVersions = List.copyOf(appliedVersions);
    }

    public DatabaseReady(List<Integer> appliedVersions, boolean embedded) {
        this(appliedVersions, embedded, null);
    }

    /**
     * Whether a statement without a version runs as Cypher 5 on the home database, so that a
     * statement's {@code CYPHER 5} prefix may be left out (it costs the database a pre-parse of
     * the whole text on every run; ADR 0020).
     */
    public boolean cypher5ByDefault() {
        return CYPHER_5.equals(defaultLanguage);
    }

    /** The highest applied migration version, 0 if there are none. */
    public int schemaVersion() {
        return appliedVersions.isEmpty() ? 0 : appliedVersions.getLast();
    }
}
