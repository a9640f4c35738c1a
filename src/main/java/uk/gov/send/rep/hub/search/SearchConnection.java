package uk.gov.send.rep.hub.search;

import java.util.List;

import uk.gov.send.rep.hub.query.PageInfo;

/**
 * One page of a search.
 *
 * @param edges the hits of the page, best first
 * @param pageInfo paging state
 * @param totalCount hits of the whole search, or null when the request did not select it
 * @param approximate true when nothing matched the words as typed and the hits allow typos
 */
record SearchConnection(List<SearchEdge> edges, PageInfo pageInfo, Long totalCount, boolean approximate) {
}
