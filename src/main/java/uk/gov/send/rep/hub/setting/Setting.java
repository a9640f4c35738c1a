package uk.gov.send.rep.hub.setting;

import uk.gov.send.rep.hub.query.GlobalId;

/** An education setting (natural key {@code ref}: the URN, or a provider id for unregistered AP). */
public record Setting(String ref, String urn, String ukprn, String laestab, String name, String kind,
        String giasTypeCode, String phase, Integer apTier, Boolean resourcedProvision) {

    public String id() {
        return GlobalId.encode("Setting", ref);
    }
}
