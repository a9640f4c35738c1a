package uk.gov.send.rep.hub.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import uk.gov.send.rep.hub.evaluation.EvaluationQueries.MeasureInfo;
import uk.gov.send.rep.hub.evaluation.EvaluationQueries.PilotWindows;
import uk.gov.send.rep.hub.evaluation.PilotComparison.Pooled;
import uk.gov.send.rep.hub.evaluation.PilotEffect.Cell;
import uk.gov.send.rep.hub.evaluation.PilotEffect.Change;
import uk.gov.send.rep.hub.evaluation.PilotEffect.Trends;
import uk.gov.send.rep.hub.evaluation.PilotEffect.Window;
import uk.gov.send.rep.hub.period.Period;
import uk.gov.send.rep.hub.pilot.Pilot;
import uk.gov.send.rep.hub.query.Suppression;
import uk.gov.send.rep.hub.reform.Reform;

/**
 * The statistics of pilot evaluation (ADR 0013), from the aggregates {@link EvaluationQueries}
 * returns. Every figure that counts children passes {@link Disclosure} first; an estimate that
 * depends on a suppressed figure is suppressed itself ({@code DEPENDENT}).
 */
final class Estimates {

    static final String INTERVENTION = "INTERVENTION";
    static final String COMPARISON = "COMPARISON";
    static final String BASELINE = "BASELINE";
    static final String FOLLOW_UP = "FOLLOW_UP";
    static final String UNIT_CHANGE = "UNIT_CHANGE";
    static final String CELLS = "CELLS";

    private Estimates() {
    }

    /**
     * Which figures a viewer sees: those counting children are suppressed (primary) when the
     * viewer may not read every child counted and there are more than none and fewer than the
     * threshold; figures of areas (published statistics) never are.
     */
    record Disclosure(boolean controlled, int threshold) {

        Suppression of(long n, long outside) {
            return controlled && outside > 0 && n > 0 && n < threshold ? Suppression.primary(threshold) : null;
        }
    }

