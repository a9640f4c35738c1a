/**
 * The hub's Neo4j: embedded by default or external by URI, schema migrations applied before
 * anything else touches the graph, and a count of the Cypher statements the hub sends.
 */
package uk.gov.send.rep.hub.database;
