package uk.gov.send.rep.hub.ingest;

/**
 * The Cypher of the import core and of its kinds, in one place; every value is a parameter.
 * Statements that write a batch take {@code $rows}; lookups take {@code $values} and return
 * {@code value} and {@code key} ({@link Lookup}).
 */
final class ImportCypher {

    private ImportCypher() {
    }

    static final String RUN = """
        MATCH (r:ImportRun {id: $id})
        RETURN r.status AS status, r.batchesDone AS batchesDone, r.linesDone AS linesDone
        """;

    static final String START_RUN = """
        MERGE (r:ImportRun {id: $id})
          ON CREATE SET r.kind = $kind, r.file = $file, r.status = 'LOADING', r.startedAt = datetime(),
            r.batchesDone = 0, r.linesDone = 0, r.rowsWritten = 0
        RETURN r.batchesDone AS batchesDone, r.linesDone AS linesDone
        """;

    /** In the same transaction as a batch's rows: how far the run has got. */
    static final String BATCH_DONE = """
        MATCH (r:ImportRun {id: $id})
        SET r.batchesDone = $batchesDone, r.linesDone = $linesDone, r.rowsWritten = r.rowsWritten + $rows
        """;

    static final String COMPLETE_RUN = """
        MATCH (r:ImportRun {id: $id})
        SET r.status = 'COMPLETE', r.completedAt = datetime(), r.rowsRead = $rowsRead, r.rowsImported = $rowsImported,
          r.badRows = $badRows
        """;

    // Kinds' lookups and statements.

    static final Lookup AREA_BY_ONS_CODE = lookup("local area with ONS code", "MATCH (n:LocalArea {code: value})", "n.code");

    static final Lookup AREA_BY_DFE_CODE = lookup("local area with DfE code", "MATCH (n:LocalArea {dfeCode: value})", "n.code");

    static final Lookup MEASURE = lookup("measure", "MATCH (n:Measure {code: value})", "n.code");

    /** A child's key is the ONS code of the area it lives in ("" if none), for the summaries to refresh. */
    static final Lookup CHILD = lookup("child", """
        MATCH (n:Child {ref: value})
        OPTIONAL MATCH (n)-[:RESIDENT_IN]->(a:LocalArea)""", "coalesce(a.code, '')");

    /** A lookup of {@code $values}: {@code match} binds {@code n} for each {@code value} that exists, {@code key} is what it resolves to. */
    private static Lookup lookup(String what, String match, String key) {
        return new Lookup(what, "UNWIND $values AS value\n" + match + "\nRETURN value, " + key + " AS key\n");
    }

    static final String MEASURES_EXISTING = """
        MATCH (m:Measure) WHERE m.code IN $codes
        RETURN m.code AS code
        """;

    /** Measures a mapping file declares: created if new, an existing one is left as the catalogue has it. */
    static final String DECLARE_MEASURES = """
        UNWIND $rows AS row
        MERGE (m:Measure {code: row.code})
          ON CREATE SET m.name = row.name, m.unit = row.unit, m.polarity = row.polarity, m.valueKind = row.valueKind,
            m.level = row.level, m.periodType = row.periodType, m.source = row.source
        """;

    /**
     * Observations of subjects with label {@code label} and natural key {@code key} (constants of
     * the kinds, never input). The latest import's values win (SET), so a corrected file corrects.
     */
    static String observations(String label, String key) {
        return """
            UNWIND $rows AS row
            MATCH (subject:%s {%s: row.subject})
            MERGE (o:Observation {key: row.key})
            SET o.measure = row.measure, o.timePeriod = row.timePeriod, o.timeIdentifier = row.timeIdentifier,
              o.periodStart = row.periodStart, o.value = row.value, o.numerator = row.numerator,
              o.denominator = row.denominator, o.status = row.status
            MERGE (subject)-[:OBSERVED]->(o)
            """.formatted(label, key);
    }
}
