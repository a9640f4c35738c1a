/**
 * Seeding: loads the reference data (regions, local areas, partnerships, reforms, measures) and
 * generates a deterministic synthetic graph of settings, children, plans, pilots and outcomes
 * with known pilot effects, at demo or national scale.
 */
package uk.gov.send.rep.hub.seed;
