package uk.gov.send.rep.hub.ingest;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import uk.gov.send.rep.hub.plan.PlanTimeline;

/**
 * {@code plans}: SEN2-like person-level EHC needs assessments and plans, one request a row. The
 * plan's {@code status} and {@code weeksToIssue} are derived as the seed derives them
 * ({@link PlanTimeline}). The child and the maintaining area (by DfE code) must exist; the dates
 * must run request ≤ decision ≤ issue ≤ cease, a review lies between issue and cessation. Written
 * as {@code (:Child)-[:HAS_PLAN]->(:Plan {ref})-[:MAINTAINED_BY]->(:LocalArea)}, the plan MERGEd
 * on its ref and its properties SET, with exactly one child and one area (re-pointed when a later
 * file names others).
 */
@Component
class PlanKind implements ImportKind {

    static final String NAME = "plans";
    static final List<String> REQUIRED = List.of("child_ref", "plan_ref", "la_code", "request_date", "decision",
        "decision_date", "issue_date", "template");
    static final List<String> OPTIONAL = List.of("exceptions_apply", "digital", "cease_date", "cease_reason", "review_date",
        "assessment_outcome");

    /** {@code assessment_outcome}: a plan is to be issued, or the assessment ended without one. */
    static final List<String> OUTCOMES = List.of("PLAN", "NO_PLAN");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "EHC needs assessments and plans (SEN2): " + String.join(", ", REQUIRED) + " [, "
            + String.join(", ", OPTIONAL) + "]; dates " + RecordCells.DATE_FORMAT;
    }

    @Override
    public KindFile open(String file, List<String> header, ImportOptions options) {
        RecordCells.checkHeader(file, NAME, header, REQUIRED, OPTIONAL, options);
        return new File();
    }

    @Override
    public String statement() {
        return ImportCypher.PLANS;
    }

    private static final class File implements KindFile {

        @Override
        public List<Candidate> parse(CsvRow row, RowProblems reported) {
            RecordCells.Noted problems = new RecordCells.Noted(reported);
            String child = RecordCells.required(row, "child_ref", problems);
            String ref = RecordCells.required(row, "plan_ref", problems);
            String la = RecordCells.required(row, "la_code", problems);
            LocalDate requested = RecordCells.date(row, "request_date", true, problems);
            String decision = RecordCells.oneOf(row, "decision", PlanTimeline.DECISIONS, false, problems);
            LocalDate decided = RecordCells.date(row, "decision_date", false, problems);
            LocalDate issued = RecordCells.date(row, "issue_date", false, problems);
            Boolean exceptions = RecordCells.flag(row, "exceptions_apply", problems);
            String template = RecordCells.oneOf(row, "template", PlanTimeline.TEMPLATES, true, problems);
            Boolean digital = RecordCells.flag(row, "digital", problems);
            LocalDate ceased = RecordCells.date(row, "cease_date", false, problems);
            String ceaseReason = RecordCells.oneOf(row, "cease_reason", PlanTimeline.CEASE_REASONS, false, problems);
            LocalDate reviewed = RecordCells.date(row, "review_date", false, problems);
            String outcome = RecordCells.oneOf(row, "assessment_outcome", OUTCOMES, false, problems);
            // The checks across cells only on cells that are good each, so that a report never blames one on another.
            if (problems.any()) {
                return List.of();
            }
            timeline(requested, decision, decided, issued, ceased, ceaseReason, reviewed, outcome, problems);
            if (problems.any()) {
                return List.of();
            }
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("ref", ref);
            parameters.put("key", "plan " + ref);
            parameters.put("child", child);
            parameters.put("kind", "EHC_PLAN");
            parameters.put("requested", requested);
            parameters.put("decision", decision);
            parameters.put("decided", decided);
            parameters.put("issued", issued);
            parameters.put("weeksToIssue", PlanTimeline.weeksToIssue(requested, issued));
            parameters.put("exceptionsApply", exceptions);
            parameters.put("template", template);
            parameters.put("digital", digital);
            parameters.put("status", PlanTimeline.status(decision, issued, ceased, "NO_PLAN".equals(outcome)));
            parameters.put("ceased", ceased);
            parameters.put("ceaseReason", ceaseReason);
            parameters.put("reviewed", reviewed);
            return List.of(new Candidate(parameters, List.of(new Reference("child_ref", ImportCypher.CHILD, child),
                new Reference("la_code", ImportCypher.AREA_BY_DFE_CODE, la))));
        }

        /** The checks across a plan's dates and decision, each failure reported. */
        private static void timeline(LocalDate requested, String decision, LocalDate decided, LocalDate issued,
                LocalDate ceased, String ceaseReason, LocalDate reviewed, String outcome, RowProblems problems) {
            if (decided != null && decision == null) {
                problems.bad("decision_date", "'" + decided + "' but no decision: a decision date needs a decision ("
                    + String.join(", ", PlanTimeline.DECISIONS) + ")");
            }
            if (decision != null && decided == null) {
                problems.bad("decision_date", "empty, but the decision is " + decision);
            }
            if (issued != null && !PlanTimeline.ASSESS.equals(decision)) {
                problems.bad("issue_date", "'" + issued + "' but the decision is " + (decision == null ? "empty" : decision)
                    + ": only a request decided " + PlanTimeline.ASSESS + " leads to a plan");
            }
            if (outcome != null && !PlanTimeline.ASSESS.equals(decision)) {
                problems.bad("assessment_outcome", "'" + outcome + "' but the decision is "
                    + (decision == null ? "empty" : decision) + ": only an assessment has an outcome");
            }
            if ("NO_PLAN".equals(outcome) && issued != null) {
                problems.bad("assessment_outcome", "NO_PLAN, but the plan was issued on " + issued);
            }
            // The dates given must run request ≤ decision ≤ issue ≤ cease.
            String[] columns = {"request_date", "decision_date", "issue_date", "cease_date"};
            LocalDate[] dates = {requested, decided, issued, ceased};
            int last = 0;
            for (int i = 1; i < dates.length; i++) {
                if (dates[i] == null) {
                    continue;
                }
                if (dates[i].isBefore(dates[last])) {
                    problems.bad(columns[i], "'" + dates[i] + "' is before the " + columns[last] + " (" + dates[last]
                        + "): the dates run request ≤ decision ≤ issue ≤ cease");
                }
                last = i;
            }
            if (ceased != null && issued == null) {
                problems.bad("cease_date", "'" + ceased + "' but no issue_date: only an issued plan ceases");
            }
            if (ceaseReason != null && ceased == null) {
                problems.bad("cease_reason", "'" + ceaseReason + "' but no cease_date");
            }
            if (reviewed != null) {
                if (issued == null) {
                    problems.bad("review_date", "'" + reviewed + "' but no issue_date: only an issued plan is reviewed");
                }
                else if (reviewed.isBefore(issued)) {
                    problems.bad("review_date", "'" + reviewed + "' is before the issue_date (" + issued + ")");
                }
                if (ceased != null && reviewed.isAfter(ceased)) {
                    problems.bad("review_date", "'" + reviewed + "' is after the cease_date (" + ceased + ")");
                }
            }
        }

        @Override
        public Map<String, Object> complete(Candidate candidate, Resolved resolved, RowProblems problems) {
            String childArea = resolved.key(candidate.references().get(0));
            String area = resolved.key(candidate.references().get(1));
            Map<String, Object> parameters = new HashMap<>(candidate.parameters());
            parameters.put("area", area);
            parameters.put("scopeAreas", RecordCells.scopeAreas(area, childArea));
            return parameters;
        }
    }
}
