package uk.gov.send.rep.hub.child;

import java.time.LocalDate;

/** A child placed at a setting, seen from the setting. */
record PlacedChildEdge(String cursor, Child node, LocalDate from, LocalDate to) {
}
