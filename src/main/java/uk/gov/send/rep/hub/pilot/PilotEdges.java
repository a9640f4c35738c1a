package uk.gov.send.rep.hub.pilot;

import java.time.LocalDate;

import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.child.Child;

/** Edge records of the pilot feature's relationships that carry properties. */
final class PilotEdges {

    private PilotEdges() {
    }

    /** An area of a pilot and its arm. */
    record PilotAreaEdge(String cursor, LocalArea node, String arm) {
    }

    /** A pilot an area takes part in, and in which arm. */
    record AreaPilotEdge(String cursor, Pilot node, String arm) {
    }

    /** A child in a pilot's cohort. */
    record CohortEdge(String cursor, Child node, String arm, LocalDate enrolled, LocalDate left) {
    }

    /** A child's membership of a pilot cohort. */
    record CohortMembership(String cursor, Pilot pilot, String arm, LocalDate enrolled, LocalDate left) {
    }
}
