package uk.gov.send.rep.hub.plan;

import java.time.LocalDate;

import uk.gov.send.rep.hub.query.GlobalId;

/**
 * An EHC plan (or a request that did not lead to one) and its timeline.
 * @param reviewed date of the latest annual review, null until reviewed
 */
public record Plan(String ref, String kind, LocalDate requested, String decision, LocalDate decided,
        LocalDate issued, Double weeksToIssue, Boolean exceptionsApply, String template, Boolean digital,
        String status, LocalDate ceased, String ceaseReason, LocalDate reviewed) {

    public String id() {
        return GlobalId.encode("Plan", ref);
    }

    /** Issued within the statutory 20 weeks of the request; null until issued. */
    public Boolean issuedWithin20Weeks() {
        return weeksToIssue == null ? null : weeksToIssue <= 20.0;
    }
}
