/**
 * How the database feature starts the embedded Neo4j, finds an external one and explains
 * start-up failures; nothing here is meant for other features.
 */
package uk.gov.send.rep.hub.database.internal;
