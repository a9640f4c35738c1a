/**
 * Bulk import of files into the graph (issue 6, ADR 0015): a generic core that validates a whole
 * file first (every bad row with its line, column and reason; reference checks against the
 * database in batches), then loads it in transactional, resumable batches under an
 * {@code ImportRun}, and kinds that say what a file holds: its columns, row validation, natural
 * key and MERGE statement (EES tidy data of published statistics, children's observations; settings from GIAS
 * extracts, children of a census; SEN2 plans and placements, pilot cohort lists).
 * Files arrive by the {@code import} command or uploaded over HTTP ({@code POST /import/{kind}},
 * {@link uk.gov.send.rep.hub.ingest.ImportUploadController}), a local area's upload restricted to
 * its own area's rows by the core ({@link uk.gov.send.rep.hub.ingest.ImportOptions#scopeArea()}).
 */
package uk.gov.send.rep.hub.ingest;
