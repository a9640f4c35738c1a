package uk.gov.send.rep.hub.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a plan's dates and decision say about it, derived the same way by every writer (the seed
 * generator, the {@code plans} import): its {@code status} and its {@code weeksToIssue}.
 */
public final class PlanTimeline {

    /** The decisions on a request for assessment (docs/model.md). */
    public static final List<String> DECISIONS = List.of("ASSESS", "NOT_ASSESS", "WITHDRAWN");

    /** The decision that can lead to a plan. */
    public static final String ASSESS = "ASSESS";

    /** The plan templates. */
    public static final List<String> TEMPLATES = List.of("STANDARDISED", "LOCAL");

    /** Why a plan ceased (SEN2). */
    public static final List<String> CEASE_REASONS = List.of("MAX_AGE", "NEEDS_MET", "HIGHER_EDUCATION", "EMPLOYMENT",
        "MOVED_OUT", "NO_ENGAGEMENT", "LEFT_ENGLAND", "DECEASED", "OTHER");

    private PlanTimeline() {
    }

    /** Weeks from request to issue: the days between them / 7; null until issued. */
    public static Double weeksToIssue(LocalDate requested, LocalDate issued) {
        return issued == null ? null : ChronoUnit.DAYS.between(requested, issued) / 7.0;
    }

    /**
     * Where a plan stands: {@code CEASED} once ceased, {@code ISSUED} once issued, else
     * {@code NOT_ISSUED} when the decision was not to assess, the request was withdrawn or the
     * assessment ended without a plan, {@code ASSESSING} when decided to assess, and
     * {@code REQUESTED} with no decision yet.
     *
     * @param decision {@code ASSESS}, {@code NOT_ASSESS}, {@code WITHDRAWN} or null
     * @param assessmentEndedWithoutPlan whether an assessment decided on ended without a plan
     */
    public static String status(String decision, LocalDate issued, LocalDate ceased, boolean assessmentEndedWithoutPlan) {
        if (ceased != null) {
            return "CEASED";
        }
        if (issued != null) {
            return "ISSUED";
        }
        if (decision == null) {
            return "REQUESTED";
        }
        return ASSESS.equals(decision) && !assessmentEndedWithoutPlan ? "ASSESSING" : "NOT_ISSUED";
    }
}
