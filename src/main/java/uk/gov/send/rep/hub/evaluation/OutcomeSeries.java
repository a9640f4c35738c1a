package uk.gov.send.rep.hub.evaluation;

import java.util.List;

import uk.gov.send.rep.hub.outcome.Measure;

/**
 * A pilot's outcome series on one measure (the GraphQL type {@code OutcomeSeries}).
 *
 * @param measure the measure
 * @param valueKind how the points are pooled
 * @param lines the intervention and comparison arms, then the partnership and England
 */
public record OutcomeSeries(Measure measure, ValueKind valueKind, List<Line> lines) {

    /** One line of a series: its kind (INTERVENTION, COMPARISON, PARTNERSHIP, ENGLAND), a label, its points. */
    public record Line(String kind, String label, List<SeriesPoint> points) {
    }
}
