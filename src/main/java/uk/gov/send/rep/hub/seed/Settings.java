package uk.gov.send.rep.hub.seed;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import uk.gov.send.rep.hub.seed.SeedInputs.Area;
import uk.gov.send.rep.hub.seed.SeedInputs.SettingType;
import uk.gov.send.rep.hub.seed.SeedRow.SettingRow;

/**
 * The synthetic settings of England and where a child can be placed. Every area has at least one
 * mainstream school; other kinds are spread by weight, so a small area may send its children to a
 * special school elsewhere in its region (or, failing that, anywhere), as real areas do.
 */
final class Settings {

    /** What a placement asks for; mainstream is split by the phase a pupil needs. */
    enum Need { PRIMARY, SECONDARY, SPECIAL, AP, EARLY_YEARS, POST_16, UNREGISTERED_AP }

    /** A generated setting and the area (index) it is in. */
    record Setting(SettingRow row, int area) {

        String ref() {
            return row.ref();
        }

        String kind() {
            return row.settingKind();
        }
    }

    private static final String[] NAMES = {"Oakfield", "Riverside", "Meadow View", "Hillcrest", "St Mary's",
        "St John's", "Holy Trinity", "Westfield", "Brookside", "Ashgrove", "Beechwood", "Park Lane", "Greenfields",
        "Millbrook", "Kingsway", "Highfield", "Elmwood", "Fairfield", "Willow Bank", "Northgate", "Southmead",
        "Castle Hill", "Rosewood", "Church Lane", "Springfield", "Valley Road", "Moorland", "Orchard", "Heathside",
        "Lakeside", "Broadway", "Priory", "Abbey", "Victoria", "Albert Road", "Hawthorn", "Maple", "Cedar",
        "Harbour", "Bridgewater", "Queensway", "Whitehall", "Woodlands", "Parkside", "Stonebridge", "Redhill",
        "Foxhill", "Kingfisher"};

    private final List<Setting> all = new ArrayList<>();
    private final Map<Need, List<List<Setting>>> byArea = new EnumMap<>(Need.class);
    private final Map<Need, Map<String, List<Setting>>> byRegion = new EnumMap<>(Need.class);
    private final Map<Need, List<Setting>> nationally = new EnumMap<>(Need.class);
    private final List<Area> areas;

    Settings(SeedInputs inputs, int total, double[] weights, long seed) {
        this.areas = inputs.areas();
        for (Need need : Need.values()) {
            List<List<Setting>> perArea = new ArrayList<>();
            areas.forEach(a -> perArea.add(new ArrayList<>()));
            byArea.put(need, perArea);
            byRegion.put(need, new TreeMap<>());
            nationally.put(need, new ArrayList<>());
        }
        generate(inputs.settingTypes(), total, weights, seed);
    }

    List<Setting> all() {
        return all;
    }

    /** A setting meeting {@code need} for a child of {@code area}: in the area, else its region, else anywhere. */
    Setting choose(Need need, int area, SplittableRandom random) {
        Need wanted = need;
        while (wanted != null) {
            List<Setting> local = byArea.get(wanted).get(area);
            if (!local.isEmpty()) {
                return Randoms.pick(random, local);
            }
            List<Setting> regional = byRegion.get(wanted).get(areas.get(area).regionCode());
            if (regional != null && !regional.isEmpty()) {
                return Randoms.pick(random, regional);
            }
            if (!nationally.get(wanted).isEmpty()) {
                return Randoms.pick(random, nationally.get(wanted));
            }
            wanted = fallback(wanted);
        }
        throw new IllegalStateException("No setting can take a child needing " + need);
    }

    private static Need fallback(Need need) {
        return switch (need) {
            case EARLY_YEARS -> Need.PRIMARY;
            case POST_16 -> Need.SECONDARY;
            case UNREGISTERED_AP -> Need.AP;
            case AP -> Need.SPECIAL;
            case SPECIAL -> Need.SECONDARY;
            case PRIMARY, SECONDARY -> null;
        };
    }

