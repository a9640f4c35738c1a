package uk.gov.send.rep.hub.seed;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import uk.gov.send.rep.hub.seed.SeedInputs.Area;
import uk.gov.send.rep.hub.seed.SeedInputs.Generation;
import uk.gov.send.rep.hub.seed.SeedInputs.Measure;
import uk.gov.send.rep.hub.seed.SeedRow.Kind;
import uk.gov.send.rep.hub.seed.SeedRow.ObservationRow;

/**
 * Area-level measures: value = mean + period offset + area effect + noise + true pilot effects,
 * clamped and rounded. Counts ({@code COUNT}) are modelled per 10,000 residents. Where a national
 * denominator is given, the area's share of it by population gives a numerator and denominator,
 * and the value is their ratio; fewer than 10 in the denominator is suppressed ({@code c}).
 *
 * <p>The area effects of {@code EHCP_20_WEEKS} and {@code PCT_SEN_IN_MAINSTREAM} also drive the
 * plans and placements, so that the children of an area agree with its published figures.
 */
final class AreaModel {

    static final String EHCP_20_WEEKS = "EHCP_20_WEEKS";
    static final String PCT_SEN_IN_MAINSTREAM = "PCT_SEN_IN_MAINSTREAM";
    private static final int SUPPRESSION_THRESHOLD = 10;

    private final SeedInputs inputs;
    private final PilotDesign design;
    private final long seed;
    private final List<Integer> academicYears;
    private final double totalPopulation;
    private final Measure twentyWeeks;
    /** Per area: mean plus area effect of the 20-week rate, and the mainstream share. */
    private final double[] twentyWeekBase;
    private final double[] mainstreamShare;

    AreaModel(SeedInputs inputs, PilotDesign design, long seed, List<Integer> academicYears) {
        this.inputs = inputs;
        this.design = design;
        this.seed = seed;
        this.academicYears = academicYears;
        this.totalPopulation = inputs.areas().stream().mapToDouble(Area::population).sum();
        this.twentyWeeks = inputs.measure(EHCP_20_WEEKS);
        Measure mainstream = inputs.measure(PCT_SEN_IN_MAINSTREAM);
        int n = inputs.areas().size();
        this.twentyWeekBase = new double[n];
        this.mainstreamShare = new double[n];
        for (int a = 0; a < n; a++) {
            twentyWeekBase[a] = twentyWeeks.mean() + areaEffect(twentyWeeks, a);
            mainstreamShare[a] = Math.clamp((mainstream.mean() + areaEffect(mainstream, a)) / 100, 0.05, 0.95);
        }
    }

    /** The area's persistent departure from the national mean of a measure. */
    double areaEffect(Measure measure, int area) {
        return Randoms.stream(seed, "area-effect-" + measure.code(), area).nextGaussian() * measure.areaSd();
    }

    /**
     * Probability that a plan requested on {@code requested} in this area is issued within 20 weeks:
     * the area's modelled rate for the calendar year, with any pilot effect from the pilot's start.
     */
    double withinTwentyWeeks(int area, LocalDate requested) {
        int first = academicYears.getFirst() / 100;
        int k = Math.clamp(requested.getYear() - first, 0, 2);
        double percent = twentyWeekBase[area] + twentyWeeks.periodOffsets().get(k)
            + design.areaEffect(EHCP_20_WEEKS, area, requested);
        return Math.clamp(percent / 100, 0.02, 0.98);
    }

    /** The area's share of pupils with EHC plans placed in mainstream schools. */
    double mainstreamShare(int area) {
        return mainstreamShare[area];
    }

    /** Every area-level observation: each area, each generated measure, each period. */
    void generate(SeedSink sink) {
        List<Area> areas = inputs.areas();
        for (Measure measure : inputs.measures()) {
            if (measure.generation() != Generation.AREA) {
                continue;
            }
            List<Period> periods = Period.of(measure.periodType(), academicYears);
            for (int a = 0; a < areas.size(); a++) {
                double areaEffect = areaEffect(measure, a);
                for (Period period : periods) {
                    sink.accept(observe(measure, a, areaEffect, period));
                }
            }
        }
    }

    private ObservationRow observe(Measure measure, int a, double areaEffect, Period period) {
        Area area = inputs.areas().get(a);
        int k = period.yearIndex();
        SplittableRandom random = Randoms.stream(seed, "area-noise-" + measure.code(), a * 16L + k);
        double value = measure.mean() + measure.periodOffsets().get(k) + areaEffect
            + random.nextGaussian() * measure.noiseSd()
            + design.areaEffect(measure.code(), a, period.start());
        value = clamp(measure, value);
        Double numerator = null;
        Double denominator = null;
        String status = null;
        if ("COUNT".equals(measure.unit())) {
            value = Math.max(0, Math.round(value * area.population() / 10));
        }
        else if (!measure.nationalDenominators().isEmpty()) {
            long den = Math.round(measure.nationalDenominators().get(k) * area.population() / totalPopulation);
            if (den < SUPPRESSION_THRESHOLD) {
                return ObservationRow.of(Kind.AREA_OBSERVATION, measure.code(), area.code(), period, null, null,
                    null, "c");
            }
            long num = Math.clamp(Randoms.roundStochastic(random, value / 100 * den), 0, den);
            numerator = (double) num;
            denominator = (double) den;
            value = 100.0 * num / den;
        }
        return ObservationRow.of(Kind.AREA_OBSERVATION, measure.code(), area.code(), period,
            round(value, measure.decimals()), numerator, denominator, status);
    }

    private static double clamp(Measure measure, double value) {
        double low = measure.min() == null ? Double.NEGATIVE_INFINITY : measure.min();
        double high = measure.max() == null ? Double.POSITIVE_INFINITY : measure.max();
        return Math.clamp(value, low, high);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
