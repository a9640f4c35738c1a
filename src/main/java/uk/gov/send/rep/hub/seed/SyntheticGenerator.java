package uk.gov.send.rep.hub.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import uk.gov.send.rep.hub.seed.Child.Stay;
import uk.gov.send.rep.hub.seed.SeedInputs.Area;
import uk.gov.send.rep.hub.seed.SeedInputs.NeedShare;
import uk.gov.send.rep.hub.seed.SeedInputs.PilotSpec;
import uk.gov.send.rep.hub.seed.SeedInputs.Preset;
import uk.gov.send.rep.hub.seed.SeedInputs.YearGroupWeight;
import uk.gov.send.rep.hub.seed.SeedRow.ChildRow;
import uk.gov.send.rep.hub.seed.SeedRow.CohortRow;
import uk.gov.send.rep.hub.seed.SeedRow.PilotAreaRow;
import uk.gov.send.rep.hub.seed.SeedRow.PilotRow;
import uk.gov.send.rep.hub.seed.SeedRow.PilotSettingRow;
import uk.gov.send.rep.hub.seed.SeedRow.PlacementRow;
import uk.gov.send.rep.hub.seed.SeedRow.PlanRow;

/**
 * The deterministic synthetic graph: the same inputs, preset and seed always give the same rows
 * in the same order. It holds no database code: rows go to a {@link SeedSink}.
 *
 * <p>Order: pilots and their areas; settings; then area by area the children, their plans,
 * placements and cohort memberships (memory stays bounded by the largest area, so the national
 * scale streams); the settings each pilot involves; a second pass over the same children for
 * their termly observations; then area-level observations for all 153 areas.
 *
 * <p>Population per area, with weights population × {@code partnershipDensity} for member areas:
 * pupils with SEN ({@code children}; {@code E} with {@code ehcPlanShare}, else {@code K}), plan
 * holders outside school, young people whose plan ceased. Each pilot arm recruits
 * {@code cohortPerArm × cohortScale} children over its areas (by population): eligible children
 * not yet in a cohort (cohorts are disjoint, so effects never mix), topped up with new children
 * where an area has too few, and children with no SEN ({@code N}) as the pilot asks. Child-level
 * observations are made for cohort children and, in partnership areas, every child with SEN.
 */
final class SyntheticGenerator {

    private static final int MIN_PUPILS = 5;

    private final SeedInputs inputs;
    private final Preset preset;
    private final long seed;
    private final List<Area> areas;
    private final PilotDesign design;
    private final AreaModel areaModel;
    private final int lastYear;
    private final LocalDate windowStart;
    private final LocalDate asAt;
    private final double[] weights;
    private final Refs childRefs;
    private final List<String> needCodes;
    private final double[] ehcNeedWeights;
    private final double[] supportNeedWeights;
    private final double[] withPlanYears;
    private final double[] supportYears;
    private final double[] outsideYears;

    SyntheticGenerator(SeedInputs inputs, Preset preset, long seed) {
        this.inputs = inputs;
        this.preset = preset;
        this.seed = seed;
        this.areas = inputs.areas();
        this.design = new PilotDesign(inputs);
        this.areaModel = new AreaModel(inputs, design, seed, preset.academicYears());
        this.lastYear = preset.academicYears().getLast() / 100;
        this.windowStart = ChildLife.sep1(preset.academicYears().getFirst() / 100);
        this.asAt = preset.asAt();
        this.weights = areas.stream()
            .mapToDouble(a -> a.population() * (a.isMember() ? preset.partnershipDensity() : 1)).toArray();
        this.childRefs = new Refs(seed, "child");
        this.needCodes = inputs.needShares().stream().map(NeedShare::need).toList();
        this.ehcNeedWeights = inputs.needShares().stream().mapToDouble(NeedShare::ehcPlanShare).toArray();
        this.supportNeedWeights = inputs.needShares().stream().mapToDouble(NeedShare::senSupportShare).toArray();
        // Year-group weights in SeedInputs.YEAR_GROUPS order; outside school has one more: no year group.
        int groups = SeedInputs.YEAR_GROUPS.size();
        this.withPlanYears = new double[groups];
        this.supportYears = new double[groups];
        this.outsideYears = new double[groups + 1];
        for (YearGroupWeight w : inputs.yearGroups()) {
            int i = w.yearGroup() == null ? groups : SeedInputs.yearNumber(w.yearGroup()) + 2;
            if (i < groups) {
                withPlanYears[i] = w.pupilsWithPlan();
                supportYears[i] = w.pupilsOnSenSupport();
            }
            outsideYears[i] = w.outsideSchoolWithPlan();
        }
    }

