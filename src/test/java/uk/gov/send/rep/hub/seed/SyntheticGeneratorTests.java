package uk.gov.send.rep.hub.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.gov.send.rep.hub.seed.SeedInputs.Generation;
import uk.gov.send.rep.hub.seed.SeedInputs.PilotEffect;
import uk.gov.send.rep.hub.seed.SeedInputs.PilotSpec;
import uk.gov.send.rep.hub.seed.SeedInputs.Preset;
import uk.gov.send.rep.hub.seed.SeedRow.ChildRow;
import uk.gov.send.rep.hub.seed.SeedRow.CohortRow;
import uk.gov.send.rep.hub.seed.SeedRow.Kind;
import uk.gov.send.rep.hub.seed.SeedRow.ObservationRow;
import uk.gov.send.rep.hub.seed.SeedRow.PilotAreaRow;
import uk.gov.send.rep.hub.seed.SeedRow.PlacementRow;
import uk.gov.send.rep.hub.seed.SeedRow.PlanRow;
import uk.gov.send.rep.hub.seed.SeedRow.SettingRow;

/** The generator on its own, at demo scale: determinism, national shapes, and the pilots' design. */
class SyntheticGeneratorTests {

    private static final long SEED = 20230302L;

    /** Shares of EHC plans by primary need, January 2025 (shared/DOMAIN.md). */
    private static final Map<String, Double> DOMAIN_EHC_NEEDS = Map.ofEntries(Map.entry("ASD", 31.5),
        Map.entry("SLCN", 21.3), Map.entry("SEMH", 20.7), Map.entry("MLD", 10.6), Map.entry("SLD", 3.9),
        Map.entry("PD", 3.9), Map.entry("SPLD", 2.4), Map.entry("HI", 1.4), Map.entry("PMLD", 1.3),
        Map.entry("OTH", 1.2), Map.entry("VI", 0.8), Map.entry("MSI", 0.3));

    private static SeedInputs inputs;
    private static List<SeedRow> rows;
    private static SeedCounts counts;

    @BeforeAll
    static void generateDemo() {
        inputs = SeedInputs.load();
        List<SeedRow> all = new ArrayList<>();
        counts = new SyntheticGenerator(inputs, inputs.preset("demo"), SEED).generate(all::add);
        rows = all;
    }

    @Test
    void shouldGenerateSameGraphForSameSeed() {
        assertThat(hash(generate(SEED))).isEqualTo(hash(rows));
    }

    @Test
    void shouldGenerateDifferentGraphForDifferentSeed() {
        assertThat(hash(generate(SEED + 1))).isNotEqualTo(hash(rows));
    }

    @Test
    void shouldCountWhatItGenerates() {
        assertThat(counts.total()).isEqualTo(rows.size());
        assertThat(counts.children()).isEqualTo(of(ChildRow.class).size());
        assertThat(counts.pilots()).isEqualTo(inputs.pilots().size());
    }

    @Test
    void shouldMakeDemoOfAboutTwentyThousandChildrenAndTwoHundredEightySettings() {
        assertThat(counts.children()).isBetween(18_000L, 22_000L);
        assertThat(counts.settings()).isEqualTo(280);
        Set<String> areasWithChildren = of(ChildRow.class).stream().map(ChildRow::area).collect(Collectors.toSet());
        assertThat(areasWithChildren).hasSize(153);
    }

    @Test
    void shouldMatchEhcPlanPrimaryNeedSharesOfDomain() {
        List<ChildRow> withPlans = of(ChildRow.class).stream().filter(c -> "E".equals(c.senProvision())).toList();
        Map<String, Long> byNeed = withPlans.stream()
            .collect(Collectors.groupingBy(ChildRow::primaryNeed, TreeMap::new, Collectors.counting()));
        DOMAIN_EHC_NEEDS.forEach((need, share) -> assertThat(100.0 * byNeed.getOrDefault(need, 0L) / withPlans.size())
            .as(need).isCloseTo(share, within(2.0)));
        assertThat(byNeed).doesNotContainKey("NSA");
    }

