package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The suppression rules of {@link Disclosure}, cell by cell. */
class DisclosureTests {

    private static final Field NEED = Field.enumeration("primaryNeed");
    private static final Field SEX = Field.string("sex");
    private static final AggregateSpec TOTAL = new AggregateSpec(List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    private static final AggregateSpec ONE_KEY = new AggregateSpec(List.of(GroupKey.own(NEED)), List.of(), List.of(),
        List.of(), List.of(), 100);
    private static final AggregateSpec TWO_KEYS = new AggregateSpec(List.of(GroupKey.own(NEED), GroupKey.own(SEX)),
        List.of(), List.of(), List.of(), List.of(), 100);

    private final Disclosure disclosure = new Disclosure(10);

    private static Aggregate cell(String need, String sex, long rows, long inScope) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("primaryNeed", need);
        key.put("sex", sex);
        return new Aggregate(key, rows, Map.of("birthYear", 2010), Map.of("birthYear", 2015), Map.of("birthYear", 2012.5),
            Map.of("birthYear", 2012.5 * rows), inScope, null);
    }

    @Test
    void shouldSuppressSmallCountsOfRowsOutsideTheScopeAndNothingElse() {
        assertThat(disclosure.apply(List.of(cell(null, null, 9, 0)), TOTAL).getFirst().count()).isEqualTo("c");
        assertThat(disclosure.apply(List.of(cell(null, null, 1, 0)), TOTAL).getFirst().count()).isEqualTo("c");
        assertThat(disclosure.apply(List.of(cell(null, null, 10, 0)), TOTAL).getFirst().count()).isEqualTo(10L);
        // Zero rows disclose no one.
        assertThat(disclosure.apply(List.of(cell(null, null, 0, 0)), TOTAL).getFirst().count()).isEqualTo(0L);
        // Every row the viewer's own: exact, however small.
        Aggregate own = disclosure.apply(List.of(cell(null, null, 3, 3)), TOTAL).getFirst();
        assertThat(own.count()).isEqualTo(3L);
        assertThat(own.avg()).isNotNull();
        // One row outside the scope is enough to control the set.
        Aggregate mixed = disclosure.apply(List.of(cell(null, null, 4, 3)), TOTAL).getFirst();
        assertThat(mixed.count()).isEqualTo("c");
        assertThat(mixed.suppressed()).isEqualTo(Suppression.primary(10));
        assertThat(mixed.avg()).isNull();
        assertThat(mixed.sum()).isNull();
    }

    @Test
    void shouldSuppressTheNextSmallestGroupWhenOneGroupAloneWouldBeSuppressed() {
        List<Aggregate> groups = disclosure.apply(List.of(cell("ASD", null, 4, 0), cell("SLCN", null, 30, 0),
            cell("SEMH", null, 12, 0)), ONE_KEY);
        assertThat(groups).extracting(Aggregate::count).containsExactly("c", 30L, "c");
        assertThat(groups.get(2).suppressed().reason()).isEqualTo("SECONDARY");
    }

    @Test
    void shouldLeaveTwoPrimarySuppressionsAlone() {
        List<Aggregate> groups = disclosure.apply(List.of(cell("ASD", null, 4, 0), cell("SLCN", null, 30, 0),
            cell("SEMH", null, 2, 0)), ONE_KEY);
        assertThat(groups).extracting(Aggregate::count).containsExactly("c", 30L, "c");
        assertThat(groups).extracting(g -> g.suppressed() == null ? null : g.suppressed().reason())
            .containsExactly("PRIMARY", null, "PRIMARY");
    }

    @Test
    void shouldPreferToHideAControlledCellOverOneTheViewerMayReadAnyway() {
        List<Aggregate> groups = disclosure.apply(List.of(cell("ASD", null, 4, 0), cell("SLCN", null, 11, 11),
            cell("SEMH", null, 40, 0)), ONE_KEY);
        assertThat(groups).extracting(Aggregate::count).containsExactly("c", 11L, "c");
    }

    /**
     * With two keys, on random tables: no line (all cells, each value of either key) ever has
     * exactly one suppressed cell unless it has no other non-empty cell, and every cell under the
     * threshold is suppressed.
     */
    @Test
    void shouldLeaveNoLineOfATwoKeyTableWithASingleSuppressedCell() {
        Random random = new Random(42);
        String[] needs = {"ASD", "SLCN", "SEMH", "MLD", "SPLD"};
        String[] sexes = {"F", "M"};
        for (int table = 0; table < 200; table++) {
            List<Aggregate> cells = new ArrayList<>();
            for (String need : needs) {
                for (String sex : sexes) {
                    if (random.nextInt(5) > 0) {
                        cells.add(cell(need, sex, 1 + random.nextInt(random.nextBoolean() ? 12 : 60), 0));
                    }
                }
            }
            List<Aggregate> shown = disclosure.apply(cells, TWO_KEYS);
            for (Aggregate cell : shown) {
                if (cell.rows() < 10) {
                    assertThat(cell.count()).isEqualTo("c");
                }
            }
            List<List<Aggregate>> lines = new ArrayList<>();
            lines.add(shown);
            for (String need : needs) {
                lines.add(shown.stream().filter(c -> need.equals(c.key().get("primaryNeed"))).toList());
            }
            for (String sex : sexes) {
                lines.add(shown.stream().filter(c -> sex.equals(c.key().get("sex"))).toList());
            }
            for (List<Aggregate> line : lines) {
                long suppressed = line.stream().filter(c -> c.suppressed() != null).count();
                assertThat(suppressed == 1 && line.size() > 1).as("table %d line %s", table, line).isFalse();
            }
        }
    }
}
