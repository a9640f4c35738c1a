package uk.gov.send.rep.hub.partnership;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import uk.gov.send.rep.hub.support.HubGraphQlTest;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

@HubGraphQlTest(PartnershipController.class)
class PartnershipControllerTests {

    @Autowired
    GraphQlTester graphQl;

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-PC", 3, 0, 0);
        TestGraph.run("""
            MATCH (a:LocalArea {code: 'TST-PC-A2'}), (p:Partnership {code: 'TST-PC'})
            MATCH (a)-[m:MEMBER_OF]->(p) SET m.role = 'JOINT_LEAD'""");
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    @Test
    void shouldListMembersWithRolesInKeyOrder() {
        graphQl.document("{ partnership(code: \"TST-PC\") { name members(first: 10) { totalCount edges { role node { code } } } } }")
            .execute().errors().verify()
            .path("partnership.name").entity(String.class).isEqualTo("TST-PC test partnership")
            .path("partnership.members.totalCount").entity(Integer.class).isEqualTo(3)
            .path("partnership.members.edges[*].node.code").entityList(String.class)
            .containsExactly("TST-PC-A1", "TST-PC-A2", "TST-PC-A3")
            .path("partnership.members.edges[*].role").entityList(String.class)
            .containsExactly("LEAD", "JOINT_LEAD", "MEMBER");
    }

    @Test
    void shouldListLeadsAndJointLeadsOnly() {
        List<String> leads = graphQl.document("{ partnership(code: \"TST-PC\") { leads { code } } }")
            .execute().errors().verify().path("partnership.leads[*].code").entityList(String.class).get();
        assertThat(leads).containsExactly("TST-PC-A1", "TST-PC-A2");
    }

    @Test
    void shouldPageMembersWithCursors() {
        String end = graphQl.document("{ partnership(code: \"TST-PC\") { members(first: 2) { pageInfo { hasNextPage endCursor } } } }")
            .execute().errors().verify()
            .path("partnership.members.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
            .path("partnership.members.pageInfo.endCursor").entity(String.class).get();
        graphQl.document("query($after: String) { partnership(code: \"TST-PC\") { members(first: 2, after: $after) { "
                + "edges { node { code } } pageInfo { hasNextPage hasPreviousPage } } } }")
            .variable("after", end).execute().errors().verify()
            .path("partnership.members.edges[*].node.code").entityList(String.class).containsExactly("TST-PC-A3")
            .path("partnership.members.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
            .path("partnership.members.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void shouldAnswerNullForAnUnknownPartnership() {
        graphQl.document("{ partnership(code: \"TST-NONE\") { code } }").execute().errors().verify()
            .path("partnership").valueIsNull();
    }
}