    @Test
    void shouldGiveAboutAQuarterOfPupilsWithSenAnEhcPlanAndNsaOnlyOnSenSupport() {
        // Demo cohorts of pilots about EHC plans add children with plans; the population model is
        // checked without cohorts.
        Preset demo = inputs.preset("demo");
        Preset noCohorts = new Preset("test", demo.children(), demo.ehcPlanShare(), demo.outsideSchoolPlanShare(),
            demo.ceasedPlanShare(), demo.settings(), demo.partnershipDensity(), 0, demo.academicYears(), demo.asAt(),
            demo.batchSize(), "demo without cohorts");
        List<ChildRow> children = new ArrayList<>();
        new SyntheticGenerator(inputs, noCohorts, SEED).generate(r -> {
            if (r instanceof ChildRow c) {
                children.add(c);
            }
        });
        Set<String> schoolYears = Set.of("R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        List<ChildRow> pupils = children.stream().filter(c -> c.yearGroup() != null
            && schoolYears.contains(c.yearGroup())).toList();
        double plans = pupils.stream().filter(c -> "E".equals(c.senProvision())).count();
        // 27.3% of all pupils with SEN; 26.4% of those in reception to year 11, where SEN support is commoner.
        assertThat(plans / pupils.size()).isCloseTo(0.264, within(0.015));
        assertThat(of(ChildRow.class)).filteredOn(c -> "NSA".equals(c.primaryNeed()))
            .allMatch(c -> "K".equals(c.senProvision()));
        assertThat(of(ChildRow.class)).filteredOn(c -> "N".equals(c.senProvision()))
            .allMatch(c -> c.primaryNeed() == null && c.secondaryNeed() == null);
    }

    @Test
    void shouldPlaceAboutHalfOfEhcPlanPupilsInMainstream() {
        Map<String, String> kindOfSetting = of(SettingRow.class).stream()
            .collect(Collectors.toMap(SettingRow::ref, SettingRow::settingKind));
        Set<String> withPlans = of(ChildRow.class).stream().filter(c -> "E".equals(c.senProvision()))
            .map(ChildRow::ref).collect(Collectors.toSet());
        // As the DfE counts it: pupils with a plan in schools (mainstream, special or AP), current placement.
        Map<String, String> current = new HashMap<>();
        of(PlacementRow.class).stream().filter(p -> p.to() == null && withPlans.contains(p.child()))
            .forEach(p -> current.put(p.child(), kindOfSetting.get(p.setting())));
        List<String> inSchools = current.values().stream()
            .filter(k -> Set.of("MAINSTREAM", "SPECIAL", "ALTERNATIVE_PROVISION").contains(k)).toList();
        double mainstream = inSchools.stream().filter("MAINSTREAM"::equals).count();
        assertThat(mainstream / inSchools.size()).isBetween(0.50, 0.60);
    }

    @Test
    void shouldVaryTwentyWeekRatesByArea() {
        Map<String, List<PlanRow>> issuedByArea = of(PlanRow.class).stream()
            .filter(p -> p.issued() != null && !p.exceptionsApply() && p.issued().getYear() >= 2022)
            .collect(Collectors.groupingBy(PlanRow::area));
        List<Double> rates = issuedByArea.values().stream().filter(plans -> plans.size() >= 30)
            .map(plans -> plans.stream().filter(p -> p.weeksToIssue() <= 20).count() / (double) plans.size())
            .sorted().toList();
        assertThat(rates).hasSizeGreaterThan(20);
        assertThat(rates.getFirst()).isLessThan(0.30);
        assertThat(rates.getLast()).isGreaterThan(0.70);
        List<PlanRow> all = issuedByArea.values().stream().flatMap(List::stream).toList();
        double national = all.stream().filter(p -> p.weeksToIssue() <= 20).count() / (double) all.size();
        assertThat(national).isBetween(0.40, 0.56);
    }

