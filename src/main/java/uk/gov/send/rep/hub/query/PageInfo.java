package uk.gov.send.rep.hub.query;

/** Relay page information. */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
}
