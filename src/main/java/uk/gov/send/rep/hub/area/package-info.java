/**
 * England's regions and upper-tier local areas: the geography every other feature hangs on.
 */
package uk.gov.send.rep.hub.area;