    @Test
    void shouldGiveEveryPilotBothArmsAndFullCohorts() {
        for (PilotSpec pilot : inputs.pilots()) {
            Set<String> arms = of(PilotAreaRow.class).stream().filter(r -> r.pilot().equals(pilot.code()))
                .map(PilotAreaRow::arm).collect(Collectors.toSet());
            assertThat(arms).as(pilot.code()).containsExactlyInAnyOrder("INTERVENTION", "COMPARISON");
            Map<String, Long> cohort = of(CohortRow.class).stream().filter(r -> r.pilot().equals(pilot.code()))
                .collect(Collectors.groupingBy(CohortRow::arm, Collectors.counting()));
            assertThat(cohort.get("INTERVENTION")).as(pilot.code()).isGreaterThanOrEqualTo(300);
            assertThat(cohort.get("COMPARISON")).as(pilot.code()).isGreaterThanOrEqualTo(300);
        }
        Set<String> members = new HashSet<>();
        assertThat(of(CohortRow.class)).allMatch(r -> members.add(r.child()));
    }

    @Test
    void shouldReferEveryTrueEffectToARealPilotAndMeasure() {
        Set<String> pilots = inputs.pilots().stream().map(PilotSpec::code).collect(Collectors.toSet());
        for (PilotEffect effect : inputs.effects()) {
            assertThat(pilots).contains(effect.pilot());
            assertThat(inputs.measure(effect.measure()).generation()).isNotEqualTo(Generation.NONE);
        }
        assertThat(inputs.effects()).anyMatch(e -> e.effect() == 0);
    }

    @Test
    void shouldRecoverChildLevelTrueEffectsByDifferenceInDifferences() {
        Map<String, CohortRow> cohort = of(CohortRow.class).stream()
            .collect(Collectors.toMap(CohortRow::child, Function.identity()));
        Map<String, LocalDate> starts = inputs.pilots().stream()
            .collect(Collectors.toMap(PilotSpec::code, PilotSpec::start));
        // Per pilot, measure and child: [sum before, n before, sum after, n after].
        Map<String, Map<String, double[]>> byEffect = new HashMap<>();
        for (ObservationRow o : of(ObservationRow.class)) {
            CohortRow member = o.kind() == Kind.CHILD_OBSERVATION ? cohort.get(o.subject()) : null;
            if (member == null) {
                continue;
            }
            double[] sums = byEffect.computeIfAbsent(member.pilot() + "|" + o.measure() + "|" + member.arm(),
                k -> new HashMap<>()).computeIfAbsent(o.subject(), k -> new double[4]);
            int at = o.periodStart().isBefore(starts.get(member.pilot())) ? 0 : 2;
            sums[at] += o.value();
            sums[at + 1]++;
        }
        for (PilotEffect effect : inputs.effects()) {
            if (!"CHILD".equals(inputs.measure(effect.measure()).level())) {
                continue;
            }
            String key = effect.pilot() + "|" + effect.measure() + "|";
            double[] intervention = changes(byEffect.get(key + "INTERVENTION"));
            double[] comparison = changes(byEffect.get(key + "COMPARISON"));
            double estimate = intervention[0] - comparison[0];
            double standardError = Math.sqrt(intervention[1] + comparison[1]);
            assertThat(estimate).as(key).isCloseTo(effect.effect(), within(4 * standardError));
            if (effect.measure().equals("ABSENCE_RATE")) {
                assertThat(standardError).as(key + " standard error").isLessThan(0.25);
            }
        }
    }

