package uk.gov.send.rep.hub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import uk.gov.send.rep.hub.query.GlobalId;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read API over real HTTP against the reference data loaded at start-up, each answer checked
 * against plain Cypher on the same database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class ReadApiIntegrationTests {

    @Autowired
    HttpGraphQlTester http;

    private GraphQlTester graphQl() {
        return http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void shouldServeTheReferenceGeography() {
        graphQl().document("{ regions(first: 0) { totalCount } localAreas(first: 0) { totalCount } partnerships(first: 0) { totalCount } }")
            .execute().errors().verify()
            .path("regions.totalCount").entity(Integer.class).isEqualTo(9)
            .path("localAreas.totalCount").entity(Integer.class).isEqualTo(153)
            .path("partnerships.totalCount").entity(Integer.class).isEqualTo(9);
    }

    @Test
    void shouldServeThirtyTwoMemberAreasWithTheRightLeads() {
        List<Map<String, Object>> partnerships = graphQl().document("""
                { partnerships(first: 9) { edges { node { code leads { name }
                  members(first: 100) { totalCount edges { role node { code } } } } } } }""")
            .execute().errors().verify()
            .path("partnerships.edges[*].node").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
            .get();
        int members = 0;
        Map<String, List<String>> leads = new java.util.TreeMap<>();
        for (Map<String, Object> p : partnerships) {
            members += (Integer) ((Map<?, ?>) p.get("members")).get("totalCount");
            leads.put((String) p.get("code"), ((List<?>) p.get("leads")).stream()
                .map(l -> (String) ((Map<?, ?>) l).get("name")).sorted().toList());
        }
        assertThat(members).isEqualTo(32);
        assertThat(leads).containsEntry("CPP-NE", List.of("Hartlepool"))
            .containsEntry("CPP-NW", List.of("Manchester"))
            .containsEntry("CPP-EM", List.of("Leicester", "Leicestershire", "Rutland"))
            .containsEntry("CPP-SW", List.of("Gloucestershire", "Swindon"))
            .containsEntry("CPP-LON", List.of("Barnet"));
        long truth = (long) TestGraph.run("MATCH (:LocalArea)-[:MEMBER_OF]->(p:Partnership) WHERE p.code STARTS WITH 'CPP-' RETURN count(*) AS n")
            .getFirst().get("n").asLong();
        assertThat(truth).isEqualTo(32);
    }

    @Test
    void shouldFindAnAreaByEitherCode() {
        graphQl().document("{ a: localArea(code: \"805\") { code name region { name } partnership { role partnership { code } } } "
                + "b: localArea(code: \"E06000001\") { dfeCode } }")
            .execute().errors().verify()
            .path("a.code").entity(String.class).isEqualTo("E06000001")
            .path("a.name").entity(String.class).isEqualTo("Hartlepool")
            .path("a.region.name").entity(String.class).isEqualTo("North East")
            .path("a.partnership.role").entity(String.class).isEqualTo("LEAD")
            .path("a.partnership.partnership.code").entity(String.class).isEqualTo("CPP-NE")
            .path("b.dfeCode").entity(String.class).isEqualTo("805");
    }

    @Test
    void shouldWalkEveryPageExactlyOnceInKeyOrder() {
        List<String> walked = new ArrayList<>();
        String after = null;
        int total = -1;
        boolean more = true;
        while (more) {
            GraphQlTester.Traversable response = graphQl().document("""
                    query Page($after: String) { localAreas(first: 10, after: $after) {
                      totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }""")
                .variable("after", after).execute().errors().verify();
            walked.addAll(response.path("localAreas.edges[*].node.code").entityList(String.class).get());
            total = response.path("localAreas.totalCount").entity(Integer.class).get();
            more = response.path("localAreas.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = response.path("localAreas.pageInfo.endCursor").entity(String.class).get();
        }
        List<String> truth = TestGraph.run("MATCH (a:LocalArea) RETURN a.code AS code ORDER BY code")
            .stream().map(r -> r.get("code").asString()).toList();
        Set<String> distinct = new LinkedHashSet<>(walked);
        assertThat(distinct).hasSize(walked.size());
        assertThat(walked).hasSize(total).isEqualTo(truth);
    }

    @Test
    void shouldResolveEveryTypeByGlobalId() {
        String hartlepool = GlobalId.encode("LocalArea", "E06000001");
        String ne = GlobalId.encode("Partnership", "CPP-NE");
        String region = GlobalId.encode("Region", "E12000001");
        String missing = GlobalId.encode("Reform", "NO_SUCH_REFORM");
        graphQl().document("""
                query Nodes($ids: [ID!]!, $one: ID!) {
                  nodes(ids: $ids) { __typename id ... on LocalArea { name } ... on Partnership { code } ... on Region { name } }
                  node(id: $one) { id ... on Partnership { name } } }""")
            .variable("ids", List.of(hartlepool, ne, region, missing)).variable("one", ne)
            .execute().errors().verify()
            .path("nodes[0].__typename").entity(String.class).isEqualTo("LocalArea")
            .path("nodes[0].name").entity(String.class).isEqualTo("Hartlepool")
            .path("nodes[0].id").entity(String.class).isEqualTo(hartlepool)
            .path("nodes[1].code").entity(String.class).isEqualTo("CPP-NE")
            .path("nodes[2].name").entity(String.class).isEqualTo("North East")
            .path("nodes[3]").valueIsNull()
            .path("node.id").entity(String.class).isEqualTo(ne);
    }

    @Test
    void shouldRejectAPageOverTheCapNamingTheArgument() {
        graphQl().document("{ localAreas(first: 101) { edges { node { code } } } }").execute().errors()
            .expect(error -> error.getMessage().contains("'first'") && error.getMessage().contains("at most 100")
                && "BAD_REQUEST".equals(error.getErrorType().toString())
                && error.getPath().equals("localAreas"))
            .verify();
    }

    @Test
    void shouldRejectAMalformedCursorAndId() {
        graphQl().document("{ localAreas(first: 10, after: \"not-a-cursor\") { edges { node { code } } } node(id: \"@@\") { id } }")
            .execute().errors()
            .expect(error -> error.getMessage().contains("'after'") && error.getMessage().contains("not a cursor"))
            .expect(error -> error.getMessage().contains("'id'") && error.getMessage().contains("not a global id"))
            .verify();
    }
}
