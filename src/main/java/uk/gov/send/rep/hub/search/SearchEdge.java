package uk.gov.send.rep.hub.search;

/**
 * A hit of a search.
 *
 * @param cursor the hit's cursor, for {@code after}
 * @param score its relevance: higher is a better match; only comparable within one search
 * @param node the object found (a Setting, LocalArea, Partnership, Pilot or Reform record)
 */
record SearchEdge(String cursor, double score, Object node) {
}
