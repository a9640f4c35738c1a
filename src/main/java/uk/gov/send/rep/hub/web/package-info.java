/**
 * The hub's HTTP edge, independent of authentication: what may reach {@code /graphql} at all
 * (POST with a JSON body of one operation; no GET, no form posts, no batches), the CORS allow-list,
 * and the {@code prod} profile that turns production hardening on whenever an external token
 * issuer is configured.
 */
package uk.gov.send.rep.hub.web;
