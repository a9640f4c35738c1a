package uk.gov.send.rep.hub.seed;

import java.util.EnumMap;
import java.util.Map;

import uk.gov.send.rep.hub.seed.SeedRow.Kind;

/**
 * Every Cypher statement of the seed, in one place. Each takes its rows as {@code $rows} and
 * MERGEs on natural keys, so running it again matches instead of creating. Reference data is SET
 * on every run (the CSV files are its source of truth); generated nodes and relationships are only
 * written ON CREATE, so a rerun after a crash adds what is missing and writes nothing else.
 */
final class SeedCypher {

    private SeedCypher() {
    }

    static final String REGIONS = """
        UNWIND $rows AS row
        MERGE (r:Region {code: row.code})
        SET r.name = row.name
        """;

    static final String LOCAL_AREAS = """
        UNWIND $rows AS row
        MERGE (a:LocalArea {code: row.code})
        SET a.dfeCode = row.dfeCode, a.name = row.name
        WITH a, row
        MATCH (r:Region {code: row.region})
        MERGE (a)-[:IN_REGION]->(r)
        """;

    static final String PARTNERSHIPS = """
        UNWIND $rows AS row
        MERGE (p:Partnership {code: row.code})
        SET p.name = row.name
        WITH p, row
        MATCH (r:Region {code: row.region})
        MERGE (p)-[:IN_REGION]->(r)
        """;

    static final String MEMBERSHIPS = """
        UNWIND $rows AS row
        MATCH (a:LocalArea {code: row.area})
        MATCH (p:Partnership {code: row.partnership})
        MERGE (a)-[m:MEMBER_OF]->(p)
        SET m.role = row.role
        """;

    static final String REFORMS = """
        UNWIND $rows AS row
        MERGE (r:Reform {code: row.code})
        SET r.name = row.name, r.strand = row.strand, r.description = row.description
        """;

    static final String MEASURES = """
        UNWIND $rows AS row
        MERGE (m:Measure {code: row.code})
        SET m.name = row.name, m.unit = row.unit, m.polarity = row.polarity, m.level = row.level,
            m.periodType = row.periodType, m.definition = row.definition, m.source = row.source,
            m.valueKind = row.valueKind
        """;

    static final String SEED_RUNS = """
        MATCH (r:SeedRun)
        RETURN r.scale AS scale, r.seed AS seed, r.status AS status, toString(r.startedAt) AS startedAt
        ORDER BY scale
        """;

    static final String START_RUN = """
        MERGE (r:SeedRun {scale: $scale})
        ON CREATE SET r.seed = $seed, r.status = 'LOADING', r.startedAt = datetime()
        """;

    static final String COMPLETE_RUN = """
        MATCH (r:SeedRun {scale: $scale})
        SET r += $counts, r.status = 'COMPLETE', r.completedAt = datetime()
        """;

