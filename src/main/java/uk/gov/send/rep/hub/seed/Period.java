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
                    periods.add(new Period(code, "Autumn term", LocalDate.of(first, 9, 1),
                        LocalDate.of(first + 1, 1, 1), i));
                    periods.add(new Period(code, "Spring term", LocalDate.of(first + 1, 1, 1),
                        LocalDate.of(first + 1, 4, 15), i));
                    periods.add(new Period(code, "Summer term", LocalDate.of(first + 1, 4, 15),
                        LocalDate.of(first + 1, 9, 1), i));
                }
                case "ACADEMIC_YEAR" -> periods.add(new Period(code, "Academic year", LocalDate.of(first, 9, 1),
                    LocalDate.of(first + 1, 9, 1), i));
                case "FINANCIAL_YEAR" -> periods.add(new Period(code, "Financial year", LocalDate.of(first, 4, 1),
                    LocalDate.of(first + 1, 4, 1), i));
                case "CALENDAR_YEAR" -> periods.add(new Period(first, "Calendar year", LocalDate.of(first, 1, 1),
                    LocalDate.of(first + 1, 1, 1), i));
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
