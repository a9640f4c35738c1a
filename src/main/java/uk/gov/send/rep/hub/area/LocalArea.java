package uk.gov.send.rep.hub.area;

import uk.gov.send.rep.hub.query.GlobalId;

/** An upper-tier local authority: ONS code (natural key), DfE code and name. */
public record LocalArea(String code, String dfeCode, String name) {

    public String id() {
        return GlobalId.encode("LocalArea", code);
    }
}