    /** Generates the whole graph into {@code out} and returns how many rows of each kind it made. */
    SeedCounts generate(SeedSink out) {
        SeedCounts.Counter counter = new SeedCounts.Counter();
        SeedSink sink = row -> {
            counter.accept(row);
            out.accept(row);
        };
        List<PilotSpec> pilots = design.pilots();
        for (PilotSpec p : pilots) {
            String status = asAt.isBefore(p.start()) ? "PLANNED" : asAt.isAfter(p.end()) ? "COMPLETED" : "ACTIVE";
            sink.accept(new PilotRow(p.code(), p.name(), p.start(), p.end(), status, p.partnership(), p.reforms()));
            p.interventionAreas().forEach(dfe -> sink.accept(new PilotAreaRow(p.code(),
                inputs.areaByDfeCode(dfe).code(), PilotDesign.INTERVENTION)));
            p.comparisonAreas().forEach(dfe -> sink.accept(new PilotAreaRow(p.code(),
                inputs.areaByDfeCode(dfe).code(), PilotDesign.COMPARISON)));
        }
        Settings settings = new Settings(inputs, preset.settings(), weights, seed);
        settings.all().forEach(s -> sink.accept(s.row()));

        ChildLife life = new ChildLife(settings, areaModel, design, areas.size(), lastYear, windowStart, asAt,
            new Refs(seed, "plan"), needCodes, ehcNeedWeights);
        ChildOutcomes outcomes = new ChildOutcomes(inputs, design, seed, Period.of("TERM", preset.academicYears()),
            asAt);
        int[][] quotas = cohortQuotas();
        // Every area, however small, has a few pupils with SEN.
        int[] pupils = Randoms.apportion(preset.children() - MIN_PUPILS * areas.size(), weights);
        for (int a = 0; a < pupils.length; a++) {
            pupils[a] += MIN_PUPILS;
        }
        int[] outside = Randoms.apportion(Math.round(preset.children() * preset.outsideSchoolPlanShare()), weights);
        int[] ceased = Randoms.apportion(Math.round(preset.children() * preset.ceasedPlanShare()), weights);
        List<TreeSet<String>> involved = new ArrayList<>();
        pilots.forEach(p -> involved.add(new TreeSet<>()));
        for (int a = 0; a < areas.size(); a++) {
            for (Child c : population(a, pupils[a], outside[a], ceased[a], quotas)) {
                emit(c, life, sink, involved);
            }
        }
        for (int p = 0; p < pilots.size(); p++) {
            String code = pilots.get(p).code();
            involved.get(p).forEach(ref -> sink.accept(new PilotSettingRow(code, ref)));
        }
        // A second pass over the same children (the same streams) for their observations only: the
        // observations, most of the rows, then reach the database in large batches of their own
        // rather than in small batches interleaved with the children they refer to.
        for (int a = 0; a < areas.size(); a++) {
            for (Child c : population(a, pupils[a], outside[a], ceased[a], quotas)) {
                if (observed(c)) {
                    SplittableRandom r = Randoms.stream(seed, "child", c.index);
                    describe(c, r);
                    outcomes.observe(c, life.placements(c, r), sink);
                }
            }
        }
        areaModel.generate(sink);
        return counter.counts();
    }

