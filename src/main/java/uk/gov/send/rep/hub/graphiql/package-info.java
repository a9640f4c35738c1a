/**
 * GraphiQL served by the hub itself, from local assets only (the hub must work air-gapped),
 * opening with example queries a partnership lead would ask.
 */
package uk.gov.send.rep.hub.graphiql;
