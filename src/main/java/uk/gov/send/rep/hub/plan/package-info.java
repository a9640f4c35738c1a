/**
 * Education, health and care plans (SEN2): request, decision, issue within or beyond 20 weeks,
 * template and process, cessation; the child a plan is for and the area that maintains it.
 */
package uk.gov.send.rep.hub.plan;
