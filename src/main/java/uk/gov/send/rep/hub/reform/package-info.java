/**
 * The reforms of the SEND and AP Improvement Plan that the Change Programme tests.
 */
package uk.gov.send.rep.hub.reform;
