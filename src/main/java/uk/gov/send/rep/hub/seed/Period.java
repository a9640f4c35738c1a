package uk.gov.send.rep.hub.seed;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * One reporting period of an observation, in the EES form ({@code timePeriod} 202324 or 2024 with a
 * {@code timeIdentifier}). {@code yearIndex} is the position (0, 1, 2) of the academic year the
 * period belongs to among the preset's three; {@code end} is exclusive.
 */
record Period(int timePeriod, String timeIdentifier, LocalDate start, LocalDate end, int yearIndex) {

    /** Sessions a pupil can attend in each term (two a day), Autumn, Spring, Summer. */
    private static final int[] SESSIONS = {142, 116, 124};

    /** The school sessions of a term (for absence rates). */
    int sessions() {
        return switch (timeIdentifier) {
            case "Autumn term" -> SESSIONS[0];
            case "Spring term" -> SESSIONS[1];
            case "Summer term" -> SESSIONS[2];
            default -> throw new IllegalStateException("Not a term: " + this);
        };
    }

    /** A period's EES pair and dates, from the hub's periods ({@link uk.gov.send.rep.hub.period.Period}). */
    private static Period of(uk.gov.send.rep.hub.period.Period period, int yearIndex) {
        return new Period(period.timePeriod(), period.timeIdentifier(), period.start(), period.end(), yearIndex);
    }

    /**
     * The periods of a period type over academic years given by their first calendar year's EES
     * code (202223, ...). Calendar years are those the January publications of the three years
     * report (2022 for 202223); January is the census of each academic year; financial years start
     * in April of the academic year's first calendar year.
     */
    static List<Period> of(String periodType, List<Integer> academicYears) {
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < academicYears.size(); i++) {
            int code = academicYears.get(i);
            int first = code / 100;
            switch (periodType) {
                case "TERM" -> {
                    for (String term : uk.gov.send.rep.hub.period.Period.TERMS) {
                        periods.add(of(uk.gov.send.rep.hub.period.Period.term(first, term), i));
                    }
                }
                case "ACADEMIC_YEAR" -> periods.add(of(uk.gov.send.rep.hub.period.Period.academicYear(first), i));
                case "FINANCIAL_YEAR" -> periods.add(of(uk.gov.send.rep.hub.period.Period.financialYear(first), i));
                case "CALENDAR_YEAR" -> periods.add(of(uk.gov.send.rep.hub.period.Period.calendarYear(first), i));
                case "JANUARY" -> {
                    // The school census is taken on the third Thursday of January.
                    LocalDate census = LocalDate.of(first + 1, 1, 1)
                        .with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.THURSDAY));
                    periods.add(new Period(first + 1, "January", census, census.plusDays(1), i));
                }
                default -> throw new IllegalArgumentException("Unsupported period type " + periodType);
            }
        }
        return List.copyOf(periods);
    }
}
