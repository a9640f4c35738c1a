package uk.gov.send.rep.hub.query;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.neo4j.test.autoconfigure.DataNeo4jTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.send.rep.hub.area.AreaGraph;
import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.child.Child;
import uk.gov.send.rep.hub.child.ChildGraph;
import uk.gov.send.rep.hub.support.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader against the embedded database on a small Cypher fixture, checked against plain Cypher. */
@DataNeo4jTest
@Import({ GraphReader.class, RelationIndex.class })
@EnableConfigurationProperties({ QueryProperties.class, DisclosureProperties.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class GraphReaderTests {

    private static final Relation<LocalArea, Child, Edge<Child>> AREA_CHILDREN =
        Relation.plain("LocalArea.children", AreaGraph.LOCAL_AREA, "RESIDENT_IN", false, ChildGraph.CHILD);

    @Autowired
    GraphReader reader;

    /** The reader is called directly, as NATIONAL: which rows a scope reads is RoleMatrixIntegrationTests' subject. */
    @org.junit.jupiter.api.BeforeEach
    void asNational() {
        Scope.bind(Scope.national("test"));
    }

    @org.junit.jupiter.api.AfterEach
    void unbind() {
        Scope.restore(null);
    }

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-GR", 3, 2, 5);
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    @Test
    void shouldPageEachParentsChildrenInOneStatementMatchingCypher() {
        List<String> areas = List.of("TST-GR-A1", "TST-GR-A2", "TST-GR-A3", "TST-GR-NONE");
        Map<Object, Connection<Edge<Child>>> pages = reader.relatedPages(AREA_CHILDREN, areas, new PageRequest(4, null, true));

        assertThat(pages).hasSize(4);
        for (String area : areas.subList(0, 3)) {
            List<String> truth = TestGraph.run("""
                    MATCH (:LocalArea {code: $area})<-[:RESIDENT_IN]-(c:Child) RETURN c.ref AS ref ORDER BY ref LIMIT 4""",
                    Map.of("area", area)).stream().map(r -> r.get("ref").asString()).toList();
            Connection<Edge<Child>> page = pages.get(area);
            assertThat(page.edges()).extracting(e -> e.node().ref()).isEqualTo(truth);
            assertThat(page.totalCount()).isEqualTo(10L);
            assertThat(page.pageInfo().hasNextPage()).isTrue();
        }
        assertThat(pages.get("TST-GR-NONE").edges()).isEmpty();
        assertThat(pages.get("TST-GR-NONE").totalCount()).isZero();
    }

    @Test
    void shouldContinueAfterTheCursorWithoutRepeatsOrGaps() {
        Connection<Edge<Child>> first = reader.relatedPages(AREA_CHILDREN, List.of("TST-GR-A2"), new PageRequest(6, null, false))
            .get("TST-GR-A2");
        Object after = Cursors.decode(first.pageInfo().endCursor());
        Connection<Edge<Child>> second = reader.relatedPages(AREA_CHILDREN, List.of("TST-GR-A2"), new PageRequest(6, after, false))
            .get("TST-GR-A2");
        assertThat(first.edges()).hasSize(6);
        assertThat(second.edges()).hasSize(4);
        assertThat(second.pageInfo().hasNextPage()).isFalse();
        assertThat(second.totalCount()).isNull();
        List<String> all = new java.util.ArrayList<>(first.edges().stream().map(e -> e.node().ref()).toList());
        all.addAll(second.edges().stream().map(e -> e.node().ref()).toList());
        assertThat(all).doesNotHaveDuplicates().isSorted().hasSize(10);
    }

    @Test
    void shouldFindByKeyAndByAnotherUniqueProperty() {
        assertThat(reader.find(AreaGraph.LOCAL_AREA, "TST-GR-A1")).hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("TST-GR area 1"));
        assertThat(reader.findAllBy(AreaGraph.LOCAL_AREA, "dfeCode", List.of("TST-GR-2"))).containsOnlyKeys("TST-GR-2");
        assertThat(reader.find(AreaGraph.LOCAL_AREA, "TST-GR-NOPE")).isEmpty();
    }
}
