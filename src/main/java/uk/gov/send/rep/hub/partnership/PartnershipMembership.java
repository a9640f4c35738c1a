package uk.gov.send.rep.hub.partnership;

/** A local area's place in a partnership. */
record PartnershipMembership(Partnership partnership, String role) {
}
