package uk.gov.send.rep.hub.partnership;

import uk.gov.send.rep.hub.area.LocalArea;

/** A member area of a partnership, with its role (LEAD, JOINT_LEAD, MEMBER). */
record MemberEdge(String cursor, LocalArea node, String role) {
}
