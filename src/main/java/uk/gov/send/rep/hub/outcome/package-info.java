/**
 * Outcome measures (after the DfE SEND and AP inclusion dashboard) and their observations for a
 * child, a setting or a local area in a period.
 */
package uk.gov.send.rep.hub.outcome;
