package uk.gov.send.rep.hub.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Disclosure control of one answer's aggregates (ADR 0010, README "Disclosure control"), applied
 * to the sets a statement returned: the {@code aggregate} of a connection, or the groups of a
 * {@code groupBy}. Only sets with rows outside the request's scope ({@link Aggregate#controlled()})
 * are ever suppressed; a scope that may read every row counted sees exact figures.
 * <ul>
 * <li><b>Primary</b>: a controlled set of more than none and fewer than the threshold rows is
 *     suppressed: its count shows {@code c}, its mean and total are null. Zero is shown: a group
 *     with no rows is not returned at all, and an aggregate of no rows discloses no one.</li>
 * <li><b>Secondary</b>, for {@code groupBy}: the groups of one answer add up to the connection's
 *     count, and with two keys the groups sharing one key's value add up to that value's count in
 *     a one-key grouping. In each such line, a single suppressed cell could be worked out from the
 *     total and its siblings, so the smallest other cell of that line is suppressed too (a
 *     controlled one first), until no line has exactly one suppressed cell.</li>
 * </ul>
 * The smallest and largest values of protected rows are shown to {@code NATIONAL} only (each is
 * one row's value): {@link GraphReader} withholds them before this runs.
 * Differencing across separate queries (e.g. two overlapping filters) is not controlled here:
 * see the README.
 */
final class Disclosure {

    private final int threshold;

    Disclosure(int threshold) {
        this.threshold = threshold;
    }

    int threshold() {
        return threshold;
    }

    List<Aggregate> apply(List<Aggregate> sets, AggregateSpec spec) {
        if (sets.stream().noneMatch(Aggregate::controlled)) {
            return sets;
        }
        Aggregate[] cells = sets.toArray(Aggregate[]::new);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].controlled() && cells[i].rows() > 0 && cells[i].rows() < threshold) {
                cells[i] = cells[i].suppress(Suppression.primary(threshold));
            }
        }
        if (!spec.by().isEmpty()) {
            secondary(cells, lines(cells, spec));
        }
        return Arrays.asList(cells);
    }

    /** The sets of cells whose total is known: all of them, and with two keys each value's row and column. */
    private static List<List<Integer>> lines(Aggregate[] cells, AggregateSpec spec) {
        List<List<Integer>> lines = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            all.add(i);
        }
        lines.add(all);
        if (spec.by().size() > 1) {
            for (GroupKey key : spec.by()) {
                Map<Object, List<Integer>> byValue = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    byValue.computeIfAbsent(String.valueOf(cells[i].key().get(key.name())), v -> new ArrayList<>()).add(i);
                }
                lines.addAll(byValue.values());
            }
        }
        return lines;
    }

    private void secondary(Aggregate[] cells, List<List<Integer>> lines) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Integer> line : lines) {
                long suppressed = line.stream().filter(i -> cells[i].suppressed() != null).count();
                if (suppressed != 1) {
                    continue;
                }
                Integer pick = null;
                for (int i : line) {
                    Aggregate cell = cells[i];
                    if (cell.suppressed() != null || cell.rows() == 0) {
                        continue;
                    }
                    if (pick == null || better(cell, cells[pick])) {
                        pick = i;
                    }
                }
                if (pick != null) {
                    cells[pick] = cells[pick].suppress(Suppression.secondary(threshold));
                    changed = true;
                }
            }
        }
    }

    /** A controlled cell before one the viewer may read anyway, then the smaller. */
    private static boolean better(Aggregate cell, Aggregate than) {
        if (cell.controlled() != than.controlled()) {
            return cell.controlled();
        }
        return cell.rows() < than.rows();
    }
}
