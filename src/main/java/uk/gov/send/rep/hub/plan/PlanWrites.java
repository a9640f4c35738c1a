package uk.gov.send.rep.hub.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import uk.gov.send.rep.hub.mutation.Writes;

/**
 * The plan feature's write Cypher, in one place (ADR 0017): the look-up of what a plan event's
 * input names, in one statement, and the write of each kind of event. Status and weeks to issue
 * are derived as the seed derives them: REQUESTED, then ASSESSING (decision ASSESS) or NOT_ISSUED
 * (NOT_ASSESS, WITHDRAWN), ISSUED with {@code weeksToIssue} = days from request to issue / 7,
 * CEASED; a review sets {@code reviewed}.
 */
final class PlanWrites {

    /** The plan and the area maintaining it, and the child a request names and the area it lives in. */
    private static final String LOOKUP = """
        OPTIONAL MATCH (plan:Plan {ref: $plan})
        OPTIONAL MATCH (plan)-[:MAINTAINED_BY]->(maintainer:LocalArea)
        OPTIONAL MATCH (child:Child {ref: $child})
        OPTIONAL MATCH (child)-[:RESIDENT_IN]->(home:LocalArea)
        RETURN plan IS NOT NULL AS planExists, maintainer.code AS planArea, plan.requested AS requested,
            plan.decision AS decision, plan.decided AS decided, plan.issued AS issued, plan.reviewed AS reviewed,
            plan.ceased AS ceased, child IS NOT NULL AS childExists, home.code AS childArea
        LIMIT 1""";

    private static final String REQUEST = """
        MATCH (child:Child {ref: $child})-[:RESIDENT_IN]->(area:LocalArea {code: $area})
        CREATE (plan:Plan {ref: $plan, kind: 'EHC_PLAN', requested: $date, template: $template, digital: $digital,
            exceptionsApply: false, status: 'REQUESTED'})
        CREATE (child)-[:HAS_PLAN]->(plan)
        CREATE (plan)-[:MAINTAINED_BY]->(area)""";

    private static final String DECISION = """
        MATCH (plan:Plan {ref: $plan})
        SET plan.decision = $decision, plan.decided = $date, plan.status = $status""";

    private static final String ISSUE = """
        MATCH (plan:Plan {ref: $plan})
        SET plan.issued = $date, plan.weeksToIssue = $weeks, plan.status = 'ISSUED',
            plan.exceptionsApply = $exceptionsApply, plan.template = coalesce($template, plan.template),
            plan.digital = coalesce($digital, plan.digital)""";

    private static final String REVIEW = """
        MATCH (plan:Plan {ref: $plan})
        SET plan.reviewed = $date""";

    private static final String CEASE = """
        MATCH (plan:Plan {ref: $plan})
        SET plan.ceased = $date, plan.ceaseReason = $reason, plan.status = 'CEASED'""";

    private PlanWrites() {
    }

    /** What the graph holds of an event's plan (and, for a request, its child). */
    record Lookup(boolean planExists, String planArea, LocalDate requested, String decision, LocalDate decided,
            LocalDate issued, LocalDate reviewed, LocalDate ceased, boolean childExists, String childArea) {
    }

    static Lookup lookup(Writes.Transaction tx, String plan, String child) {
        Record row = tx.run(LOOKUP, Writes.parameters("plan", plan, "child", child)).getFirst();
        return new Lookup(row.get("planExists").asBoolean(), text(row.get("planArea")), date(row.get("requested")),
            text(row.get("decision")), date(row.get("decided")), date(row.get("issued")), date(row.get("reviewed")),
            date(row.get("ceased")), row.get("childExists").asBoolean(), text(row.get("childArea")));
    }

    static void request(Writes.Transaction tx, String plan, String child, String area, LocalDate date, String template,
            boolean digital) {
        tx.run(REQUEST, Writes.parameters("plan", plan, "child", child, "area", area, "date", date, "template", template,
            "digital", digital));
    }

    static void decide(Writes.Transaction tx, String plan, LocalDate date, String decision) {
        tx.run(DECISION, Writes.parameters("plan", plan, "date", date, "decision", decision,
            "status", "ASSESS".equals(decision) ? "ASSESSING" : "NOT_ISSUED"));
    }

    static void issue(Writes.Transaction tx, String plan, LocalDate requested, LocalDate date, boolean exceptionsApply,
            String template, Boolean digital) {
        tx.run(ISSUE, Writes.parameters("plan", plan, "date", date, "weeks", weeksToIssue(requested, date),
            "exceptionsApply", exceptionsApply, "template", template, "digital", digital));
    }

    static void review(Writes.Transaction tx, String plan, LocalDate date) {
        tx.run(REVIEW, Writes.parameters("plan", plan, "date", date));
    }

    static void cease(Writes.Transaction tx, String plan, LocalDate date, String reason) {
        tx.run(CEASE, Writes.parameters("plan", plan, "date", date, "reason", reason));
    }

    /** Weeks from request to issue, as the seed gives them: days / 7. */
    static double weeksToIssue(LocalDate requested, LocalDate issued) {
        return ChronoUnit.DAYS.between(requested, issued) / 7.0;
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }

    private static LocalDate date(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }
}
