/**
 * Who asks and what they may read: bearer JWTs (the hub's own signing key, or a production
 * issuer), the claims that give a role, partnership and local area, and the {@code query.Scope}
 * of each GraphQL request and of each Spring MVC handler that declares a {@code Scope} parameter
 * (ADR 0010); also the {@code token} command and the {@code viewer} query.
 */
package uk.gov.send.rep.hub.security;
