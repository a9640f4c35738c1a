package uk.gov.send.rep.hub.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import uk.gov.send.rep.hub.evaluation.PilotComparison.Pooled;
import uk.gov.send.rep.hub.evaluation.PilotEffect.Cell;
import uk.gov.send.rep.hub.evaluation.PilotEffect.Change;
import uk.gov.send.rep.hub.evaluation.PilotEffect.Trends;
import uk.gov.send.rep.hub.evaluation.TidyCsv.Row;
import uk.gov.send.rep.hub.period.Period;
import uk.gov.send.rep.hub.pilot.Pilot;
import uk.gov.send.rep.hub.query.InvalidArgumentException;

/**
 * The evaluation's answers as EES tidy-data tables ({@link TidyCsv}): series, and effects with
 * their pooled estimates. Every figure is the service's, as GraphQL returns it; nothing is
 * computed here. A pilot's arm has no EES geographic level, so every row is at level
 * {@code National} (England) with the filters {@code pilot} and {@code line}: EES's way of giving a
 * subgroup of a national population (README, "CSV export").
 */
final class EvaluationCsv {

    /** How a period is written in the downloads' parameters and cells: {@code 202324:Autumn term}. */
    static final String PERIOD_SYNTAX = "TIME_PERIOD:TIME_IDENTIFIER, e.g. 202324:Autumn term";

    static final List<String> SERIES_COLUMNS = columns(List.of("pilot", "measure", "value_kind", "line", "units",
        "missing", "value", "numerator", "denominator", "sd", "standard_error", "ci_lower", "ci_upper",
        "suppression_reason"));

    /** The arms and windows of an effect's cells, in column order. */
    private static final List<String> ARMS = List.of(Estimates.INTERVENTION, Estimates.COMPARISON);
    private static final List<String> WINDOWS = List.of(Estimates.BASELINE, Estimates.FOLLOW_UP);

    static final List<String> EFFECT_COLUMNS = columns(effectColumns());

    /** A pilot's row of an effect table, and the two rows of a pooled estimate. */
    static final String PILOT = "PILOT";
    static final String POOLED_FIXED = "POOLED_FIXED";
    static final String POOLED_RANDOM = "POOLED_RANDOM";

    /** The start of {@link Trends#note()} when the check is withheld by disclosure control ({@link Estimates}). */
    private static final String WITHHELD = "Withheld";

    private EvaluationCsv() {
    }

    private static List<String> columns(List<String> rest) {
        List<String> columns = new ArrayList<>(TidyCsv.TIME);
        columns.addAll(TidyCsv.NATIONAL);
        columns.addAll(rest);
        return List.copyOf(columns);
    }

    private static List<String> effectColumns() {
        List<String> columns = new ArrayList<>(List.of("estimate_type", "pilot", "reform", "measure", "method",
            "value_kind", "variance_from", "baseline_from", "baseline_to", "follow_up_from", "follow_up_to",
            "baseline_starts_on", "baseline_ends_before", "follow_up_starts_on", "follow_up_ends_before", "estimate",
            "standard_error", "degrees_of_freedom", "ci_lower", "ci_upper", "p_value", "reading"));
        for (String arm : ARMS) {
            for (String window : WINDOWS) {
                String prefix = snake(arm) + "_" + snake(window) + "_";
                for (String figure : List.of("units", "observations", "value", "standard_error")) {
                    columns.add(prefix + figure);
                }
            }
        }
        for (String arm : ARMS) {
            columns.addAll(List.of(snake(arm) + "_change_units", snake(arm) + "_mean_change", snake(arm) + "_change_sd"));
        }
        columns.addAll(List.of("trend_periods", "trend_slope_difference", "trend_standard_error",
            "trend_projected_drift", "trend_diverging", "pooled_pilots", "q", "i_squared", "tau_squared",
            "suppression_reason", "not_estimable", "trend_note", "summary"));
        return columns;
    }

