/**
 * Full-text search over the names of settings, local areas, partnerships, pilots and reforms,
 * ranked by relevance and paged by keyset cursors.
 */
package uk.gov.send.rep.hub.search;
