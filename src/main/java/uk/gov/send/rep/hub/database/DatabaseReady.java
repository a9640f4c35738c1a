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
 */
public record DatabaseReady(List<Integer> appliedVersions, boolean embedded) {

    public DatabaseReady {
        appliedVersions = List.copyOf(appliedVersions);
    }

    /** The highest applied migration version, 0 if there are none. */
    public int schemaVersion() {
        return appliedVersions.isEmpty() ? 0 : appliedVersions.getLast();
    }
}
