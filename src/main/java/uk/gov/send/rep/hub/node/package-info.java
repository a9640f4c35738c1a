/**
 * Relay object identification: any object of the graph by its global id.
 */
package uk.gov.send.rep.hub.node;