    private static String snake(String constant) {
        return constant.toLowerCase(Locale.ROOT);
    }

    /** {@code 202324:Autumn term}, or null. */
    static String text(Period period) {
        return period == null ? null : period.timePeriod() + ":" + period.timeIdentifier();
    }

    /**
     * The period a parameter names ({@link #PERIOD_SYNTAX}; the identifier in any case, a space
     * as {@code +} or {@code %20}), or null when it is not given.
     * @throws InvalidArgumentException naming the parameter when it names no period
     */
    static Period period(String parameter, String text) {
        if (text == null) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new InvalidArgumentException(parameter, "'" + text + "' is not a period: write " + PERIOD_SYNTAX);
        }
        return EvaluationController.period(parameter,
            Map.of("timePeriod", text.substring(0, colon), "timeIdentifier", text.substring(colon + 1)));
    }

    /** Series of pilots: a row per pilot, line and period, in that order. */
    static TidyCsv series(Map<Pilot, OutcomeSeries> series) {
        TidyCsv table = new TidyCsv(SERIES_COLUMNS);
        series.forEach((pilot, lines) -> {
            boolean rate = lines.valueKind() == ValueKind.RATE;
            for (OutcomeSeries.Line line : lines.lines()) {
                for (SeriesPoint point : line.points()) {
                    boolean c = point.suppressed() != null;
                    Row row = table.row().time(point.period()).national()
                        .text("pilot", pilot.code()).text("measure", lines.measure().code())
                        .text("value_kind", lines.valueKind().name()).text("line", line.kind())
                        .count("units", point.n()).figure("missing", point.missing(), false)
                        .figure("value", point.value(), c).figure("standard_error", point.standardError(), c)
                        .figure("ci_lower", point.lower(), c).figure("ci_upper", point.upper(), c)
                        .text("suppression_reason", c ? point.suppressed().reason() : TidyCsv.NOT_APPLICABLE);
                    if (rate) {
                        row.figure("numerator", point.numerator(), c).figure("denominator", point.denominator(), c);
                    }
                    else {
                        row.figure("sd", point.sd(), c);
                    }
                }
            }
        });
        return table;
    }

    /**
     * Pilots' effects, a row each ({@value #PILOT}), then, when they are pooled, the fixed-effect
     * and random-effects estimates ({@value #POOLED_FIXED}, {@value #POOLED_RANDOM}).
     */
    static TidyCsv effects(PilotComparison comparison) {
        TidyCsv table = new TidyCsv(EFFECT_COLUMNS);
        for (PilotEffect effect : comparison.rows()) {
            effect(table.row(), comparison, effect);
        }
        Pooled pooled = comparison.pooled();
        if (pooled != null) {
            boolean c = pooled.suppressed() != null;
            pooled(table.row(), comparison, POOLED_FIXED).figure("estimate", pooled.estimate(), c)
                .figure("standard_error", pooled.standardError(), c).figure("ci_lower", pooled.lower(), c)
                .figure("ci_upper", pooled.upper(), c);
            // The random-effects interval is not among the service's figures: unavailable.
            pooled(table.row(), comparison, POOLED_RANDOM).figure("estimate", pooled.randomEstimate(), c)
                .figure("standard_error", pooled.randomStandardError(), c).figure("ci_lower", null, c)
                .figure("ci_upper", null, c).text("reading", c ? TidyCsv.SUPPRESSED : pooled.reading());
        }
        return table;
    }

    private static void effect(Row row, PilotComparison comparison, PilotEffect effect) {
        boolean c = effect.suppressed() != null;
        row.time(effect.followUp().to()).national()
            .text("estimate_type", PILOT).text("pilot", effect.pilot().code())
            .text("reform", comparison.reform() == null ? TidyCsv.NOT_APPLICABLE : comparison.reform().code())
            .text("measure", effect.measure().code()).text("method", effect.method())
            .text("value_kind", effect.valueKind().name()).text("variance_from", effect.varianceFrom())
            .text("baseline_from", text(effect.baseline().from())).text("baseline_to", text(effect.baseline().to()))
            .text("follow_up_from", text(effect.followUp().from())).text("follow_up_to", text(effect.followUp().to()))
            .date("baseline_starts_on", effect.baseline().startsOn())
            .date("baseline_ends_before", effect.baseline().endsBefore())
            .date("follow_up_starts_on", effect.followUp().startsOn())
            .date("follow_up_ends_before", effect.followUp().endsBefore())
            .figure("estimate", effect.estimate(), c).figure("standard_error", effect.standardError(), c)
            .text("degrees_of_freedom", c ? TidyCsv.SUPPRESSED : effect.estimate() == null ? TidyCsv.UNAVAILABLE
                : effect.degreesOfFreedom() == null ? TidyCsv.NOT_APPLICABLE : TidyCsv.number(effect.degreesOfFreedom()))
            .figure("ci_lower", effect.lower(), c).figure("ci_upper", effect.upper(), c)
            .figure("p_value", effect.pValue(), c).text("reading", c ? TidyCsv.SUPPRESSED : effect.reading())
            .text("suppression_reason", c ? effect.suppressed().reason() : TidyCsv.NOT_APPLICABLE)
            .text("not_estimable", Objects.requireNonNullElse(effect.notEstimable(), TidyCsv.NOT_APPLICABLE))
            .text("summary", effect.summary());
        for (Cell cell : effect.cells()) {
            boolean withheld = cell.suppressed() != null;
            String prefix = snake(cell.arm()) + "_" + snake(cell.window()) + "_";
            row.count(prefix + "units", cell.units()).count(prefix + "observations", cell.observations())
                .figure(prefix + "value", cell.value(), withheld)
                .figure(prefix + "standard_error", cell.standardError(), withheld);
        }
        for (Change change : effect.changes()) {
            boolean withheld = change.suppressed() != null;
            String arm = snake(change.arm());
            row.count(arm + "_change_units", change.units()).figure(arm + "_mean_change", change.meanChange(), withheld)
                .figure(arm + "_change_sd", change.sd(), withheld);
        }
        Trends trends = effect.parallelTrends();
        boolean withheld = trends.note().startsWith(WITHHELD);
        row.figure("trend_periods", trends.periods(), withheld)
            .figure("trend_slope_difference", trends.slopeDifference(), withheld)
            .figure("trend_standard_error", trends.standardError(), withheld)
            .figure("trend_projected_drift", trends.projectedDrift(), withheld)
            .text("trend_note", trends.note());
        if (withheld) {
            row.text("trend_diverging", TidyCsv.SUPPRESSED);
        }
        else {
            row.flag("trend_diverging", trends.diverging());
        }
    }

    /** The cells both pooled rows share. */
    private static Row pooled(Row row, PilotComparison comparison, String type) {
        Pooled pooled = comparison.pooled();
        boolean c = pooled.suppressed() != null;
        PilotEffect first = comparison.rows().getFirst();
        Period latest = comparison.rows().stream().map(e -> e.followUp().to()).filter(Objects::nonNull)
            .max(Period::compareTo).orElse(null);
        return row.time(latest).national().text("estimate_type", type)
            .text("reform", pooled.reform() == null ? null : pooled.reform().code())
            .text("measure", first.measure().code()).text("method", first.method())
            .text("value_kind", first.valueKind().name())
            .figure("p_value", null, c)
            .figure("pooled_pilots", c ? null : pooled.pilots(), c).figure("q", pooled.q(), c)
            .figure("i_squared", pooled.iSquared(), c).figure("tau_squared", pooled.tauSquared(), c)
            .text("suppression_reason", c ? pooled.suppressed().reason() : TidyCsv.NOT_APPLICABLE)
            .text("not_estimable", Objects.requireNonNullElse(pooled.notEstimable(), TidyCsv.NOT_APPLICABLE));
    }
}
