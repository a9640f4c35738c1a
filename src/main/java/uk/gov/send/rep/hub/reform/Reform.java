package uk.gov.send.rep.hub.reform;

import uk.gov.send.rep.hub.query.GlobalId;

/** A reform under test, e.g. the standardised EHC plan template or the three-tier AP model. */
public record Reform(String code, String name, String strand, String description) {

    public String id() {
        return GlobalId.encode("Reform", code);
    }
}
