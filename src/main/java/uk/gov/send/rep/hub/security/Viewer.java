package uk.gov.send.rep.hub.security;

import java.util.List;

/**
 * The {@code viewer} of the GraphQL schema: who the request's token says is asking and which
 * local areas' child-level rows that lets them read.
 */
record Viewer(String subject, HubRole role, String partnership, String localArea, List<String> areaCodes) {
}
