package uk.gov.send.rep.hub.pilot;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import uk.gov.send.rep.hub.mutation.Writes;

/**
 * The pilot feature's write Cypher, all in one place (ADR 0017): for each mutation, one statement
 * that looks up everything its input names (however many codes, one round trip) and one that
 * writes. They run in the write transaction of {@code mutation.Writes}; values are parameters.
 */
final class PilotWrites {

    /** A pilot's code, its partnership, current areas and dates, and which of the named codes exist. */
    private static final String PILOT_LOOKUP = """
        OPTIONAL MATCH (pilot:Pilot {code: $code})
        OPTIONAL MATCH (pilot)<-[:RUNS]-(runner:Partnership)
        OPTIONAL MATCH (named:Partnership {code: $partnership})
        WITH pilot, runner, named, coalesce(named, runner) AS partnership
        RETURN pilot IS NOT NULL AS exists, runner.code AS runner, named IS NOT NULL AS partnershipExists,
            pilot.start AS start, pilot.end AS end,
            COLLECT { MATCH (pilot)-[:IN_AREA {arm: 'INTERVENTION'}]->(a:LocalArea) RETURN a.code } AS intervention,
            COLLECT { MATCH (pilot)-[:IN_AREA {arm: 'COMPARISON'}]->(a:LocalArea) RETURN a.code } AS comparison,
            COLLECT { MATCH (r:Reform) WHERE r.code IN $reforms RETURN r.code } AS reforms,
            COLLECT { MATCH (a:LocalArea) WHERE a.code IN $areas RETURN a.code } AS areas,
            COLLECT { MATCH (a:LocalArea)-[:MEMBER_OF]->(m:Partnership) WHERE a.code IN $areas AND m.code = partnership.code
                      RETURN a.code } AS members,
            COLLECT { MATCH (s:Setting) WHERE s.ref IN $settings RETURN s.ref } AS settings""";

    private static final String CREATE_PILOT = """
        MATCH (partnership:Partnership {code: $partnership})
        CREATE (partnership)-[:RUNS]->(p:Pilot {code: $code, name: $name, start: $start, end: $end, status: $status})
        WITH p
        """;

    private static final String UPDATE_PILOT = """
        MATCH (p:Pilot {code: $code})
        SET p.name = coalesce($name, p.name), p.start = coalesce($start, p.start), p.end = coalesce($end, p.end),
            p.status = coalesce($status, p.status)
        WITH p
        """;

    /** Replaces the pilot's links of each kind whose list is given (not null); creating is replacing nothing. */
    private static final String LINKS = links("reforms", "TESTS", "Reform {code: item}", "")
        + links("intervention", "IN_AREA", "LocalArea {code: item}", "INTERVENTION")
        + links("comparison", "IN_AREA", "LocalArea {code: item}", "COMPARISON")
        + links("settings", "INVOLVES", "Setting {ref: item}", "")
        + "RETURN p.code AS code";

    /** A pilot's dates, a child's area, the arm of that area in the pilot, and the child's enrolment in it. */
    private static final String ENROLMENT_LOOKUP = """
        OPTIONAL MATCH (pilot:Pilot {code: $pilot})
        OPTIONAL MATCH (child:Child {ref: $child})
        OPTIONAL MATCH (child)-[:RESIDENT_IN]->(home:LocalArea)
        RETURN pilot IS NOT NULL AS pilotExists, pilot.start AS start, pilot.end AS end,
            child IS NOT NULL AS childExists, home.code AS area,
            COLLECT { MATCH (pilot)-[in:IN_AREA]->(home) RETURN in.arm } AS areaArms,
            COLLECT { MATCH (child)-[c:IN_COHORT]->(pilot) RETURN c {.arm, .enrolled, .left} } AS enrolments""";

    private static final String ENROL = """
        MATCH (child:Child {ref: $child}), (pilot:Pilot {code: $pilot})
        MERGE (child)-[c:IN_COHORT]->(pilot)
          ON CREATE SET c.arm = $arm, c.enrolled = $enrolled""";

    private static final String WITHDRAW = """
        MATCH (:Child {ref: $child})-[c:IN_COHORT]->(:Pilot {code: $pilot})
        SET c.left = $left""";

    /** A child's enrolment in a pilot's cohort, for the payload. */
    private static final String ENROLMENT = """
        MATCH (child:Child {ref: $child})-[c:IN_COHORT]->(pilot:Pilot {code: $pilot})
        RETURN pilot.code AS pilot, child.ref AS child, c.arm AS arm, c.enrolled AS enrolled, c.left AS left""";

    private PilotWrites() {
    }

