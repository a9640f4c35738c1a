package uk.gov.send.rep.hub.child;

import java.time.LocalDate;

import uk.gov.send.rep.hub.setting.Setting;

/** A child's placement at a setting, seen from the child. */
record PlacementEdge(String cursor, Setting node, LocalDate from, LocalDate to) {
}
