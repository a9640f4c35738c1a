package uk.gov.send.rep.hub.child;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import uk.gov.send.rep.hub.support.HubGraphQlTest;
import uk.gov.send.rep.hub.support.TestGraph;

@HubGraphQlTest(ChildController.class)
class ChildControllerTests {

    @Autowired
    GraphQlTester graphQl;

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-CC", 1, 2, 3);
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    @Test
    void shouldShowAChildsPseudonymisedAttributesAndPlacement() {
        graphQl.document("""
                { child(ref: "TST-CC-C1-2-3") { ref birthYear sex senProvision primaryNeed
                    area { code } placements(first: 10) { totalCount edges { from to node { ref kind } } } } }""")
            .execute().errors().verify()
            .path("child.birthYear").entity(Integer.class).isEqualTo(2015)
            .path("child.senProvision").entity(String.class).isEqualTo("K")
            .path("child.primaryNeed").entity(String.class).isEqualTo("MLD")
            .path("child.area.code").entity(String.class).isEqualTo("TST-CC-A1")
            .path("child.placements.totalCount").entity(Integer.class).isEqualTo(1)
            .path("child.placements.edges[0].from").entity(String.class).isEqualTo("2023-09-01")
            .path("child.placements.edges[0].to").valueIsNull()
            .path("child.placements.edges[0].node.ref").entity(String.class).isEqualTo("TST-CC-S1-2");
    }

    @Test
    void shouldListTheChildrenPlacedAtASetting() {
        graphQl.document("""
                { child(ref: "TST-CC-C1-1-1") { placements(first: 10) { edges { node {
                    placements(first: 10) { totalCount edges { node { ref } } } } } } } }""")
            .execute().errors().verify()
            .path("child.placements.edges[0].node.placements.totalCount").entity(Integer.class).isEqualTo(3)
            .path("child.placements.edges[0].node.placements.edges[*].node.ref").entityList(String.class)
            .containsExactly("TST-CC-C1-1-1", "TST-CC-C1-1-2", "TST-CC-C1-1-3");
    }
}
