package uk.gov.send.rep.hub.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import uk.gov.send.rep.hub.database.Progress;
import uk.gov.send.rep.hub.plan.PlanTimeline;
import uk.gov.send.rep.hub.seed.Child.Stay;
import uk.gov.send.rep.hub.seed.SeedRow.PlanRow;
import uk.gov.send.rep.hub.seed.Settings.Need;
import uk.gov.send.rep.hub.seed.Settings.Setting;

/**
 * A child's placements and EHC plan. Placements: pupils with a plan go to mainstream with the
 * area's mainstream share (adjusted by need), otherwise mostly to special schools, some to AP;
 * history inside the window adds the move from primary to secondary, moves from mainstream to
 * special school, and time-limited AP placements that may end back at the same school. Plans:
 * every child with {@code E} holds an issued plan; some on SEN support had a request refused or
 * in progress, or a plan that ceased because needs were met; young people's plans cease.
 */
final class ChildLife {

    private static final LocalDate EHC_PLANS_BEGIN = LocalDate.of(2014, 9, 1);
    private static final String[] CEASE_REASONS = {"MAX_AGE", "NEEDS_MET", "HIGHER_EDUCATION", "EMPLOYMENT",
        "MOVED_OUT", "NO_ENGAGEMENT", "LEFT_ENGLAND", "DECEASED", "OTHER"};
    private static final double[] CEASE_WEIGHTS = {15, 13, 12, 14, 20, 12, 3, 1, 10};

    private final Settings settings;
    private final AreaModel areaModel;
    private final int lastYear;
    private final LocalDate windowStart;
    private final LocalDate asAt;
    private final LocalDate[] templateFrom;
    private final LocalDate[] digitalFrom;
    private final Refs planRefs;
    private final double[] needMainstreamFactor;
    private final List<String> needs;