    private void generate(List<SettingType> types, int total, double[] weights, long seed) {
        SplittableRandom random = Randoms.stream(seed, "settings", 0);
        double[] shares = types.stream().mapToDouble(SettingType::share).toArray();
        int[] perType = Randoms.apportion(total, shares);
        Map<String, Integer> perKind = new LinkedHashMap<>();
        for (int t = 0; t < types.size(); t++) {
            perKind.merge(types.get(t).kind(), perType[t], Integer::sum);
        }
        int mainstream = perKind.getOrDefault("MAINSTREAM", 0);
        if (mainstream < areas.size()) {
            throw new IllegalArgumentException("At least one mainstream setting per area is needed: "
                + mainstream + " < " + areas.size());
        }
        // Kind by kind, so that the number of each kind in each area is fixed before any identifier.
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (var entry : perKind.entrySet()) {
            int[] perArea;
            if (entry.getKey().equals("MAINSTREAM")) {
                perArea = Randoms.apportion(mainstream - areas.size(), weights);
                for (int a = 0; a < perArea.length; a++) {
                    perArea[a]++;
                }
            }
            else {
                perArea = Randoms.apportion(entry.getValue(), weights);
            }
            counts.put(entry.getKey(), perArea);
        }
        Identifiers ids = new Identifiers();
        for (int a = 0; a < areas.size(); a++) {
            ids.startArea();
            for (var entry : counts.entrySet()) {
                String kind = entry.getKey();
                List<SettingType> ofKind = types.stream().filter(t -> t.kind().equals(kind)).toList();
                double[] kindShares = ofKind.stream().mapToDouble(SettingType::share).toArray();
                int n = entry.getValue()[a];
                for (int i = 0; i < n; i++) {
                    SettingType type = ofKind.get(Randoms.weighted(random, kindShares));
                    String phase = phase(kind, type, i, n, random);
                    add(make(type, phase, a, ids, random), a);
                }
            }
        }
    }

    private static String phase(String kind, SettingType type, int i, int n, SplittableRandom random) {
        return switch (kind) {
            // An area's first two mainstream schools cover both phases; then mostly primaries.
            case "MAINSTREAM" -> n == 1 ? "ALL_THROUGH" : i == 0 ? "PRIMARY" : i == 1 ? "SECONDARY"
                : new String[] {"PRIMARY", "SECONDARY", "ALL_THROUGH"}[Randoms.weighted(random,
                    new double[] {0.80, 0.16, 0.04})];
            case "SPECIAL" -> "32".equals(type.giasTypeCode()) ? "POST_16" : new String[] {"ALL_THROUGH", "PRIMARY",
                "SECONDARY"}[Randoms.weighted(random, new double[] {0.6, 0.15, 0.25})];
            case "EARLY_YEARS" -> "NURSERY";
            case "POST_16" -> "POST_16";
            default -> "NOT_APPLICABLE";
        };
    }

    private Setting make(SettingType type, String phase, int a, Identifiers ids, SplittableRandom random) {
        Area area = areas.get(a);
        String kind = type.kind();
        boolean hasUrn = type.identifier().startsWith("URN");
        boolean hasUkprn = type.identifier().endsWith("UKPRN");
        String urn = hasUrn ? ids.nextUrn(random) : null;
        String ukprn = hasUkprn ? ids.nextUkprn(random) : null;
        String ref = urn != null ? urn : ukprn != null ? "UKPRN-" + ukprn : "UAP-" + area.dfeCode() + "-" + ids.nextUap();
        String laestab = hasUrn && !"18".equals(type.giasTypeCode())
            ? area.dfeCode() + ids.nextEstablishment(kind, phase, random) : null;
        Integer apTier = kind.equals("ALTERNATIVE_PROVISION") || kind.equals("UNREGISTERED_AP")
            ? 1 + Randoms.weighted(random, new double[] {0.2, 0.5, 0.3}) : null;
        boolean resourced = kind.equals("MAINSTREAM") && Randoms.chance(random, 0.08);
        String name = NAMES[random.nextInt(NAMES.length)] + " " + suffix(type, phase, area);
        return new Setting(new SettingRow(ref, urn, ukprn, laestab, name, kind, type.giasTypeCode(), phase, apTier,
            resourced, area.code()), a);
    }

