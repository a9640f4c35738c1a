package uk.gov.send.rep.hub.ingest;

/**
 * A reference check against the database, run for all of a file's distinct values at once in
 * batches: {@code cypher} takes {@code $values} and returns {@code value} and {@code key} (what the
 * value resolves to, such as an area's ONS code for its DfE code) for those that exist.
 * <p>
 * The core rejects a row whose value a lookup does not return ("no {@code what} '...'"). A lookup
 * that must not reject (where a row's subject is now, if it exists at all: the current area of a
 * setting or a child, for the upload's scope and the summaries) returns every value, with
 * {@code key} {@code ''} when nothing matches: {@code OPTIONAL MATCH} and {@code coalesce(..., '')}
 * ({@code ImportCypher.optionalLookup}).
 * @param what what a value names, for the report ({@code "local area with DfE code"})
 */
public record Lookup(String what, String cypher) {
}
