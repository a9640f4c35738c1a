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

    /**
     * {@link #observations} for keys validation found new: one CREATE of the observation and its
     * relationship, no MERGE (the key's uniqueness constraint still holds). Null values are not
     * stored, as SET to null leaves them unset.
     */
    static String newObservations(String label, String key) {
        return """
            UNWIND $rows AS row
            MATCH (subject:%s {%s: row.subject})
            CREATE (subject)-[:OBSERVED]->(:Observation {key: row.key, measure: row.measure, timePeriod: row.timePeriod,
              timeIdentifier: row.timeIdentifier, periodStart: row.periodStart, value: row.value, numerator: row.numerator,
              denominator: row.denominator, status: row.status})
            """.formatted(label, key);
    }

    /** Which of {@code $values} are keys of observations already in the graph. */
    static final String EXISTING_OBSERVATIONS = """
        UNWIND $values AS value
        MATCH (o:Observation {key: value})
        RETURN value
        """;

    // ---- Kinds `settings` and `children` (SettingsKind, ChildrenKind) ----

    /**
     * An optional lookup: {@code match} is OPTIONAL MATCHed for each {@code value}, and every value
     * is returned (its {@code key} '' when nothing matches), so that the core never rejects a row
     * for it; for "where is this row now, if it exists" rather than "does it exist".
     */
    private static Lookup optionalLookup(String what, String match, String key) {
        return new Lookup(what, "UNWIND $values AS value\nOPTIONAL " + match + "\nRETURN value, coalesce(" + key + ", '') AS key\n");
    }

    /** The ONS code of the area a setting (by ref) is in now; '' for a setting not yet in the graph. */
    static final Lookup SETTING_CURRENT_AREA = optionalLookup("setting's current area",
        "MATCH (:Setting {ref: value})-[:IN_AREA]->(n:LocalArea)", "n.code");

    /** The ONS code of the area a child (by ref) lives in now; '' for a child not yet in the graph. */
    static final Lookup CHILD_CURRENT_AREA = optionalLookup("child's current area",
        "MATCH (:Child {ref: value})-[:RESIDENT_IN]->(n:LocalArea)", "n.code");

    /** A registered setting by its URN (unique), resolved to its ref. */
    static final Lookup SETTING_BY_URN = lookup("setting with URN", "MATCH (n:Setting {urn: value})", "n.ref");

    /**
     * Settings ({@code SettingsKind}): MERGEd on ref, every property SET (the latest file wins), and
     * exactly one {@code IN_AREA}: an edge to another area (the setting moved) is deleted.
     */
    static final String SETTINGS = """
        UNWIND $rows AS row
        MATCH (area:LocalArea {code: row.area})
        MERGE (s:Setting {ref: row.key})
        SET s.urn = row.urn, s.ukprn = row.ukprn, s.laestab = row.laestab, s.name = row.name, s.kind = row.kind,
          s.giasTypeCode = row.giasTypeCode, s.phase = row.phase, s.apTier = row.apTier,
          s.resourcedProvision = row.resourcedProvision
        WITH s, area
        CALL (s, area) {
          MATCH (s)-[old:IN_AREA]->(other:LocalArea) WHERE other <> area
          DELETE old
        }
        MERGE (s)-[:IN_AREA]->(area)
        """;

    /**
     * Children of a census ({@code ChildrenKind}): MERGEd on ref. The properties and the one
     * {@code RESIDENT_IN} (re-pointed when the child moved) are those of the latest census: a row
     * of a census older than the child's {@code censusDate} leaves them. A row naming a setting
     * MERGEs {@code PLACED_AT {from: census date}} unless a placement at that setting already
     * covers the census date (from on or before it, no end or an end on or after it).
     */
    static final String CHILDREN = """
        UNWIND $rows AS row
        MATCH (area:LocalArea {code: row.area})
        MERGE (c:Child {ref: row.key})
        WITH row, area, c, (c.censusDate IS NULL OR c.censusDate <= row.censusDate) AS latest
        CALL (row, area, c, latest) {
          WITH * WHERE latest
          SET c.birthYear = row.birthYear, c.sex = row.sex, c.yearGroup = row.yearGroup,
            c.senProvision = row.senProvision, c.primaryNeed = row.primaryNeed, c.secondaryNeed = row.secondaryNeed,
            c.censusDate = row.censusDate
          WITH c, area
          CALL (c, area) {
            MATCH (c)-[old:RESIDENT_IN]->(other:LocalArea) WHERE other <> area
            DELETE old
          }
          MERGE (c)-[:RESIDENT_IN]->(area)
        }
        CALL (row, c) {
          WITH * WHERE row.setting IS NOT NULL
          MATCH (s:Setting {ref: row.setting})
          WITH * WHERE NOT EXISTS {
            MATCH (c)-[p:PLACED_AT]->(s) WHERE p.from <= row.censusDate AND (p.to IS NULL OR p.to >= row.censusDate)
          }
          MERGE (c)-[:PLACED_AT {from: row.censusDate}]->(s)
        }
        """;

    /** Child-level measures: their summaries are refreshed in the areas children moved between. */
    static final String CHILD_MEASURES = "MATCH (m:Measure {level: 'CHILD'}) RETURN m.code AS code ORDER BY code";

    // ---- Kinds plans, placements and cohorts (PlanKind, PlacementKind, CohortKind): lookups and statements. ----

    static final Lookup SETTING_BY_REF = lookup("setting", "MATCH (n:Setting {ref: value})", "n.ref");


    /**
     * A pilot resolves to {@code <start>|<end>|<area>=<arm>,<area>=<arm>,...}: its dates and the arm of
     * each of its areas, what a cohort row is checked against ({@code CohortKind.PilotFacts}).
     */
    static final Lookup PILOT_WITH_AREAS = lookup("pilot", "MATCH (n:Pilot {code: value})", """
        coalesce(toString(n.start), '') + '|' + coalesce(toString(n.end), '') + '|'
          + reduce(areas = '', area IN COLLECT { MATCH (n)-[link:IN_AREA]->(a:LocalArea) RETURN a.code + '=' + link.arm }
                   | areas + area + ',')""");

    /**
     * Plans: MERGE on ref, every property SET (the latest file wins), then exactly one
     * {@code HAS_PLAN} (from the row's child) and one {@code MAINTAINED_BY} (to the row's area):
     * links to another child or area, from an earlier file, are removed.
     */
    static final String PLANS = """
        UNWIND $rows AS row
        MATCH (c:Child {ref: row.child})
        MATCH (a:LocalArea {code: row.area})
        MERGE (p:Plan {ref: row.ref})
        SET p.kind = row.kind, p.requested = row.requested, p.decision = row.decision, p.decided = row.decided,
          p.issued = row.issued, p.weeksToIssue = row.weeksToIssue, p.exceptionsApply = row.exceptionsApply,
          p.template = row.template, p.digital = row.digital, p.status = row.status, p.ceased = row.ceased,
          p.ceaseReason = row.ceaseReason, p.reviewed = row.reviewed
        WITH p, c, a
        CALL (p, c) {
          OPTIONAL MATCH (other:Child)-[old:HAS_PLAN]->(p) WHERE other <> c
          DELETE old
        }
        CALL (p, a) {
          OPTIONAL MATCH (p)-[old:MAINTAINED_BY]->(other:LocalArea) WHERE other <> a
          DELETE old
        }
        MERGE (c)-[:HAS_PLAN]->(p)
        MERGE (p)-[:MAINTAINED_BY]->(a)
        """;

    /**
     * Placements: one per (child, setting, from), its end SET. Not {@code MERGE (c)-[:PLACED_AT {from}]->(s)}:
     * as in the seed, that seeks the placed_at_from index and scans every placement starting that day;
     * filtering the child's few placements at the setting is cheap.
     */
    static final String PLACEMENTS = """
        UNWIND $rows AS row
        MATCH (c:Child {ref: row.child})
        MATCH (s:Setting {ref: row.setting})
        WITH c, s, row, [placement IN [(c)-[p:PLACED_AT]->(s) | p] WHERE placement.from = row.from] AS existing
        FOREACH (placement IN existing | SET placement.to = row.to)
        FOREACH (new IN CASE WHEN size(existing) = 0 THEN [row] ELSE [] END |
          CREATE (c)-[:PLACED_AT {from: new.from, to: new.to}]->(s))
        """;

    /** Cohort memberships: one per child and pilot, arm and dates SET. */
    static final String COHORTS = """
        UNWIND $rows AS row
        MATCH (c:Child {ref: row.child})
        MATCH (p:Pilot {code: row.pilot})
        MERGE (c)-[r:IN_COHORT]->(p)
        SET r.arm = row.arm, r.enrolled = row.enrolled, r.left = row.left
        """;

    // ---- End of kinds plans, placements and cohorts. ----
}