    /** One pilot's effect from its row of {@link EvaluationQueries#effects}. */
    @SuppressWarnings("unchecked")
    static PilotEffect effect(Pilot pilot, MeasureInfo measure, String method, PilotWindows windows,
            Map<String, Object> row, Disclosure disclosure) {
        List<Map<String, Object>> cellRows = row == null ? List.of() : (List<Map<String, Object>>) row.get("cells");
        List<Map<String, Object>> changeRows = row == null ? List.of() : (List<Map<String, Object>>) row.get("changes");
        List<Map<String, Object>> periodRows = row == null ? List.of() : (List<Map<String, Object>>) row.get("periods");
        ValueKind kind = measure.kind();

        List<Cell> cells = new ArrayList<>();
        double[] values = new double[4];
        double[] variances = new double[4];
        double[] df = new double[4];
        boolean anySuppressed = false;
        String missingCell = null;
        int i = 0;
        for (String arm : List.of(INTERVENTION, COMPARISON)) {
            for (String window : List.of(BASELINE, FOLLOW_UP)) {
                Map<String, Object> c = find(cellRows, arm, window);
                long units = c == null ? 0 : number(c, "units");
                long observations = c == null ? 0 : number(c, "observations");
                Suppression suppressed = disclosure.of(units, c == null ? 0 : number(c, "outside"));
                Double value = null;
                Double se = null;
                if (c != null && observations > 0) {
                    if (kind == ValueKind.RATE) {
                        double p = decimal(c, "numerator") / decimal(c, "denominator");
                        value = 100 * p;
                        se = 100 * Math.sqrt(p * (1 - p) / decimal(c, "denominator"));
                        df[i] = Double.POSITIVE_INFINITY;
                    }
                    else {
                        value = decimal(c, "mean");
                        se = observations > 1 ? decimal(c, "sd") / Math.sqrt(observations) : null;
                        df[i] = observations - 1;
                    }
                }
                if (value == null && missingCell == null) {
                    missingCell = "no " + arm.toLowerCase(Locale.ROOT) + " observations in the "
                        + (window.equals(BASELINE) ? "baseline" : "follow-up") + " window";
                }
                values[i] = value == null ? Double.NaN : value;
                variances[i] = se == null ? Double.NaN : se * se;
                anySuppressed |= suppressed != null;
                if (suppressed != null) {
                    cells.add(new Cell(arm, window, Suppression.SYMBOL, Suppression.SYMBOL, null, null, suppressed));
                }
                else if (periodSuppressed(periodRows, arm, window, disclosure)) {
                    // The cell pools the window's periods: with the other periods of the series,
                    // its observations, value and variance would give a suppressed period away.
                    // Its children are counted once each, so their number stays.
                    cells.add(new Cell(arm, window, units, Suppression.SYMBOL, null, null,
                        Suppression.secondary(disclosure.threshold())));
                    // The CELLS estimate is a sum of the cells: with the other three it gives this one.
                    anySuppressed |= method.equals(CELLS);
                }
                else {
                    cells.add(new Cell(arm, window, units, observations, value, se, null));
                }
                i++;
            }
        }

        List<Change> changes = new ArrayList<>();
        double[] means = new double[2];
        double[] changeVariances = new double[2];
        double[] changeDf = new double[2];
        String tooFew = null;
        String noUnits = null;
        long[] armUnits = new long[2];
        if (method.equals(UNIT_CHANGE)) {
            int a = 0;
            for (String arm : List.of(INTERVENTION, COMPARISON)) {
                Map<String, Object> c = find(changeRows, arm, null);
                long units = c == null ? 0 : number(c, "units");
                Suppression suppressed = disclosure.of(units, c == null ? 0 : number(c, "outside"));
                Double mean = c == null ? null : decimal(c, "meanChange");
                Double sd = units > 1 ? decimal(c, "sd") : null;
                anySuppressed |= suppressed != null;
                changes.add(suppressed != null ? new Change(arm, Suppression.SYMBOL, null, null, suppressed)
                    : new Change(arm, units, mean, sd, null));
                String who = (measure.childLevel() ? "children" : "areas") + " in the " + arm.toLowerCase(Locale.ROOT)
                    + " arm";
                if (units < 2 && tooFew == null) {
                    tooFew = "fewer than two " + who + " have values in both windows (" + units + ")";
                }
                if (units == 0 && noUnits == null) {
                    noUnits = "no " + who + " has values in both windows";
                }
                armUnits[a] = units;
                means[a] = mean == null ? Double.NaN : mean;
                changeVariances[a] = sd == null ? Double.NaN : sd * sd / units;
                changeDf[a] = units - 1;
                a++;
            }
        }

        Double estimate;
        Double se;
        Double dof;
        String notEstimable;
        String varianceFrom;
        Map<String, Object> reference = row == null ? null : (Map<String, Object>) row.get("reference");
        if (method.equals(UNIT_CHANGE) && reference != null) {
            // Area level: two to four areas an arm cannot estimate their own variance; every area
            // in no pilot's intervention arm changes with the same noise (ADR 0013).
            long referenceUnits = number(reference, "units");
            Double referenceSd = decimal(reference, "sd");
            varianceFrom = "REFERENCE_AREAS";
            notEstimable = noUnits != null ? noUnits
                : referenceUnits < 2 || referenceSd == null ? "fewer than two reference areas have values in both windows"
                : null;
            estimate = means[0] - means[1];
            se = referenceSd == null || noUnits != null ? Double.NaN
                : referenceSd * Math.sqrt(1.0 / armUnits[0] + 1.0 / armUnits[1]);
            dof = referenceUnits > 1 ? (double) (referenceUnits - 1) : null;
        }
        else if (method.equals(UNIT_CHANGE)) {
            varianceFrom = "ARMS";
            notEstimable = tooFew;
            estimate = means[0] - means[1];
            se = Math.sqrt(changeVariances[0] + changeVariances[1]);
            dof = Statistics.welchSatterthwaite(changeVariances, changeDf);
        }
        else {
            varianceFrom = "CELLS";
            notEstimable = missingCell;
            estimate = (values[1] - values[0]) - (values[3] - values[2]);
            se = Math.sqrt(variances[0] + variances[1] + variances[2] + variances[3]);
            dof = kind == ValueKind.RATE ? null : Statistics.welchSatterthwaite(variances, df);
            if (notEstimable == null && se.isNaN()) {
                notEstimable = "a cell has a single observation, so its variance is unknown";
            }
        }

        Window baseline = window(windows.baseline(), periodRows, BASELINE);
        Window followUp = window(windows.followUp(), periodRows, FOLLOW_UP);
        Trends trends = trends(periodRows, kind, disclosure, notEstimable == null && !anySuppressed ? se : null);
        if (anySuppressed) {
            return new PilotEffect(pilot, measure.measure(), method, kind, varianceFrom, baseline, followUp, null, null, null, null,
                null, null, null, "Withheld: the estimate depends on a group of fewer than " + disclosure.threshold()
                    + " children outside your scope.",
                cells, changes, trends, Suppression.dependent(disclosure.threshold()), null);
        }
        if (notEstimable != null || estimate.isNaN() || se.isNaN()) {
            String why = notEstimable != null ? notEstimable : "the standard error cannot be computed";
            return new PilotEffect(pilot, measure.measure(), method, kind, varianceFrom, baseline, followUp, null, null, null, null,
                null, null, null, "No estimate: " + why + ".", cells, changes, trends, null, why);
        }
        double critical = Statistics.critical(dof);
        double lower = estimate - critical * se;
        double upper = estimate + critical * se;
        String reading = reading(measure.measure().polarity(), lower, upper);
        return new PilotEffect(pilot, measure.measure(), method, kind, varianceFrom, baseline, followUp, estimate, se, dof, lower,
            upper, Statistics.pValue(estimate, se, dof), reading, summary(measure, reading, estimate, lower, upper),
            cells, changes, trends, null, null);
    }

