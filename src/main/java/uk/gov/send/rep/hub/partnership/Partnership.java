package uk.gov.send.rep.hub.partnership;

import uk.gov.send.rep.hub.query.GlobalId;

/** A Change Programme Partnership: one per region, a lead local area and members. */
public record Partnership(String code, String name) {

    public String id() {
        return GlobalId.encode("Partnership", code);
    }
}
