package uk.gov.send.rep.hub.evaluation;

import java.util.List;

import uk.gov.send.rep.hub.area.LocalArea;
import uk.gov.send.rep.hub.outcome.Measure;

/**
 * An area's value on an area-level measure beside its region, partnership, England and statistical
 * neighbours (the GraphQL type {@code AreaBenchmark}; README "Area benchmarking").
 *
 * @param area the benchmarked area
 * @param measure the measure
 * @param valueKind how the lines' points are pooled
 * @param lines the area, region, partnership (if any), England and neighbours (if any), in that order
 * @param neighbours the statistical neighbours, nearest first
 * @param characteristics the measures the neighbours were chosen on, by code
 */
record AreaBenchmark(LocalArea area, Measure measure, ValueKind valueKind, List<Line> lines,
        List<Neighbour> neighbours, List<Measure> characteristics) {

    /** Which areas a line is computed over (GraphQL {@code BenchmarkLineKind}). */
    enum LineKind {
        AREA, REGION, PARTNERSHIP, ENGLAND, NEIGHBOURS
    }

    /** One line: a group of areas' value per period (GraphQL {@code BenchmarkLine}). */
    record Line(LineKind kind, String label, List<SeriesPoint> points) {
    }

    /**
     * One statistical neighbour (GraphQL {@code StatisticalNeighbour}).
     *
     * @param rank 1 for the nearest
     * @param distance root mean square of the z-score differences
     * @param sharedCharacteristics the characteristics the distance is computed over
     */
    record Neighbour(LocalArea area, int rank, double distance, int sharedCharacteristics) {
    }
}