    /** Per pilot and arm (2p intervention, 2p + 1 comparison), the cohort quota of each area. */
    private int[][] cohortQuotas() {
        List<PilotSpec> pilots = design.pilots();
        int[][] quotas = new int[pilots.size() * 2][];
        for (int p = 0; p < pilots.size(); p++) {
            PilotSpec pilot = pilots.get(p);
            long size = Math.round(pilot.cohortPerArm() * preset.cohortScale());
            for (int arm = 0; arm < 2; arm++) {
                double[] armWeights = new double[areas.size()];
                for (int a = 0; a < areas.size(); a++) {
                    String inArm = design.arm(p, a);
                    boolean member = arm == 0 ? PilotDesign.INTERVENTION.equals(inArm)
                        : PilotDesign.COMPARISON.equals(inArm);
                    armWeights[a] = member ? areas.get(a).population() : 0;
                }
                quotas[2 * p + arm] = Randoms.apportion(size, armWeights);
            }
        }
        return quotas;
    }

    private List<Child> population(int a, int pupils, int outside, int ceased, int[][] quotas) {
        SplittableRandom random = Randoms.stream(seed, "population", a);
        List<Child> children = new ArrayList<>(pupils + outside + ceased);
        for (int i = 0; i < pupils; i++) {
            String provision = Randoms.chance(random, preset.ehcPlanShare()) ? "E" : "K";
            int year = Randoms.weighted(random, "E".equals(provision) ? withPlanYears : supportYears) - 2;
            children.add(newChild(a, children.size(), year, provision, true, false));
        }
        for (int i = 0; i < outside; i++) {
            int index = Randoms.weighted(random, outsideYears);
            Integer year = index == SeedInputs.YEAR_GROUPS.size() ? null : index - 2;
            children.add(newChild(a, children.size(), year, "E", false, false));
        }
        for (int i = 0; i < ceased; i++) {
            children.add(newChild(a, children.size(), null, "N", false, true));
        }
        List<PilotSpec> pilots = design.pilots();
        for (int p = 0; p < pilots.size(); p++) {
            for (int arm = 0; arm < 2; arm++) {
                int quota = quotas[2 * p + arm][a];
                if (quota > 0) {
                    recruit(p, arm == 0 ? PilotDesign.INTERVENTION : PilotDesign.COMPARISON, quota, a, children,
                        random);
                }
            }
        }
        return children;
    }

    /** Enrols {@code quota} children of area {@code a} in a pilot arm, adding children if too few are eligible. */
    private void recruit(int p, String arm, int quota, int a, List<Child> children, SplittableRandom random) {
        PilotSpec pilot = design.pilots().get(p);
        LocalDate start = pilot.start();
        int startYear = start.getMonthValue() >= 9 ? start.getYear() : start.getYear() - 1;
        int ageing = lastYear - startYear;
        List<Integer> years = pilot.cohortYearGroups().stream()
            .map(g -> SeedInputs.yearNumber(g) + ageing).filter(y -> y <= 14).toList();
        int noSen = (int) Math.round(quota * pilot.cohortNoSenShare());
        int withSen = quota - noSen;
        List<Child> eligible = new ArrayList<>();
        for (Child c : children) {
            if (c.pilot < 0 && c.year != null && !c.ceasedPlan && pilot.cohortProvision().contains(c.provision)
                    && years.contains(c.year)) {
                eligible.add(c);
            }
        }
        int taken = Math.min(withSen, eligible.size());
        for (int i = 0; i < taken; i++) {
            int j = i + random.nextInt(eligible.size() - i);
            Child chosen = eligible.get(j);
            eligible.set(j, eligible.get(i));
            enrol(chosen, p, arm);
        }
        boolean both = pilot.cohortProvision().size() > 1;
        for (int i = taken; i < withSen; i++) {
            String provision = both ? (Randoms.chance(random, preset.ehcPlanShare()) ? "E" : "K")
                : pilot.cohortProvision().getFirst();
            double[] yearWeights = new double[years.size()];
            double[] source = "E".equals(provision) ? withPlanYears : supportYears;
            for (int y = 0; y < years.size(); y++) {
                yearWeights[y] = source[years.get(y) + 2];
            }
            Child c = newChild(a, children.size(), years.get(Randoms.weighted(random, yearWeights)), provision, true,
                false);
            children.add(c);
            enrol(c, p, arm);
        }
        for (int i = 0; i < noSen; i++) {
            Child c = newChild(a, children.size(), Randoms.pick(random, years), "N", true, false);
            children.add(c);
            enrol(c, p, arm);
        }
    }