    private static String suffix(SettingType type, String phase, Area area) {
        String code = type.giasTypeCode() == null ? "" : type.giasTypeCode();
        boolean academy = code.equals("28") || code.equals("34") || code.equals("35");
        return switch (type.kind()) {
            case "MAINSTREAM" -> switch (phase) {
                case "PRIMARY" -> code.equals("02") || code.equals("03") ? "Church of England Primary School"
                    : academy ? "Primary Academy" : "Primary School";
                case "SECONDARY" -> academy ? "Academy" : "High School";
                default -> academy ? "All-through Academy" : "All-through School";
            };
            case "SPECIAL" -> phase.equals("POST_16") ? "Specialist College" : "Special School";
            case "ALTERNATIVE_PROVISION" -> code.equals("14") ? "Pupil Referral Unit" : "AP Academy";
            case "EARLY_YEARS" -> "Nursery School";
            case "POST_16" -> code.equals("18") ? "College" : code.equals("31") ? "Sixth Form Centre"
                : "Sixth Form Academy";
            default -> switch (type.description()) {
                case "One-to-one tuition" -> "Tuition (" + area.name() + ")";
                case "Work-based placement" -> "Work Placements (" + area.name() + ")";
                default -> "Alternative Education (" + area.name() + ")";
            };
        };
    }

    private void add(Setting setting, int a) {
        all.add(setting);
        for (Need need : needsMet(setting.row())) {
            byArea.get(need).get(a).add(setting);
            byRegion.get(need).computeIfAbsent(areas.get(a).regionCode(), r -> new ArrayList<>()).add(setting);
            nationally.get(need).add(setting);
        }
    }

    private static List<Need> needsMet(SettingRow row) {
        return switch (row.settingKind()) {
            case "MAINSTREAM" -> switch (row.phase()) {
                case "PRIMARY" -> List.of(Need.PRIMARY);
                case "SECONDARY" -> List.of(Need.SECONDARY);
                default -> List.of(Need.PRIMARY, Need.SECONDARY);
            };
            case "SPECIAL" -> List.of(Need.SPECIAL);
            case "ALTERNATIVE_PROVISION" -> List.of(Need.AP);
            case "EARLY_YEARS" -> List.of(Need.EARLY_YEARS);
            case "POST_16" -> List.of(Need.POST_16);
            default -> List.of(Need.UNREGISTERED_AP);
        };
    }

    /** Unique URNs and UKPRNs across England; LAESTAB numbers and UAP numbers within an area. */
    private static final class Identifiers {

        private int urn = 100_000;
        private int ukprn = 10_000_000;
        private int uap;
        private final Map<Integer, Integer> establishment = new HashMap<>();

        void startArea() {
            uap = 0;
            establishment.clear();
        }

        String nextUrn(SplittableRandom random) {
            urn += 1 + random.nextInt(12);
            if (urn > 999_999) {
                throw new IllegalStateException("URNs exhausted");
            }
            return Integer.toString(urn);
        }

        String nextUkprn(SplittableRandom random) {
            ukprn += 1 + random.nextInt(40);
            return Integer.toString(ukprn);
        }

        int nextUap() {
            return ++uap;
        }

        /** LAESTAB's 4-digit establishment number, in the DfE's ranges by kind and phase. */
        String nextEstablishment(String kind, String phase, SplittableRandom random) {
            int base = switch (kind) {
                case "MAINSTREAM" -> phase.equals("PRIMARY") ? 2000 : 4000;
                case "SPECIAL" -> 7000;
                case "ALTERNATIVE_PROVISION" -> 1100;
                case "EARLY_YEARS" -> 1000;
                default -> 6900;
            };
            int step = 1 + random.nextInt(2);
            int next = establishment.merge(base, base + step, (old, ignored) -> old + step);
            return String.format(Locale.ROOT, "%04d", next % 10_000);
        }
    }
}
