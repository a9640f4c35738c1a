package uk.gov.send.rep.hub.ingest;

/**
 * A reference check against the database, run for all of a file's distinct values at once in
 * batches: {@code cypher} takes {@code $values} and returns {@code value} and {@code key} (what the
 * value resolves to, such as an area's ONS code for its DfE code) for those that exist.
 * @param what what a value names, for the report ({@code "local area with DfE code"})
 */
public record Lookup(String what, String cypher) {
}
