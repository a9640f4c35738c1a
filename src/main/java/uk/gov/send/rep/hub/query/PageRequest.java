package uk.gov.send.rep.hub.query;

/**
 * Validated paging arguments: how many rows and after which cursor (keyset, not offset).
 *
 * @param first rows wanted, 0 to the cap
 * @param after the decoded key after which the page starts, or null for the first page
 * @param withTotal whether the request selected totalCount
 */
public record PageRequest(int first, Object after, boolean withTotal) {
}
