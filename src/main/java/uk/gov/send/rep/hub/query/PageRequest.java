package uk.gov.send.rep.hub.query;

import java.util.Map;

/**
 * Validated paging arguments: how many rows, after which cursor (keyset, not offset), and which
 * rows ({@code where}).
 *
 * @param first rows wanted, 0 to the cap
 * @param after the decoded key after which the page starts, or null for the first page
 * @param withTotal whether the request selected totalCount
 * @param where the GraphQL {@code where} argument as given, or null
 */
public record PageRequest(int first, Object after, boolean withTotal, Map<String, Object> where) {

    public PageRequest(int first, Object after, boolean withTotal) {
        this(first, after, withTotal, null);
    }
}
