/**
 * Export and restore: the {@code export} command writes the graph (or one partnership's part) to
 * a documented, portable set of JSON Lines files with a manifest (docs/export-format.md), and the
 * {@code restore} command loads such an export into an empty database (ADR 0016).
 */
package uk.gov.send.rep.hub.transfer;
