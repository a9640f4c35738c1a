package uk.gov.send.rep.hub.query;

import java.util.List;

/**
 * One page of a Relay connection.
 *
 * @param edges the page's edges, in key order
 * @param pageInfo paging state
 * @param totalCount rows in the whole result, or null when the request did not select it
 */
public record Connection<E>(List<E> edges, PageInfo pageInfo, Long totalCount) {

    public static <E> Connection<E> empty(Long totalCount) {
        return new Connection<>(List.of(), new PageInfo(false, false, null, null), totalCount);
    }
}
