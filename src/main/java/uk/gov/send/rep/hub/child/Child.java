package uk.gov.send.rep.hub.child;

import uk.gov.send.rep.hub.query.GlobalId;

/** A pseudonymised child or young person: an opaque ref and coarse attributes only. */
public record Child(String ref, Integer birthYear, String sex, String yearGroup, String senProvision,
        String primaryNeed, String secondaryNeed) {

    public String id() {
        return GlobalId.encode("Child", ref);
    }
}
