package uk.gov.send.rep.hub.evaluation;

import java.time.LocalDate;
import java.util.List;

import uk.gov.send.rep.hub.outcome.Measure;
import uk.gov.send.rep.hub.period.Period;
import uk.gov.send.rep.hub.pilot.Pilot;
import uk.gov.send.rep.hub.query.Suppression;

/**
 * A pilot's difference in differences on one measure (the GraphQL type {@code PilotEffect}); see
 * {@link Estimates} for how each figure is computed.
 */
public record PilotEffect(Pilot pilot, Measure measure, String method, ValueKind valueKind, String varianceFrom, Window baseline,
        Window followUp, Double estimate, Double standardError, Double degreesOfFreedom, Double lower, Double upper,
        Double pValue, String reading, String summary, List<Cell> cells, List<Change> changes, Trends parallelTrends,
        Suppression suppressed, String notEstimable) {

    /** The periods a window covers, as found in the data, and the dates it admits (GraphQL {@code PeriodWindow}). */
    public record Window(Period from, Period to, LocalDate startsOn, LocalDate endsBefore) {
    }

    /** One arm in one window (GraphQL {@code EffectCell}); counts are a {@code Long} or {@code "c"}. */
    public record Cell(String arm, String window, Object units, Object observations, Double value,
            Double standardError, Suppression suppressed) {
    }

    /** One arm's change unit by unit (GraphQL {@code ArmChange}). */
    public record Change(String arm, Object units, Double meanChange, Double sd, Suppression suppressed) {
    }

    /** The parallel pre-trends check (GraphQL {@code ParallelTrends}). */
    public record Trends(int periods, Double slopeDifference, Double standardError, Double projectedDrift,
            Boolean diverging, String note) {
    }
}
