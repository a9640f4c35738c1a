package uk.gov.send.rep.hub.child;

import java.time.LocalDate;

/** A child's placement at a setting (the GraphQL {@code Placement}): keys of the child and setting. */
record Placement(String childRef, String settingRef, LocalDate from, LocalDate to) {
}