    /**
     * The parallel-trends check: per period present in both arms, intervention minus comparison;
     * a least-squares line through the baseline ones (x = the period's place among all the
     * periods of both windows); its slope carried from the middle of the baseline periods to the
     * middle of the follow-up ones.
     */
    private static Trends trends(List<Map<String, Object>> periods, ValueKind kind, Disclosure disclosure,
            Double estimateError) {
        TreeMap<String, double[]> byPeriod = new TreeMap<>();
        TreeMap<String, String> windowOf = new TreeMap<>();
        boolean suppressed = false;
        for (Map<String, Object> p : periods) {
            long n = number(p, "n");
            if (n == 0) {
                continue;
            }
            suppressed |= disclosure.of(n, number(p, "outside")) != null;
            String key = p.get("start") + "|" + p.get("timePeriod") + "|" + p.get("timeIdentifier");
            double value = kind == ValueKind.RATE ? 100 * decimal(p, "numerator") / decimal(p, "denominator")
                : decimal(p, "mean");
            double[] pair = byPeriod.computeIfAbsent(key, k -> new double[] {Double.NaN, Double.NaN});
            pair[INTERVENTION.equals(p.get("arm")) ? 0 : 1] = value;
            windowOf.put(key, (String) p.get("window"));
        }
        if (suppressed) {
            return new Trends(0, null, null, null, null,
                "Withheld: a period's figure counts fewer than " + disclosure.threshold() + " children outside your scope.");
        }
        List<double[]> baseline = new ArrayList<>();
        double followUpPlaces = 0;
        int followUps = 0;
        int place = 0;
        for (Map.Entry<String, double[]> e : byPeriod.entrySet()) {
            double[] pair = e.getValue();
            if (!Double.isNaN(pair[0]) && !Double.isNaN(pair[1])) {
                if (BASELINE.equals(windowOf.get(e.getKey()))) {
                    baseline.add(new double[] {place, pair[0] - pair[1]});
                }
                else {
                    followUpPlaces += place;
                    followUps++;
                }
            }
            place++;
        }
        int k = baseline.size();
        if (k < 2) {
            return new Trends(k, null, null, null, null,
                "Not checked: fewer than two baseline periods with both arms observed (" + k + ").");
        }
        double meanX = baseline.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = baseline.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (double[] p : baseline) {
            sxx += (p[0] - meanX) * (p[0] - meanX);
            sxy += (p[0] - meanX) * (p[1] - meanY);
        }
        double slope = sxy / sxx;
        Double slopeError = null;
        if (k > 2) {
            double residuals = 0;
            for (double[] p : baseline) {
                double r = p[1] - (meanY + slope * (p[0] - meanX));
                residuals += r * r;
            }
            slopeError = Math.sqrt(residuals / (k - 2) / sxx);
        }
        Double drift = followUps == 0 ? null : slope * (followUpPlaces / followUps - meanX);
        Boolean diverging = drift == null || estimateError == null ? null : Math.abs(drift) > estimateError;
        String note = diverging == null
            ? "Slopes compared over " + k + " baseline periods; no follow-up estimate to compare the drift with."
            : diverging
                ? "Diverging: carried forward, the gap in pre-period slopes would move the estimate by more than its standard error; read it with care."
                : "Parallel enough: carried forward, the gap in pre-period slopes stays within the estimate's standard error.";
        return new Trends(k, slope, slopeError, drift, diverging, note);
    }

