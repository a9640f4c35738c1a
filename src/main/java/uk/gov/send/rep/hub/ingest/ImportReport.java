package uk.gov.send.rep.hub.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did with one file: printed by the command, returned as JSON by the upload.
 * @param runId the {@code ImportRun} id (SHA-256 of kind, mappings and file bytes)
 * @param rowsRead data rows in the file
 * @param rowsImported file rows written (or already written by an earlier, interrupted run of the same file)
 * @param written graph rows those rows gave (an EES row gives one observation per mapped indicator; other kinds one each)
 * @param skipped file rows not for this import, by reason (another geographic level, a breakdown)
 * @param badRows every problem of every bad row, in line order
 * @param seconds how long the import took
 */
public record ImportReport(String file, String kind, String runId, Outcome outcome, long rowsRead, long rowsImported,
        long written, Map<String, Long> skipped, List<BadRow> badRows, double seconds) {

    public enum Outcome {
        /** Every good row is in (with bad rows only under {@code --good-rows-only}). */
        IMPORTED,
        /** A run of the same kind, mappings and bytes completed earlier: nothing written. */
        ALREADY_IMPORTED,
        /** The file has bad rows: nothing written. */
        REJECTED
    }

    public ImportReport {
        skipped = Map.copyOf(skipped);
        badRows = List.copyOf(badRows);
    }

    /** Bad file rows (a row may have several problems). */
    public long badRowCount() {
        return badRows.stream().mapToLong(BadRow::line).distinct().count();
    }

    /** The report as people read it. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s (%s): %s%n", file, kind, switch (outcome) {
            case IMPORTED -> badRows.isEmpty() ? "imported" : "imported the good rows only";
            case ALREADY_IMPORTED -> "already imported, nothing written";
            case REJECTED -> "REJECTED, nothing written (fix the rows below, or import the good rows only with --good-rows-only)";
        }));
        if (outcome != Outcome.ALREADY_IMPORTED) {
            out.append(String.format(Locale.ROOT, "  %,d rows read, %,d imported (%,d written to the graph), %,d bad, %,d skipped; %.1f s%n",
                rowsRead, rowsImported, written, badRowCount(), skipped.values().stream().mapToLong(Long::longValue).sum(),
                seconds));
        }
        skipped.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(skip ->
            out.append(String.format(Locale.ROOT, "  skipped %,d rows: %s%n", skip.getValue(), skip.getKey())));
        for (BadRow bad : badRows) {
            out.append("  bad row: ").append(bad.text()).append(System.lineSeparator());
        }
        out.append("  run ").append(runId).append(System.lineSeparator());
        return out.toString();
    }
}
