package uk.gov.send.rep.hub.area;

import uk.gov.send.rep.hub.query.GlobalId;

/** An English region (ONS code E12…). */
public record Region(String code, String name) {

    public String id() {
        return GlobalId.encode("Region", code);
    }
}