    private static Window window(EvaluationQueries.Window dates, List<Map<String, Object>> periods, String which) {
        Period first = null;
        Period last = null;
        for (Map<String, Object> p : periods) {
            if (!which.equals(p.get("window"))) {
                continue;
            }
            Period period = period(p);
            if (period == null) {
                continue;
            }
            first = first == null || period.compareTo(first) < 0 ? period : first;
            last = last == null || period.compareTo(last) > 0 ? period : last;
        }
        return new Window(first, last, dates.from(), dates.to());
    }

    /** The period of a row with {@code timePeriod} and {@code timeIdentifier}, or null if the hub knows no such period. */
    static Period period(Map<String, Object> row) {
        try {
            return Period.parse(String.valueOf(row.get("timePeriod")), (String) row.get("timeIdentifier"));
        }
        catch (RuntimeException unknown) {
            return null;
        }
    }

    /**
     * What an interval says, read with the measure's polarity: a change only when the 95%
     * interval excludes zero.
     */
    static String reading(String polarity, double lower, double upper) {
        if (lower <= 0 && upper >= 0) {
            return "NO_CLEAR_CHANGE";
        }
        boolean rose = lower > 0;
        return switch (polarity == null ? "NEUTRAL" : polarity) {
            case "HIGHER_IS_BETTER" -> rose ? "IMPROVED" : "WORSENED";
            case "LOWER_IS_BETTER" -> rose ? "WORSENED" : "IMPROVED";
            default -> rose ? "INCREASED" : "DECREASED";
        };
    }

    private static String summary(MeasureInfo measure, String reading, double estimate, double lower, double upper) {
        String unit = measure.kind() == ValueKind.RATE || "PERCENT".equals(measure.measure().unit())
            ? " percentage points" : "";
        String name = measure.measure().name();
        String interval = String.format(Locale.UK, "(95%% CI %s to %s)", round(lower), round(upper));
        String moved = estimate >= 0 ? "rose" : "fell";
        String change = String.format(Locale.UK, "%s %s by %s%s %s relative to the comparison arm", name, moved,
            round(Math.abs(estimate)), unit, interval);
        return switch (reading) {
            case "NO_CLEAR_CHANGE" -> String.format(Locale.UK,
                "No clear change: the difference in %s is %s%s %s, and the interval includes no change.",
                name, round(estimate), unit, interval);
            case "IMPROVED" -> "Improved: " + change + ".";
            case "WORSENED" -> "Worsened: " + change + ".";
            default -> change.substring(0, 1).toUpperCase(Locale.UK) + change.substring(1) + ".";
        };
    }

    private static String round(double value) {
        return String.format(Locale.UK, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 1 ? "%.2f" : "%.3f", value);
    }

