package uk.gov.send.rep.hub.pilot;

import java.time.LocalDate;

import uk.gov.send.rep.hub.query.GlobalId;

/** A pilot of one or more reforms run by a partnership. */
public record Pilot(String code, String name, LocalDate start, LocalDate end, String status) {

    public String id() {
        return GlobalId.encode("Pilot", code);
    }
}
