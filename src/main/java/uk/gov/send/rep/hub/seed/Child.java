package uk.gov.send.rep.hub.seed;

import java.time.LocalDate;

import uk.gov.send.rep.hub.seed.Settings.Setting;

/**
 * A child while the generator builds it: the population draws (area, year group, provision) come
 * first, cohort recruitment marks some, then the child's own stream fills in the rest.
 */
final class Child {

    /** A placement at a setting from {@code from} to {@code to} (inclusive; null while current). */
    record Stay(Setting setting, LocalDate from, LocalDate to) {

        /** Days of this stay within {@code [start, end)}. */
        long daysWithin(LocalDate start, LocalDate end, LocalDate asAt) {
            LocalDate last = to == null ? asAt : to;
            LocalDate from = this.from.isAfter(start) ? this.from : start;
            LocalDate until = last.plusDays(1).isBefore(end) ? last.plusDays(1) : end;
            return Math.max(0, until.toEpochDay() - from.toEpochDay());
        }
    }

    final long index;
    final String ref;
    final int area;
    /** The ONS code of the area the child lives in. */
    final String areaCode;
    /** Year group number in the latest academic year (N1 = -2, R = 0), null for young adults. */
    final Integer year;
    final String provision;
    /** On a school's roll (the census population), rather than a plan holder outside school. */
    final boolean inSchool;
    /** A young person whose plan has ceased. */
    final boolean ceasedPlan;

    int birthYear;
    String sex;
    String primaryNeed;
    String secondaryNeed;
    int pilot = -1;
    String arm;

    Child(long index, String ref, int area, String areaCode, Integer year, String provision, boolean inSchool,
            boolean ceasedPlan) {
        this.index = index;
        this.ref = ref;
        this.area = area;
        this.areaCode = areaCode;
        this.year = year;
        this.provision = provision;
        this.inSchool = inSchool;
        this.ceasedPlan = ceasedPlan;
    }
}