    /** The catalogue's valueKind says how evaluation pools a measure: the observations must agree. */
    @Test
    void shouldGiveRatesANumeratorAndADenominatorAndMeansNeither() {
        for (ObservationRow o : of(ObservationRow.class)) {
            SeedInputs.Measure measure = inputs.measure(o.measure());
            String kind = measure.valueKind();
            if (o.value() == null) {
                assertThat(o.status()).as(o.key()).isEqualTo("c");
            }
            else if (kind.equals("RATE")) {
                assertThat(o.denominator()).as(o.key()).isPositive();
                // The value is the ratio rounded to the measure's decimals.
                assertThat(100 * o.numerator() / o.denominator()).as(o.key())
                    .isCloseTo(o.value(), within(Math.pow(10, -measure.decimals()) / 2 + 1e-9));
            }
            else {
                assertThat(o.numerator()).as(o.key()).isNull();
                assertThat(o.denominator()).as(o.key()).isNull();
            }
        }
    }

    @Test
    void shouldKeepIdentifiersInTheirFormats() {
        List<SettingRow> settings = of(SettingRow.class);
        assertThat(settings).extracting(SettingRow::ref).doesNotHaveDuplicates();
        assertThat(settings).filteredOn(s -> s.urn() != null).extracting(SettingRow::urn).doesNotHaveDuplicates()
            .allMatch(u -> u.matches("\\d{6}"));
        assertThat(settings).allMatch(s -> s.urn() != null ? s.ref().equals(s.urn())
            : s.ref().matches("UKPRN-\\d{8}|UAP-\\d{3}-\\d+"));
        assertThat(settings).filteredOn(s -> s.laestab() != null).allMatch(s -> s.laestab().matches("\\d{7}"));
        assertThat(settings).filteredOn(s -> s.settingKind().equals("UNREGISTERED_AP"))
            .allMatch(s -> s.urn() == null && s.giasTypeCode() == null && s.apTier() != null);
        assertThat(settings).anyMatch(SettingRow::resourcedProvision);
        assertThat(of(ChildRow.class)).extracting(ChildRow::ref).doesNotHaveDuplicates()
            .allMatch(r -> r.matches("C[0-9a-f]{10}"));
        assertThat(of(PlanRow.class)).extracting(PlanRow::ref).doesNotHaveDuplicates();
    }

    @Test
    void shouldUseStandardisedTemplateWhereAPilotTestsIt() {
        Set<String> templateAreas = Set.of("E08000003", "E08000004", "E08000005", "E08000009");
        LocalDate start = LocalDate.of(2023, 9, 1);
        List<PlanRow> after = of(PlanRow.class).stream()
            .filter(p -> p.issued() != null && !p.issued().isBefore(start) && templateAreas.contains(p.area())).toList();
        List<PlanRow> elsewhere = of(PlanRow.class).stream().filter(p -> !templateAreas.contains(p.area())
            && !Set.of("E06000055", "E06000056", "E06000032").contains(p.area())).toList();
        assertThat(share(after, p -> p.template().equals("STANDARDISED"))).isGreaterThan(0.7);
        assertThat(share(elsewhere, p -> p.template().equals("STANDARDISED"))).isLessThan(0.05);
    }

    /** Mean change from before to after of the children seen in both, and its squared standard error. */
    private static double[] changes(Map<String, double[]> children) {
        double[] change = children.values().stream().filter(s -> s[1] > 0 && s[3] > 0)
            .mapToDouble(s -> s[2] / s[3] - s[0] / s[1]).toArray();
        double mean = java.util.Arrays.stream(change).average().orElseThrow();
        double variance = java.util.Arrays.stream(change).map(c -> (c - mean) * (c - mean)).sum() / (change.length - 1);
        return new double[] {mean, variance / change.length};
    }

    private static <T> double share(List<T> items, java.util.function.Predicate<T> test) {
        return items.stream().filter(test).count() / (double) items.size();
    }

    private static <T extends SeedRow> List<T> of(Class<T> type) {
        return rows.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<SeedRow> generate(long seed) {
        List<SeedRow> all = new ArrayList<>();
        new SyntheticGenerator(inputs, inputs.preset("demo"), seed).generate(all::add);
        return all;
    }

    static String hash(List<SeedRow> rows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (SeedRow row : rows) {
                digest.update(row.toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