    /** The statement that writes a batch of rows of each kind. */
    static final Map<Kind, String> ROWS = new EnumMap<>(Map.of(
        Kind.PILOT, """
            UNWIND $rows AS row
            MERGE (p:Pilot {code: row.code})
              ON CREATE SET p.name = row.name, p.start = row.start, p.end = row.end, p.status = row.status
            WITH p, row
            MATCH (partnership:Partnership {code: row.partnership})
            MERGE (partnership)-[:RUNS]->(p)
            WITH p, row
            UNWIND row.reforms AS reformCode
            MATCH (reform:Reform {code: reformCode})
            MERGE (p)-[:TESTS]->(reform)
            """,
        Kind.PILOT_AREA, """
            UNWIND $rows AS row
            MATCH (p:Pilot {code: row.pilot})
            MATCH (a:LocalArea {code: row.area})
            MERGE (p)-[r:IN_AREA]->(a)
              ON CREATE SET r.arm = row.arm
            """,
        Kind.SETTING, """
            UNWIND $rows AS row
            MERGE (s:Setting {ref: row.ref})
              ON CREATE SET s.urn = row.urn, s.ukprn = row.ukprn, s.laestab = row.laestab, s.name = row.name,
                s.kind = row.kind, s.giasTypeCode = row.giasTypeCode, s.phase = row.phase, s.apTier = row.apTier,
                s.resourcedProvision = row.resourcedProvision
            WITH s, row
            MATCH (a:LocalArea {code: row.area})
            MERGE (s)-[:IN_AREA]->(a)
            """,
        Kind.CHILD, """
            UNWIND $rows AS row
            MERGE (c:Child {ref: row.ref})
              ON CREATE SET c.birthYear = row.birthYear, c.sex = row.sex, c.yearGroup = row.yearGroup,
                c.senProvision = row.senProvision, c.primaryNeed = row.primaryNeed,
                c.secondaryNeed = row.secondaryNeed
            WITH c, row
            MATCH (a:LocalArea {code: row.area})
            MERGE (c)-[:RESIDENT_IN]->(a)
            """,
        Kind.PLAN, """
            UNWIND $rows AS row
            MATCH (c:Child {ref: row.child})
            MATCH (a:LocalArea {code: row.area})
            MERGE (p:Plan {ref: row.ref})
              ON CREATE SET p.kind = 'EHC_PLAN', p.requested = row.requested, p.decision = row.decision,
                p.decided = row.decided, p.issued = row.issued, p.weeksToIssue = row.weeksToIssue,
                p.exceptionsApply = row.exceptionsApply, p.template = row.template, p.digital = row.digital,
                p.status = row.status, p.ceased = row.ceased, p.ceaseReason = row.ceaseReason
            MERGE (c)-[:HAS_PLAN]->(p)
            MERGE (p)-[:MAINTAINED_BY]->(a)
            """,
        // Not MERGE (c)-[:PLACED_AT {from}]->(s), nor a pattern with a WHERE on from: the planner
        // seeks the placed_at_from index and scans every placement starting that day (thousands
        // share 1 September). Filtering the child's few placements to that setting cannot use it.
        Kind.PLACEMENT, """
            UNWIND $rows AS row
            MATCH (c:Child {ref: row.child})
            MATCH (s:Setting {ref: row.setting})
            WITH c, s, row, [placement IN [(c)-[p:PLACED_AT]->(s) | p] WHERE placement.from = row.from] AS existing
            WHERE size(existing) = 0
            CREATE (c)-[:PLACED_AT {from: row.from, to: row.to}]->(s)
            """,
        Kind.COHORT, """
            UNWIND $rows AS row
            MATCH (c:Child {ref: row.child})
            MATCH (p:Pilot {code: row.pilot})
            MERGE (c)-[r:IN_COHORT]->(p)
              ON CREATE SET r.arm = row.arm, r.enrolled = row.enrolled, r.left = row.left
            """,
        Kind.PILOT_SETTING, """
            UNWIND $rows AS row
            MATCH (p:Pilot {code: row.pilot})
            MATCH (s:Setting {ref: row.setting})
            MERGE (p)-[:INVOLVES]->(s)
            """,
        Kind.CHILD_OBSERVATION, observations("Child", "ref"),
        Kind.AREA_OBSERVATION, observations("LocalArea", "code")));

    /**
     * Statements for a first run into a database with no run of this scale: CREATE instead of
     * MERGE where a kind's rows are new by construction (unique natural keys from the generator;
     * the uniqueness constraints still reject a duplicate). About twice the rate of MERGE on the
     * bulk of the demo; a resumed run uses {@link #ROWS}.
     */
    static final Map<Kind, String> FRESH_ROWS = new EnumMap<>(Map.of(
        Kind.CHILD, """
            UNWIND $rows AS row
            MATCH (a:LocalArea {code: row.area})
            CREATE (c:Child {ref: row.ref, birthYear: row.birthYear, sex: row.sex, yearGroup: row.yearGroup,
                senProvision: row.senProvision, primaryNeed: row.primaryNeed, secondaryNeed: row.secondaryNeed})
            CREATE (c)-[:RESIDENT_IN]->(a)
            """,
        Kind.CHILD_OBSERVATION, freshObservations("Child", "ref"),
        Kind.AREA_OBSERVATION, freshObservations("LocalArea", "code")));

    /** The statement for a batch of {@code kind}: CREATE on a fresh run where it is safe, else MERGE. */
    static String rows(Kind kind, boolean fresh) {
        return fresh ? FRESH_ROWS.getOrDefault(kind, ROWS.get(kind)) : ROWS.get(kind);
    }

    private static String freshObservations(String label, String key) {
        return """
            UNWIND $rows AS row
            MATCH (subject:%s {%s: row.subject})
            CREATE (subject)-[:OBSERVED]->(:Observation {key: row.key, measure: row.measure,
                timePeriod: row.timePeriod, timeIdentifier: row.timeIdentifier, periodStart: row.periodStart,
                value: row.value, numerator: row.numerator, denominator: row.denominator, status: row.status})
            """.formatted(label, key);
    }

    private static String observations(String label, String key) {
        return """
            UNWIND $rows AS row
            MATCH (subject:%s {%s: row.subject})
            MERGE (o:Observation {key: row.key})
              ON CREATE SET o.measure = row.measure, o.timePeriod = row.timePeriod,
                o.timeIdentifier = row.timeIdentifier, o.periodStart = row.periodStart, o.value = row.value,
                o.numerator = row.numerator, o.denominator = row.denominator, o.status = row.status
            MERGE (subject)-[:OBSERVED]->(o)
            """.formatted(label, key);
    }
}
