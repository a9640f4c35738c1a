package uk.gov.send.rep.hub.seed;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import uk.gov.send.rep.hub.seed.Child.Stay;
import uk.gov.send.rep.hub.seed.SeedInputs.Generation;
import uk.gov.send.rep.hub.seed.SeedInputs.Measure;
import uk.gov.send.rep.hub.seed.SeedRow.Kind;
import uk.gov.send.rep.hub.seed.SeedRow.ObservationRow;

/**
 * Termly child-level observations. Each is the child's own level (a child effect around the
 * provision group's mean plus an area effect), a time trend and season common to everyone, noise,
 * and, for intervention-arm cohort children in terms starting on or after the pilot's start, the
 * pilot's true effect. Children's levels are kept above the largest reduction any pilot makes, so
 * no value is clipped at zero and the expected shift is exactly the effect.
 *
 * <ul>
 * <li>{@code ABSENCE_RATE}: sessions missed / sessions possible (years 1 to 13, while placed).</li>
 * <li>{@code SUSPENSIONS}: a Poisson count in the term (years 1 to 13, while placed).</li>
 * <li>{@code MAINSTREAM_PLACEMENT}: days placed in mainstream / days placed (from the
 * placements: no pilot changes placements, so its true effect is 0).</li>
 * </ul>
 */
final class ChildOutcomes {

    static final String ABSENCE = "ABSENCE_RATE";
    static final String SUSPENSIONS = "SUSPENSIONS";
    static final String MAINSTREAM = "MAINSTREAM_PLACEMENT";

    private static final double ABSENCE_NOISE = 1.25;
    private static final double[] ABSENCE_SEASON = {-0.4, 0.2, 0.6};
    private static final double SUSPENSION_AREA = 0.01;

    private final PilotDesign design;
    private final long seed;
    private final List<Period> terms;
    private final LocalDate asAt;
    private final Measure absence;
    private final Measure suspensions;
    private final Measure mainstream;
    private final double absenceFloor;
    private final double suspensionFloor;
    private final double[] absenceArea;
    private final double[] suspensionArea;

    ChildOutcomes(SeedInputs inputs, PilotDesign design, long seed, List<Period> terms, LocalDate asAt) {
        this.design = design;
        this.seed = seed;
        this.terms = terms;
        this.asAt = asAt;
        for (Measure m : inputs.measures()) {
            if (m.generation() == Generation.CHILD_TERM && !List.of(ABSENCE, SUSPENSIONS, MAINSTREAM).contains(m.code())) {
                throw new IllegalStateException("No child-level model for measure " + m.code());
            }
        }
        this.absence = childMeasure(inputs, ABSENCE);
        this.suspensions = childMeasure(inputs, SUSPENSIONS);
        this.mainstream = childMeasure(inputs, MAINSTREAM);
        // Lowest trend plus season is -0.7; noise is within ±2 × ABSENCE_NOISE.
        this.absenceFloor = 2 * ABSENCE_NOISE + 0.7 + design.largestReduction(ABSENCE) + 0.3;
        this.suspensionFloor = SUSPENSION_AREA + design.largestReduction(SUSPENSIONS) + 0.005;
        int areas = inputs.areas().size();
        this.absenceArea = new double[areas];
        this.suspensionArea = new double[areas];
        for (int a = 0; a < areas; a++) {
            SplittableRandom random = Randoms.stream(seed, "child-area-effects", a);
            absenceArea[a] = Math.clamp(random.nextGaussian() * 1.2, -2.5, 2.5);
            suspensionArea[a] = (random.nextDouble() * 2 - 1) * SUSPENSION_AREA;
        }
    }

    private static Measure childMeasure(SeedInputs inputs, String code) {
        return inputs.measures().stream().filter(m -> m.code().equals(code) && m.generation() == Generation.CHILD_TERM)
            .findFirst().orElse(null);
    }

    /** Emits the child's observations for every term of the window. */
    void observe(Child c, List<Stay> stays, SeedSink sink) {
        SplittableRandom r = Randoms.stream(seed, "outcomes", c.index);
        double absenceMean = switch (c.provision) {
            case "E" -> 13.0;
            case "K" -> 11.0;
            default -> 6.5;
        };
        double suspensionMean = switch (c.provision) {
            case "E" -> 0.07;
            case "K" -> 0.09;
            default -> 0.02;
        };
        double absenceLevel = absenceFloor
            + Math.max(absenceMean + absenceArea[c.area] - absenceFloor, 0.5) * Math.min(Randoms.gamma(r, 2, 1), 4.5);
        double suspensionLevel = suspensionFloor
            + Math.max(suspensionMean - suspensionFloor, 0.005) * r.nextExponential() + suspensionArea[c.area];
        boolean intervention = c.pilot >= 0 && PilotDesign.INTERVENTION.equals(c.arm);
        int lastIndex = terms.getLast().yearIndex();
        for (int t = 0; t < terms.size(); t++) {
            Period term = terms.get(t);
            long placed = 0;
            long inMainstream = 0;
            for (Stay stay : stays) {
                long days = stay.daysWithin(term.start(), term.end(), asAt);
                placed += days;
                if ("MAINSTREAM".equals(stay.setting().kind())) {
                    inMainstream += days;
                }
            }
            if (placed == 0) {
                continue;
            }
            boolean treated = intervention && design.started(c.pilot, term.start());
            Integer year = c.year == null ? null : c.year - (lastIndex - term.yearIndex());
            boolean schoolAge = year != null && year >= 1 && year <= 13;
            if (absence != null && schoolAge) {
                double noise = (r.nextDouble() * 2 - 1 + r.nextDouble() * 2 - 1) * ABSENCE_NOISE;
                double rate = absenceLevel + (0.5 - 0.1 * t) + ABSENCE_SEASON[t % 3] + noise
                    + (treated ? design.effect(c.pilot, ABSENCE) : 0);
                int sessions = term.sessions();
                long missed = Math.clamp(Randoms.roundStochastic(r, rate / 100 * sessions), 0, sessions);
                sink.accept(ObservationRow.of(Kind.CHILD_OBSERVATION, ABSENCE, c.ref, term,
                    AreaModel.round(100.0 * missed / sessions, absence.decimals()), (double) missed, (double) sessions,
                    null));
            }
            if (suspensions != null && schoolAge) {
                double mean = suspensionLevel + 0.002 * t + (treated ? design.effect(c.pilot, SUSPENSIONS) : 0);
                sink.accept(ObservationRow.of(Kind.CHILD_OBSERVATION, SUSPENSIONS, c.ref, term,
                    (double) Randoms.poisson(r, mean), null, null, null));
            }
            if (mainstream != null) {
                sink.accept(ObservationRow.of(Kind.CHILD_OBSERVATION, MAINSTREAM, c.ref, term,
                    AreaModel.round(100.0 * inMainstream / placed, mainstream.decimals()), (double) inMainstream,
                    (double) placed, null));
            }
        }
    }
}