    private static void enrol(Child c, int pilot, String arm) {
        c.pilot = pilot;
        c.arm = arm;
    }

    private Child newChild(int a, int local, Integer year, String provision, boolean inSchool, boolean ceasedPlan) {
        long index = ((long) a << 24) | local;
        return new Child(index, childRefs.of("C", index), a, areas.get(a).code(), year, provision, inSchool,
            ceasedPlan);
    }

    /** The child, its placements, plan and cohort membership (its observations come in a second pass). */
    private void emit(Child c, ChildLife life, SeedSink sink, List<TreeSet<String>> involved) {
        SplittableRandom r = Randoms.stream(seed, "child", c.index);
        describe(c, r);
        sink.accept(new ChildRow(c.ref, c.birthYear, c.sex, c.year == null ? null : SeedInputs.yearGroup(c.year),
            c.provision, c.primaryNeed, c.secondaryNeed, c.areaCode));
        List<Stay> stays = life.placements(c, r);
        stays.forEach(s -> sink.accept(new PlacementRow(c.ref, s.setting().ref(), s.from(), s.to())));
        PlanRow plan = life.plan(c, r);
        if (plan != null) {
            sink.accept(plan);
        }
        if (c.pilot >= 0) {
            PilotSpec pilot = design.pilots().get(c.pilot);
            long span = asAt.toEpochDay() - pilot.start().toEpochDay() - 30;
            LocalDate left = Randoms.chance(r, 0.06) ? pilot.start().plusDays(30 + r.nextLong(Math.max(1, span))) : null;
            sink.accept(new CohortRow(c.ref, pilot.code(), c.arm, pilot.start(), left));
            if (PilotDesign.INTERVENTION.equals(c.arm) && !stays.isEmpty()) {
                Stay current = stays.getLast();
                if (PilotDesign.INTERVENTION.equals(design.arm(c.pilot, current.setting().area()))) {
                    involved.get(c.pilot).add(current.setting().ref());
                }
            }
        }
    }

    /** Cohort children, and every child with SEN in a partnership area, have child-level observations. */
    private boolean observed(Child c) {
        return c.pilot >= 0 || (areas.get(c.area).isMember() && !"N".equals(c.provision));
    }

    /** Sex, year of birth and needs, from the child's own stream. */
    private void describe(Child c, SplittableRandom r) {
        double male = switch (c.provision) {
            case "E" -> 0.73;
            case "K" -> 0.64;
            default -> 0.51;
        };
        c.sex = Randoms.chance(r, male) ? "M" : "F";
        if (c.year != null) {
            // Born September to December in the earlier calendar year, January to August in the later.
            c.birthYear = lastYear - 4 - c.year - (Randoms.chance(r, 4.0 / 12) ? 1 : 0);
        }
        else {
            c.birthYear = lastYear - (c.ceasedPlan ? 16 : 19) - r.nextInt(c.ceasedPlan ? 10 : 7);
        }
        if ("N".equals(c.provision)) {
            return;
        }
        double[] shares = "E".equals(c.provision) ? ehcNeedWeights : supportNeedWeights;
        int primary = Randoms.weighted(r, shares);
        c.primaryNeed = needCodes.get(primary);
        if (!"NSA".equals(c.primaryNeed) && Randoms.chance(r, "E".equals(c.provision) ? 0.35 : 0.2)) {
            double[] others = shares.clone();
            others[primary] = 0;
            others[needCodes.indexOf("NSA")] = 0;
            c.secondaryNeed = needCodes.get(Randoms.weighted(r, others));
        }
    }
}
