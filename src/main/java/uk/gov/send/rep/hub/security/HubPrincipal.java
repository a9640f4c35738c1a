package uk.gov.send.rep.hub.security;

/**
 * Who a valid token says is asking: its subject, role and the partnership or local area the role
 * is scoped to, as the token gives them (codes not yet checked against the graph).
 *
 * @param subject the token's {@code sub}
 * @param role the role
 * @param partnership a partnership lead's partnership code, else null
 * @param localArea a local area role's ONS or DfE code, else null
 */
record HubPrincipal(String subject, HubRole role, String partnership, String localArea) {
}
