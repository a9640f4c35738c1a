package uk.gov.send.rep.hub.pilot;

import java.time.LocalDate;

/** A child's place in a pilot's cohort (the GraphQL {@code Enrolment}): keys of the pilot and child. */
record Enrolment(String pilotCode, String childRef, String arm, LocalDate enrolled, LocalDate left) {
}