    private static String links(String parameter, String type, String target, String arm) {
        String properties = arm.isEmpty() ? "" : " {arm: '" + arm + "'}";
        return """
            CALL (p) {
              WITH p WHERE $%1$s IS NOT NULL
              OPTIONAL MATCH (p)-[old:%2$s%4$s]->()
              DELETE old
              WITH DISTINCT p
              UNWIND $%1$s AS item
              MATCH (target:%3$s)
              CREATE (p)-[:%2$s%4$s]->(target)
            }
            """.formatted(parameter, type, target, properties);
    }

    /** What the graph holds of what a pilot's input names. */
    record Lookup(boolean exists, String runner, boolean partnershipExists, LocalDate start, LocalDate end,
            List<String> intervention, List<String> comparison, List<String> reforms, List<String> areas,
            List<String> members, List<String> settings) {
    }

    /** The pilot's fields to write; a null field or list is left as it is. */
    record Fields(String code, String name, List<String> reforms, List<String> intervention, List<String> comparison,
            List<String> settings, LocalDate start, LocalDate end, String status) {

        Map<String, Object> parameters() {
            return Writes.parameters("code", code, "name", name, "reforms", reforms, "intervention", intervention,
                "comparison", comparison, "settings", settings, "start", start, "end", end, "status", status);
        }
    }

    static Lookup lookup(Writes.Transaction tx, String code, String partnership, Fields fields) {
        Map<String, Object> parameters = Writes.parameters("code", code, "partnership", partnership,
            "reforms", orEmpty(fields.reforms()), "areas", concat(fields.intervention(), fields.comparison()),
            "settings", orEmpty(fields.settings()));
        Record row = tx.run(PILOT_LOOKUP, parameters).getFirst();
        return new Lookup(row.get("exists").asBoolean(), nullable(row.get("runner")), row.get("partnershipExists").asBoolean(),
            date(row.get("start")), date(row.get("end")), strings(row.get("intervention")), strings(row.get("comparison")),
            strings(row.get("reforms")), strings(row.get("areas")), strings(row.get("members")),
            strings(row.get("settings")));
    }

    static void create(Writes.Transaction tx, String partnership, Fields fields) {
        Map<String, Object> parameters = fields.parameters();
        parameters.put("partnership", partnership);
        tx.run(CREATE_PILOT + LINKS, parameters);
    }

    static void update(Writes.Transaction tx, Fields fields) {
        tx.run(UPDATE_PILOT + LINKS, fields.parameters());
    }

    /** What the graph holds of an enrolment's pilot and child (the child's arm: null when its area is not the pilot's). */
    record EnrolmentLookup(boolean pilotExists, LocalDate start, LocalDate end, boolean childExists, String area,
            List<String> areaArms, Enrolment enrolment) {
    }

    static EnrolmentLookup enrolmentLookup(Writes.Transaction tx, String pilot, String child) {
        Record row = tx.run(ENROLMENT_LOOKUP, Map.of("pilot", nonNull(pilot), "child", nonNull(child))).getFirst();
        List<Value> enrolments = row.get("enrolments").asList(value -> value);
        Enrolment enrolment = enrolments.isEmpty() ? null : new Enrolment(pilot, child,
            enrolments.getFirst().get("arm").asString(), date(enrolments.getFirst().get("enrolled")),
            date(enrolments.getFirst().get("left")));
        return new EnrolmentLookup(row.get("pilotExists").asBoolean(), date(row.get("start")), date(row.get("end")),
            row.get("childExists").asBoolean(), nullable(row.get("area")), strings(row.get("areaArms")), enrolment);
    }

    static void enrol(Writes.Transaction tx, String pilot, String child, String arm, LocalDate enrolled) {
        tx.run(ENROL, Map.of("pilot", pilot, "child", child, "arm", arm, "enrolled", enrolled));
    }

    static void withdraw(Writes.Transaction tx, String pilot, String child, LocalDate left) {
        tx.run(WITHDRAW, Map.of("pilot", pilot, "child", child, "left", left));
    }

    /** The key an enrolment's idempotency record keeps: pilot code and child ref. */
    static String enrolmentKey(String pilot, String child) {
        return pilot + "|" + child;
    }

    /** Reads the enrolment an {@link #enrolmentKey} names, after its write. */
    static Enrolment enrolment(Writes writes, DataFetchingEnvironment env, String key) {
        String[] parts = key.split("\\|", 2);
        return writes.read(env, ENROLMENT, Map.of("pilot", parts[0], "child", parts[1])).stream()
            .map(row -> new Enrolment(row.get("pilot").asString(), row.get("child").asString(), row.get("arm").asString(),
                date(row.get("enrolled")), date(row.get("left"))))
            .findFirst().orElse(null);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(orEmpty(first).stream(), orEmpty(second).stream()).toList();
    }

    static String nullable(Value value) {
        return value.isNull() ? null : value.asString();
    }

    static LocalDate date(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }

    static List<String> strings(Value value) {
        return value.asList(Value::asString);
    }
}