    ChildLife(Settings settings, AreaModel areaModel, PilotDesign design, int areas, int lastYear,
            LocalDate windowStart, LocalDate asAt, Refs planRefs, List<String> needs, double[] ehcShares) {
        this.settings = settings;
        this.areaModel = areaModel;
        this.lastYear = lastYear;
        this.windowStart = windowStart;
        this.asAt = asAt;
        this.planRefs = planRefs;
        this.needs = needs;
        this.templateFrom = new LocalDate[areas];
        this.digitalFrom = new LocalDate[areas];
        for (int a = 0; a < areas; a++) {
            templateFrom[a] = design.reformStart("EHCP_TEMPLATE", a);
            digitalFrom[a] = design.reformStart("DIGITAL_EHCP", a);
        }
        // Severe and complex needs go to special schools more often; the factors are rescaled so
        // that, over the EHC plan need mix, the area's mainstream share is kept.
        double[] raw = new double[needs.size()];
        double mean = 0;
        double total = 0;
        for (int i = 0; i < raw.length; i++) {
            raw[i] = switch (needs.get(i)) {
                case "PMLD" -> 0.15;
                case "SLD" -> 0.25;
                case "MSI", "DS" -> 0.6;
                case "ASD", "SEMH" -> 0.95;
                case "SLCN", "HI", "VI" -> 1.25;
                case "SPLD" -> 1.5;
                default -> 1.0;
            };
            mean += raw[i] * ehcShares[i];
            total += ehcShares[i];
        }
        this.needMainstreamFactor = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            needMainstreamFactor[i] = raw[i] * total / mean;
        }
    }

    /** The child's placements, oldest first; the last is current unless it has a {@code to}. */
    List<Stay> placements(Child c, SplittableRandom r) {
        List<Stay> stays = new ArrayList<>();
        if (c.ceasedPlan) {
            return stays;
        }
        if (!c.inSchool) {
            outsideSchool(c, r, stays);
            return stays;
        }
        int n = c.year;
        if (n < 0) {
            Need need = Randoms.chance(r, 0.35) ? Need.EARLY_YEARS : Need.PRIMARY;
            stays.add(new Stay(settings.choose(need, c.area, r), sep1(lastYear - (n + 2)), null));
            return stays;
        }
        Need need = schoolNeed(c, n, r);
        switch (need) {
            case PRIMARY, SECONDARY, POST_16 -> mainstreamHistory(c, n, need, r, stays);
            default -> specialistHistory(c, n, need, r, stays);
        }
        return stays;
    }

    private Need schoolNeed(Child c, int n, SplittableRandom r) {
        Need mainstream = n <= 6 ? Need.PRIMARY : Need.SECONDARY;
        return switch (c.provision) {
            case "E" -> {
                double p = mainstreamProbability(c) * (n >= 12 ? 0.8 : 1);
                if (Randoms.chance(r, p)) {
                    yield mainstream;
                }
                if (n >= 5 && n <= 11) {
                    yield new Need[] {Need.SPECIAL, Need.AP, Need.UNREGISTERED_AP}[Randoms.weighted(r,
                        new double[] {0.9, 0.07, 0.03})];
                }
                yield Need.SPECIAL;
            }
            case "K" -> {
                if (n >= 12) {
                    yield Randoms.chance(r, 0.25) ? Need.POST_16 : Need.SECONDARY;
                }
                double u = r.nextDouble();
                yield n >= 7 && u < 0.02 ? Need.AP : u < 0.025 ? Need.SPECIAL : mainstream;
            }
            default -> mainstream;
        };
    }

    private double mainstreamProbability(Child c) {
        int need = needs.indexOf(c.primaryNeed);
        double factor = need < 0 ? 1 : needMainstreamFactor[need];
        return Math.clamp(areaModel.mainstreamShare(c.area) * factor, 0.02, 0.98);
    }

    private void mainstreamHistory(Child c, int n, Need need, SplittableRandom r, List<Stay> stays) {
        LocalDate phaseStart = need == Need.PRIMARY ? sep1(lastYear - n)
            : need == Need.POST_16 ? sep1(lastYear - (n - 12)) : sep1(lastYear - (n - 7));
        Setting school = settings.choose(need, c.area, r);
        // The move up to secondary school inside the window (years 7 and 8 now).
        if (need == Need.SECONDARY && n <= 8 && !"ALL_THROUGH".equals(school.row().phase())) {
            Setting primary = settings.choose(Need.PRIMARY, c.area, r);
            stays.add(new Stay(primary, sep1(lastYear - n), phaseStart.minusDays(1)));
        }
        // From a nursery to reception or year 1.
        if (need == Need.PRIMARY && n <= 1 && Randoms.chance(r, 0.3)) {
            stays.add(new Stay(settings.choose(Need.EARLY_YEARS, c.area, r), sep1(lastYear - n - 2),
                phaseStart.minusDays(1)));
        }
        double apChance = "E".equals(c.provision) ? 0.04 : "K".equals(c.provision) ? 0.03 : 0.005;
        LocalDate lo = later(windowStart, phaseStart.plusDays(60));
        LocalDate hi = asAt.minusDays(120);
        if (need == Need.SECONDARY && n <= 11 && !lo.isAfter(hi) && Randoms.chance(r, apChance)) {
            // A time-limited (tier 2) AP placement: back to the same school, or not.
            LocalDate start = uniform(r, lo, hi);
            LocalDate end = start.plusDays(42 + r.nextInt(99));
            Setting ap = settings.choose(Need.AP, c.area, r);
            stays.add(new Stay(school, phaseStart, start.minusDays(1)));
            if (Randoms.chance(r, 0.55)) {
                stays.add(new Stay(ap, start, end.minusDays(1)));
                stays.add(new Stay(school, end, null));
            }
            else {
                stays.add(new Stay(ap, start, null));
            }
            return;
        }
        stays.add(new Stay(school, phaseStart, null));
    }

    private void specialistHistory(Child c, int n, Need need, SplittableRandom r, List<Stay> stays) {
        Setting setting = settings.choose(need, c.area, r);
        LocalDate lo = sep1(lastYear - Math.min(n, 6));
        LocalDate hi = asAt.minusDays(60);
        LocalDate from = uniform(r, lo, hi);
        if (n >= 1 && !from.isBefore(windowStart.plusDays(30)) && Randoms.chance(r, 0.25)) {
            // Came from a mainstream school during the window.
            Need before = n <= 6 ? Need.PRIMARY : Need.SECONDARY;
            LocalDate phaseStart = n <= 6 ? sep1(lastYear - n) : sep1(lastYear - (n - 7));
            if (phaseStart.isBefore(from)) {
                stays.add(new Stay(settings.choose(before, c.area, r), phaseStart, from.minusDays(1)));
            }
        }
        stays.add(new Stay(setting, from, null));
    }

    private void outsideSchool(Child c, SplittableRandom r, List<Stay> stays) {
        Integer n = c.year;
        if (n != null && n < 0) {
            if (Randoms.chance(r, 0.6)) {
                stays.add(new Stay(settings.choose(Need.EARLY_YEARS, c.area, r), sep1(lastYear - (n + 2)), null));
            }
            return;
        }
        double college = n == null ? 0.35 : 0.85;
        double u = r.nextDouble();
        if (u < college) {
            LocalDate from = n == null ? sep1(lastYear - r.nextInt(3)) : sep1(lastYear - (n - 12));
            stays.add(new Stay(settings.choose(Need.POST_16, c.area, r), from, null));
        }
        else if (u < college + 0.05) {
            stays.add(new Stay(settings.choose(Need.UNREGISTERED_AP, c.area, r),
                uniform(r, windowStart, asAt.minusDays(60)), null));
        }
    }

    /** The child's EHC plan or request, or null. */
    PlanRow plan(Child c, SplittableRandom r) {
        if (c.ceasedPlan) {
            PlanRow issued = issued(c, r, asAt.minusYears(1));
            LocalDate ceased = uniform(r, later(windowStart, issued.issued().plusDays(180)), asAt);
            String reason;
            do {
                reason = CEASE_REASONS[Randoms.weighted(r, CEASE_WEIGHTS)];
            }
            while ("MAX_AGE".equals(reason) && ceased.getYear() - c.birthYear < 24);
            return ceased(issued, ceased, reason);
        }
        return switch (c.provision) {
            case "E" -> issued(c, r, asAt.minusWeeks(12));
            case "K" -> {
                double u = r.nextDouble();
                if (u < 0.015) {
                    PlanRow issued = issued(c, r, asAt.minusYears(2));
                    LocalDate lo = later(windowStart, issued.issued().plusDays(365));
                    yield ceased(issued, lo.isAfter(asAt) ? asAt : uniform(r, lo, asAt), "NEEDS_MET");
                }
                yield u < 0.075 ? notIssued(c, r) : u < 0.105 ? inProgress(c, r) : null;
            }
            default -> null;
        };
    }

    private PlanRow issued(Child c, SplittableRandom r, LocalDate latest) {
        LocalDate earliest = later(LocalDate.of(c.birthYear + 2, 1, 1), EHC_PLANS_BEGIN);
        LocalDate requested = earliest.isBefore(latest) ? uniform(r, earliest, latest) : latest;
        double withinTwenty = areaModel.withinTwentyWeeks(c.area, requested);
        boolean exception = Randoms.chance(r, 0.04);
        int days = exception ? 140 + r.nextInt(281)
            : Randoms.chance(r, withinTwenty) ? 70 + r.nextInt(71)
            : 141 + (int) Math.min(r.nextExponential() * 63, 420);
        if (requested.plusDays(days).isAfter(asAt)) {
            requested = asAt.minusDays(days + r.nextInt(61));
        }
        LocalDate issued = requested.plusDays(days);
        LocalDate decided = requested.plusDays(28 + r.nextInt(15));
        if (decided.isAfter(issued)) {
            decided = issued;
        }
        return new PlanRow(planRefs.of("P", c.index), c.ref, c.areaCode, requested, PlanTimeline.ASSESS, decided, issued,
            PlanTimeline.weeksToIssue(requested, issued), exception, template(c.area, issued, r), digital(c.area, issued, r),
            PlanTimeline.status(PlanTimeline.ASSESS, issued, null, false), null, null);
    }

    private static PlanRow ceased(PlanRow issued, LocalDate ceased, String reason) {
        return new PlanRow(issued.ref(), issued.child(), issued.area(), issued.requested(), issued.decision(),
            issued.decided(), issued.issued(), issued.weeksToIssue(), issued.exceptionsApply(), issued.template(),
            issued.digital(), PlanTimeline.status(issued.decision(), issued.issued(), ceased, false), ceased, reason);
    }

    private PlanRow notIssued(Child c, SplittableRandom r) {
        LocalDate requested = uniform(r, windowStart, asAt.minusWeeks(10));
        int outcome = Randoms.weighted(r, new double[] {0.7, 0.1, 0.2});
        String decision = outcome == 0 ? "NOT_ASSESS" : outcome == 1 ? "WITHDRAWN" : "ASSESS";
        LocalDate decided = requested.plusDays(outcome == 1 ? 7 + r.nextInt(29) : 28 + r.nextInt(15));
        return new PlanRow(planRefs.of("P", c.index), c.ref, c.areaCode, requested, decision, decided, null, null, false,
            template(c.area, requested, r), digital(c.area, requested, r), PlanTimeline.status(decision, null, null, true),
            null, null);
    }

    private PlanRow inProgress(Child c, SplittableRandom r) {
        LocalDate requested = uniform(r, asAt.minusWeeks(30), asAt);
        boolean decided = requested.isBefore(asAt.minusDays(42));
        return new PlanRow(planRefs.of("P", c.index), c.ref, c.areaCode, requested, decided ? "ASSESS" : null,
            decided ? requested.plusDays(28 + r.nextInt(15)) : null, null, null, false,
            template(c.area, requested, r), digital(c.area, requested, r),
            PlanTimeline.status(decided ? PlanTimeline.ASSESS : null, null, null, false), null, null);
    }

    private String template(int area, LocalDate date, SplittableRandom r) {
        boolean reformed = templateFrom[area] != null && !date.isBefore(templateFrom[area]);
        return Randoms.chance(r, reformed ? 0.85 : 0.02) ? "STANDARDISED" : "LOCAL";
    }

    private boolean digital(int area, LocalDate date, SplittableRandom r) {
        boolean reformed = digitalFrom[area] != null && !date.isBefore(digitalFrom[area]);
        return Randoms.chance(r, reformed ? 0.8 : 0.12);
    }

    static LocalDate sep1(int year) {
        return LocalDate.of(year, 9, 1);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate uniform(SplittableRandom r, LocalDate lo, LocalDate hi) {
        long span = hi.toEpochDay() - lo.toEpochDay();
        return span <= 0 ? lo : lo.plusDays(r.nextLong(span + 1));
    }
}
