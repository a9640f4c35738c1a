package uk.gov.send.rep.hub.query;

import java.util.List;

/**
 * One page of a Relay connection.
 *
 * @param edges the page's edges, in the requested order
 * @param pageInfo paging state
 * @param totalCount rows in the whole result, or null when the request did not select it
 * @param source where the rows come from, for the connection's {@code aggregate} and
 *     {@code groupBy} fields; null for connections built internally
 */
public record Connection<E>(List<E> edges, PageInfo pageInfo, Long totalCount, ConnectionSource source) {

    public Connection(List<E> edges, PageInfo pageInfo, Long totalCount) {
        this(edges, pageInfo, totalCount, null);
    }

    public static <E> Connection<E> empty(Long totalCount) {
        return new Connection<>(List.of(), new PageInfo(false, false, null, null), totalCount);
    }

    /** This page, remembering where its rows come from. */
    public Connection<E> from(ConnectionSource source) {
        return new Connection<>(edges, pageInfo, totalCount, source);
    }
}
