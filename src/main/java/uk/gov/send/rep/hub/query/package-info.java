/**
 * The read side's shared kernel: node-type and relationship declarations, global ids, cursors
 * and connections, and the one place that turns a declaration plus paging arguments into
 * parameterised Cypher (built with the Cypher-DSL) and loads related rows in batches.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package uk.gov.send.rep.hub.query;
