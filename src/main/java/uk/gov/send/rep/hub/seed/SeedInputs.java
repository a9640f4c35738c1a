package uk.gov.send.rep.hub.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every seed input under {@code classpath:seed/}, parsed and cross-checked: the reference data and
 * the generator's parameters. Lists keep file order, which the generator relies on for
 * determinism.
 */
record SeedInputs(
        List<Region> regions,
        List<Area> areas,
        List<Partnership> partnerships,
        List<Reform> reforms,
        List<Measure> measures,
        List<Preset> presets,
        List<PilotSpec> pilots,
        List<PilotEffect> effects,
        List<NeedShare> needShares,
        List<SettingType> settingTypes,
        List<YearGroupWeight> yearGroups) {

    static final String NO_SEED = "none";

    /** Year groups in order; the index of a year group minus 2 is its number (N1 = -2, R = 0). */
    static final List<String> YEAR_GROUPS = List.of("N1", "N2", "R", "1", "2", "3", "4", "5", "6", "7",
        "8", "9", "10", "11", "12", "13", "14");

    record Region(String code, String name) {
    }

    /** A local area; {@code partnership} and {@code role} are null outside the Change Programme. */
    record Area(String code, String dfeCode, String name, String regionCode, double population,
            String partnership, String role) {

        boolean isMember() {
            return partnership != null;
        }
    }

    record Partnership(String code, String name, String regionCode) {
    }

    record Reform(String code, String name, String strand, String description) {
    }

    /** How the generator produces a measure's observations. */
    enum Generation { CHILD_TERM, AREA, NONE }

    /** A measure and, for {@link Generation#AREA}, the parameters of its area-level model. */
    record Measure(String code, String name, String unit, String polarity, String level, String periodType,
            String definition, String source, String valueKind, Generation generation, double mean, double areaSd, double noiseSd,
            Double min, Double max, List<Double> periodOffsets, List<Double> nationalDenominators, int decimals) {
    }

    /** A measure's value kind as the catalogue declares it: RATE or MEAN. */
    private static String valueKind(String measure, String kind) {
        if (!"RATE".equals(kind) && !"MEAN".equals(kind)) {
            throw new IllegalStateException("seed/measures.csv: measure " + measure + " has valueKind '" + kind
                + "'; expected RATE or MEAN");
        }
        return kind;
    }

    record Preset(String scale, int children, double ehcPlanShare, double outsideSchoolPlanShare,
            double ceasedPlanShare, int settings, double partnershipDensity, double cohortScale,
            List<Integer> academicYears, LocalDate asAt, int batchSize, String description) {
    }

    /** A pilot; areas are DfE codes; year groups are those of the academic year the pilot starts. */
    record PilotSpec(String code, String name, String partnership, List<String> reforms, LocalDate start,
            LocalDate end, List<String> interventionAreas, List<String> comparisonAreas, int cohortPerArm,
            List<String> cohortYearGroups, List<String> cohortProvision, double cohortNoSenShare) {
    }

    record PilotEffect(String pilot, String measure, double effect, String note) {
    }

    record NeedShare(String need, String name, double ehcPlanShare, double senSupportShare) {
    }

    record SettingType(String kind, String giasTypeCode, String identifier, double share, String description) {
    }

    /** Relative weights of a year group ({@code null}: out of school) among the three populations. */
    record YearGroupWeight(String yearGroup, double pupilsWithPlan, double pupilsOnSenSupport,
            double outsideSchoolWithPlan) {
    }

    /** Reads and checks every input; fails with the first inconsistency found. */
    static SeedInputs load() {
        List<Region> regions = map("seed/regions.csv", r -> new Region(r.get("code"), r.get("name")));
        List<Partnership> partnerships = map("seed/partnerships.csv",
            r -> new Partnership(r.get("code"), r.get("name"), r.get("region")));
        Map<String, String> partnershipOfRegion = partnerships.stream()
            .collect(Collectors.toMap(Partnership::regionCode, Partnership::code));
        Map<String, Double> population = new LinkedHashMap<>();
        for (var row : CsvTable.read("seed/area-weights.csv")) {
            population.put(row.get("dfeCode"), Double.parseDouble(row.get("population")));
        }
        List<Area> areas = map("seed/local-authorities.csv", r -> {
            String role = switch (r.get("change_programme_role")) {
                case "lead" -> "LEAD";
                case "joint lead" -> "JOINT_LEAD";
                case "member" -> "MEMBER";
                case "" -> null;
                default -> throw new IllegalStateException("Unknown change_programme_role: " + r);
            };
            Double pop = population.get(r.get("old_la_code"));
            if (pop == null) {
                throw new IllegalStateException("No population in area-weights.csv for " + r.get("la_name"));
            }
            return new Area(r.get("new_la_code"), r.get("old_la_code"), r.get("la_name"), r.get("region_code"), pop,
                role == null ? null : partnershipOfRegion.get(r.get("region_code")), role);
        });
        List<Reform> reforms = map("seed/reforms.csv",
            r -> new Reform(r.get("code"), r.get("name"), r.get("strand"), r.get("description")));
        List<Measure> measures = map("seed/measures.csv", r -> new Measure(r.get("code"), r.get("name"),
            r.get("unit"), r.get("polarity"), r.get("level"), r.get("periodType"), r.get("definition"),
            r.get("source"), valueKind(r.get("code"), r.get("valueKind")), Generation.valueOf(r.get("generation")), number(r.get("mean"), 0),
            number(r.get("areaSd"), 0), number(r.get("noiseSd"), 0), optional(r.get("min")),
            optional(r.get("max")), numbers(r.get("periodOffsets")), numbers(r.get("nationalDenominator")),
            (int) number(r.get("decimals"), 1)));
        List<Preset> presets = map("seed/presets.csv", r -> new Preset(r.get("scale"),
            Integer.parseInt(r.get("children")), Double.parseDouble(r.get("ehcPlanShare")),
            Double.parseDouble(r.get("outsideSchoolPlanShare")), Double.parseDouble(r.get("ceasedPlanShare")),
            Integer.parseInt(r.get("settings")), Double.parseDouble(r.get("partnershipDensity")),
            Double.parseDouble(r.get("cohortScale")),
            list(r.get("academicYears")).stream().map(Integer::valueOf).toList(), LocalDate.parse(r.get("asAt")),
            Integer.parseInt(r.get("batchSize")), r.get("description")));
        List<PilotSpec> pilots = map("seed/pilots.csv", r -> new PilotSpec(r.get("code"), r.get("name"),
            r.get("partnership"), list(r.get("reforms")), LocalDate.parse(r.get("start")),
            LocalDate.parse(r.get("end")), list(r.get("interventionAreas")), list(r.get("comparisonAreas")),
            Integer.parseInt(r.get("cohortPerArm")), yearGroupRange(r.get("cohortYearGroups")),
            list(r.get("cohortProvision")), Double.parseDouble(r.get("cohortNoSenShare"))));
        List<PilotEffect> effects = map("seed/pilot-effects.csv", r -> new PilotEffect(r.get("pilot"),
            r.get("measure"), Double.parseDouble(r.get("effect")), r.get("note")));
        List<NeedShare> needs = map("seed/need-shares.csv", r -> new NeedShare(r.get("need"), r.get("name"),
            Double.parseDouble(r.get("ehcPlanShare")), Double.parseDouble(r.get("senSupportShare"))));
        List<SettingType> settingTypes = map("seed/setting-types.csv", r -> new SettingType(r.get("kind"),
            blankToNull(r.get("giasTypeCode")), r.get("identifier"), Double.parseDouble(r.get("share")),
            r.get("description")));
        List<YearGroupWeight> yearGroups = map("seed/year-groups.csv", r -> new YearGroupWeight(
            blankToNull(r.get("yearGroup")), Double.parseDouble(r.get("pupilsWithPlan")),
            Double.parseDouble(r.get("pupilsOnSenSupport")), Double.parseDouble(r.get("outsideSchoolWithPlan"))));
        SeedInputs inputs = new SeedInputs(regions, areas, partnerships, reforms, measures, presets, pilots,
            effects, needs, settingTypes, yearGroups);
        inputs.check();
        return inputs;
    }

    /** The preset of a scale other than {@value #NO_SEED}. */
    Preset preset(String scale) {
        return presets.stream().filter(p -> p.scale().equals(scale)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(unknownScale(scale)));
    }

    /** Whether {@code scale} is {@value #NO_SEED} or names a preset. */
    boolean knowsScale(String scale) {
        return NO_SEED.equals(scale) || presets.stream().anyMatch(p -> p.scale().equals(scale));
    }

    String unknownScale(String scale) {
        List<String> known = new ArrayList<>(presets.stream().map(Preset::scale).toList());
        known.add(NO_SEED);
        return "Unknown seed scale '" + scale + "': expected one of " + String.join(", ", known);
    }

    Measure measure(String code) {
        return measures.stream().filter(m -> m.code().equals(code)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown measure " + code));
    }

    Area areaByDfeCode(String dfeCode) {
        return areas.stream().filter(a -> a.dfeCode().equals(dfeCode)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown DfE area code " + dfeCode));
    }

    /** Year group {@code N1} is -2, {@code N2} -1, {@code R} 0, then 1 to 14. */
    static int yearNumber(String yearGroup) {
        int index = YEAR_GROUPS.indexOf(yearGroup);
        if (index < 0) {
            throw new IllegalArgumentException("Unknown year group " + yearGroup);
        }
        return index - 2;
    }

    /** The year group of a number, or null outside N1 to 14 (not yet in, or out of, school). */
    static String yearGroup(int number) {
        int index = number + 2;
        return index >= 0 && index < YEAR_GROUPS.size() ? YEAR_GROUPS.get(index) : null;
    }

    private void check() {
        require(regions.size() == 9, "9 regions expected, found " + regions.size());
        require(areas.size() == 153, "153 local areas expected, found " + areas.size());
        require(partnerships.size() == 9, "9 partnerships expected, found " + partnerships.size());
        require(areas.stream().filter(Area::isMember).count() == 32, "32 partnership member areas expected");
        unique(areas, Area::code, "area code");
        unique(areas, Area::dfeCode, "area DfE code");
        Set<String> regionCodes = codes(regions, Region::code);
        areas.forEach(a -> require(regionCodes.contains(a.regionCode()), "Unknown region of " + a.name()));
        partnerships.forEach(p -> require(regionCodes.contains(p.regionCode()), "Unknown region of " + p.code()));
        unique(measures, Measure::code, "measure code");
        unique(pilots, PilotSpec::code, "pilot code");
        for (Measure m : measures) {
            if (m.generation() == Generation.AREA) {
                require(m.periodOffsets().size() == 3, m.code() + ": 3 period offsets expected");
                require(m.nationalDenominators().isEmpty() || m.nationalDenominators().size() == 3,
                    m.code() + ": 3 national denominators expected");
            }
        }
        Set<String> reformCodes = codes(reforms, Reform::code);
        Set<String> partnershipCodes = codes(partnerships, Partnership::code);
        for (PilotSpec p : pilots) {
            require(partnershipCodes.contains(p.partnership()), p.code() + ": unknown partnership");
            p.reforms().forEach(r -> require(reformCodes.contains(r), p.code() + ": unknown reform " + r));
            require(!p.interventionAreas().isEmpty() && !p.comparisonAreas().isEmpty(), p.code() + ": needs both arms");
            for (String dfe : p.interventionAreas()) {
                require(p.partnership().equals(areaByDfeCode(dfe).partnership()),
                    p.code() + ": intervention area " + dfe + " is not a member of " + p.partnership());
            }
            for (String dfe : p.comparisonAreas()) {
                require(!areaByDfeCode(dfe).isMember(), p.code() + ": comparison area " + dfe + " is a member area");
            }
            require(p.cohortProvision().stream().allMatch(s -> s.equals("E") || s.equals("K")),
                p.code() + ": cohortProvision must be E and/or K");
        }
        Set<String> pilotCodes = codes(pilots, PilotSpec::code);
        Set<String> seen = new LinkedHashSet<>();
        for (PilotEffect e : effects) {
            require(pilotCodes.contains(e.pilot()), "Effect on unknown pilot " + e.pilot());
            require(measure(e.measure()).generation() != Generation.NONE,
                "Effect on measure " + e.measure() + " that the generator does not produce");
            require(seen.add(e.pilot() + "|" + e.measure()), "Duplicate effect " + e.pilot() + " " + e.measure());
        }
        // An area-level effect applies to whole areas: two pilots shifting the same measure in the
        // same area could not be told apart.
        Set<String> shifted = new LinkedHashSet<>();
        for (PilotEffect e : effects) {
            if (measure(e.measure()).generation() == Generation.AREA) {
                PilotSpec pilot = pilots.stream().filter(p -> p.code().equals(e.pilot())).findFirst().orElseThrow();
                for (String dfe : pilot.interventionAreas()) {
                    require(shifted.add(e.measure() + "|" + dfe),
                        "Two pilots have an effect on " + e.measure() + " in area " + dfe);
                }
            }
        }
        double ehc = needShares.stream().mapToDouble(NeedShare::ehcPlanShare).sum();
        double support = needShares.stream().mapToDouble(NeedShare::senSupportShare).sum();
        require(Math.abs(ehc - 100) < 0.5 && Math.abs(support - 100) < 0.5, "Need shares must each sum to 100");
        require(needShares.stream().filter(n -> n.ehcPlanShare() > 0).noneMatch(n -> n.need().equals("NSA")),
            "NSA is only for SEN support");
        double settings = settingTypes.stream().mapToDouble(SettingType::share).sum();
        require(Math.abs(settings - 1) < 0.01, "Setting type shares must sum to 1, found " + settings);
        for (Preset p : presets) {
            require(!p.scale().equals(NO_SEED), "'none' is not a preset");
            require(p.academicYears().size() == 3, p.scale() + ": 3 academic years expected");
        }
    }

    private static <T> List<T> map(String location, Function<Map<String, String>, T> mapper) {
        return CsvTable.read(location).stream().map(mapper).toList();
    }

    private static <T> Set<String> codes(List<T> items, Function<T, String> code) {
        return items.stream().map(code).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static <T> void unique(List<T> items, Function<T, String> key, String what) {
        require(codes(items, key).size() == items.size(), "Duplicate " + what);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("Seed inputs: " + message);
        }
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of()
            : Arrays.stream(value.split(";")).map(String::trim).toList();
    }

    private static List<Double> numbers(String value) {
        return list(value).stream().map(Double::valueOf).toList();
    }

    private static double number(String value, double otherwise) {
        return value == null || value.isBlank() ? otherwise : Double.parseDouble(value);
    }

    private static Double optional(String value) {
        return value == null || value.isBlank() ? null : Double.valueOf(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code 7-11}, {@code N2-1} or a single year group, as the list of year groups it spans. */
    private static List<String> yearGroupRange(String value) {
        String[] ends = value.toUpperCase(Locale.ROOT).split("-");
        int from = yearNumber(ends[0]);
        int to = yearNumber(ends[ends.length - 1]);
        List<String> groups = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            groups.add(yearGroup(n));
        }
        return List.copyOf(groups);
    }
}