    /**
     * Rows of one reform pooled by inverse variance: fixed effect (weights 1/SE²), Cochran's Q,
     * I² = (Q - df) / Q, DerSimonian-Laird τ² and the random-effects estimate (weights
     * 1/(SE² + τ²)). Suppressed when any row is; the reading is the random-effects interval's.
     */
    static Pooled pool(Reform reform, List<PilotEffect> rows, String polarity, int threshold) {
        if (rows.stream().anyMatch(r -> r.suppressed() != null)) {
            return new Pooled(reform, 0, null, null, null, null, null, null, null, null, null, null,
                Suppression.dependent(threshold), null);
        }
        List<PilotEffect> usable = rows.stream()
            .filter(r -> r.estimate() != null && r.standardError() != null && r.standardError() > 0).toList();
        if (usable.isEmpty()) {
            return new Pooled(reform, 0, null, null, null, null, null, null, null, null, null, null, null,
                "no pilot has an estimate with a standard error");
        }
        double sumW = 0;
        double sumWE = 0;
        double sumW2 = 0;
        for (PilotEffect r : usable) {
            double w = 1 / (r.standardError() * r.standardError());
            sumW += w;
            sumWE += w * r.estimate();
            sumW2 += w * w;
        }
        double fixed = sumWE / sumW;
        double fixedError = Math.sqrt(1 / sumW);
        double q = 0;
        for (PilotEffect r : usable) {
            double w = 1 / (r.standardError() * r.standardError());
            q += w * (r.estimate() - fixed) * (r.estimate() - fixed);
        }
        int df = usable.size() - 1;
        // (Boxed: with a double in one branch, a null in the other would be unboxed, a NullPointerException for one pilot.)
        Double iSquared = df > 0 && q > 0 ? Double.valueOf(Math.max(0, (q - df) / q)) : df > 0 ? 0.0 : null;
        double tau2 = df > 0 ? Math.max(0, (q - df) / (sumW - sumW2 / sumW)) : 0;
        double sumRandom = 0;
        double sumRandomE = 0;
        for (PilotEffect r : usable) {
            double w = 1 / (r.standardError() * r.standardError() + tau2);
            sumRandom += w;
            sumRandomE += w * r.estimate();
        }
        double random = sumRandomE / sumRandom;
        double randomError = Math.sqrt(1 / sumRandom);
        double z = Statistics.critical(null);
        return new Pooled(reform, usable.size(), fixed, fixedError, fixed - z * fixedError, fixed + z * fixedError,
            df > 0 ? q : null, iSquared, df > 0 ? tau2 : null, random, randomError,
            reading(polarity, random - z * randomError, random + z * randomError), null, null);
    }

    /** Whether a period of an arm's window counts too few children outside the viewer's scope to show. */
    private static boolean periodSuppressed(List<Map<String, Object>> periods, String arm, String window,
            Disclosure disclosure) {
        for (Map<String, Object> p : periods) {
            if (arm.equals(p.get("arm")) && window.equals(p.get("window"))
                    && disclosure.of(number(p, "n"), number(p, "outside")) != null) {
                return true;
            }
        }
        return false;
    }

    /** The row of an arm (and window, if given) among a statement's collected maps, or null. */
    private static Map<String, Object> find(List<Map<String, Object>> rows, String arm, String window) {
        for (Map<String, Object> r : rows) {
            if (arm.equals(r.get("arm")) && (window == null || window.equals(r.get("window")))) {
                return r;
            }
        }
        return null;
    }

    static long number(Map<String, Object> row, String key) {
        return row.get(key) instanceof Number n ? n.longValue() : 0;
    }

    static Double decimal(Map<String, Object> row, String key) {
        return row.get(key) instanceof Number n ? n.doubleValue() : null;
    }

    /** Dates of a window from its first and last period (either open). */
    static EvaluationQueries.Window dates(Period from, Period to) {
        LocalDate start = from == null ? null : from.start();
        LocalDate end = to == null ? null : to.end();
        return new EvaluationQueries.Window(start, end);
    }
}
