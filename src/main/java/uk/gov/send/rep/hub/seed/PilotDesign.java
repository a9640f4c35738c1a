package uk.gov.send.rep.hub.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.gov.send.rep.hub.seed.SeedInputs.Area;
import uk.gov.send.rep.hub.seed.SeedInputs.PilotEffect;
import uk.gov.send.rep.hub.seed.SeedInputs.PilotSpec;

/**
 * The pilots as the generator applies them: which area is in which arm, which true effect applies
 * where, and from when. An effect applies to observations whose period starts on or after the
 * pilot's start (and stays after its end: reforms are sustained); before that both arms follow the
 * same model, so a difference-in-differences against the comparison arm recovers it.
 */
final class PilotDesign {

    static final String INTERVENTION = "INTERVENTION";
    static final String COMPARISON = "COMPARISON";

    private final List<PilotSpec> pilots;
    private final List<Area> areas;
    /** Per pilot (index), the arm of each area (index), or null. */
    private final String[][] arms;
    /** Per pilot (index), true effects by measure code, in file order. */
    private final List<Map<String, Double>> effects = new ArrayList<>();

    PilotDesign(SeedInputs inputs) {
        this.pilots = inputs.pilots();
        this.areas = inputs.areas();
        this.arms = new String[pilots.size()][areas.size()];
        for (int p = 0; p < pilots.size(); p++) {
            PilotSpec pilot = pilots.get(p);
            pilot.interventionAreas().forEach(dfe -> setArm(pilot, dfe, INTERVENTION));
            pilot.comparisonAreas().forEach(dfe -> setArm(pilot, dfe, COMPARISON));
            Map<String, Double> byMeasure = new LinkedHashMap<>();
            for (PilotEffect effect : inputs.effects()) {
                if (effect.pilot().equals(pilot.code())) {
                    byMeasure.put(effect.measure(), effect.effect());
                }
            }
            effects.add(byMeasure);
        }
    }

    private void setArm(PilotSpec pilot, String dfeCode, String arm) {
        int p = pilots.indexOf(pilot);
        int a = areaIndex(dfeCode);
        if (arms[p][a] != null) {
            throw new IllegalStateException(pilot.code() + ": area " + dfeCode + " is in both arms");
        }
        arms[p][a] = arm;
    }

    List<PilotSpec> pilots() {
        return pilots;
    }

    int areaIndex(String dfeCode) {
        for (int a = 0; a < areas.size(); a++) {
            if (areas.get(a).dfeCode().equals(dfeCode)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown area " + dfeCode);
    }

    /** The arm of an area in a pilot, or null when the pilot does not include it. */
    String arm(int pilot, int area) {
        return arms[pilot][area];
    }

    /** The true effect of a pilot on a measure, 0 when none is set. */
    double effect(int pilot, String measure) {
        return effects.get(pilot).getOrDefault(measure, 0.0);
    }

    /** The most negative effect on a measure (0 if none), which the child models keep rates above. */
    double largestReduction(String measure) {
        return effects.stream().mapToDouble(e -> e.getOrDefault(measure, 0.0)).map(v -> Math.max(0, -v)).max()
            .orElse(0);
    }

    /** Whether an intervention-arm subject of this pilot is treated in a period starting on {@code date}. */
    boolean started(int pilot, LocalDate date) {
        return !date.isBefore(pilots.get(pilot).start());
    }

    /** The summed effect on an area-level measure for an area in a period starting on {@code date}. */
    double areaEffect(String measure, int area, LocalDate date) {
        double total = 0;
        for (int p = 0; p < pilots.size(); p++) {
            if (INTERVENTION.equals(arms[p][area]) && started(p, date)) {
                total += effect(p, measure);
            }
        }
        return total;
    }

    /**
     * The first start of a pilot testing {@code reform} with the area in its intervention arm, or
     * null: plans there follow the reform (a standardised template, digital processes) from then.
     */
    LocalDate reformStart(String reform, int area) {
        LocalDate first = null;
        for (int p = 0; p < pilots.size(); p++) {
            PilotSpec pilot = pilots.get(p);
            if (INTERVENTION.equals(arms[p][area]) && pilot.reforms().contains(reform)
                    && (first == null || pilot.start().isBefore(first))) {
                first = pilot.start();
            }
        }
        return first;
    }
}
