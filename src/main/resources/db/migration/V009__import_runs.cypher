// Bulk imports (ingest.Importer, ADR 0015): one ImportRun per kind, mappings and file bytes (its id,
// a SHA-256), with its status and the batches and lines committed, so that a rerun resumes.
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE;
