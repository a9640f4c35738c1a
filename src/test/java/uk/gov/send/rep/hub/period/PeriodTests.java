package uk.gov.send.rep.hub.period;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EES periods: parsed and printed as EES writes them, their dates, order and ranges, and every bad pair refused. */
class PeriodTests {

    @Test
    void shouldParseEveryKindEesUsesAndPrintItBack() {
        assertThat(Period.parse("202324", "Academic year")).isEqualTo(Period.academicYear(2023));
        assertThat(Period.parse("202324", "Autumn term")).isEqualTo(Period.term(2023, "Autumn term"));
        assertThat(Period.parse("202324", "Autumn and spring term")).isEqualTo(Period.term(2023, Period.AUTUMN_AND_SPRING));
        assertThat(Period.parse("202425", "Financial year")).isEqualTo(Period.financialYear(2024));
        assertThat(Period.parse("2024", "Calendar year")).isEqualTo(Period.calendarYear(2024));
        assertThat(Period.parse("2024", "January")).isEqualTo(Period.month(2024, Month.JANUARY));
        // EES spelling kept; case and spaces forgiven on the way in.
        Period spring = Period.parse(" 202324 ", "  spring TERM ");
        assertThat(spring.timeIdentifier()).isEqualTo("Spring term");
        assertThat(spring.timePeriod()).isEqualTo(202324);
        assertThat(spring.toString()).isEqualTo("202324 Spring term");
        assertThat(Period.parse("199900", "Academic year").label()).isEqualTo("1999/00");
    }

    @Test
    void shouldCoverTheDatesOfEachKind() {
        assertDates(Period.academicYear(2023), "2023-09-01", "2024-09-01", "2023/24");
        assertDates(Period.term(2023, "Autumn term"), "2023-09-01", "2024-01-01", "2023/24 Autumn term");
        assertDates(Period.term(2023, "Spring term"), "2024-01-01", "2024-04-15", "2023/24 Spring term");
        assertDates(Period.term(2023, "Summer term"), "2024-04-15", "2024-09-01", "2023/24 Summer term");
        assertDates(Period.term(2023, Period.AUTUMN_AND_SPRING), "2023-09-01", "2024-04-15", "2023/24 Autumn and spring term");
        assertDates(Period.financialYear(2024), "2024-04-01", "2025-04-01", "2024-25");
        assertDates(Period.calendarYear(2024), "2024-01-01", "2025-01-01", "2024");
        assertDates(Period.month(2024, Month.FEBRUARY), "2024-02-01", "2024-03-01", "February 2024");
        // The January census (third Thursday) lies in January, and in the spring term.
        LocalDate census = LocalDate.of(2024, 1, 18);
        assertThat(Period.month(2024, Month.JANUARY).contains(census)).isTrue();
        assertThat(Period.term(2023, "Spring term").contains(census)).isTrue();
        assertThat(Period.term(2023, "Autumn term").contains(census)).isFalse();
    }

    private static void assertDates(Period period, String start, String end, String label) {
        assertThat(period.start()).as(period.toString()).isEqualTo(start);
        assertThat(period.end()).as(period.toString()).isEqualTo(end);
        assertThat(period.label()).isEqualTo(label);
        assertThat(period.contains(period.start())).isTrue();
        assertThat(period.contains(period.end())).isFalse();
        assertThat(period.contains(period.end().minusDays(1))).isTrue();
    }

    @Test
    void shouldOrderByStartThenEndThenKind() {
        List<Period> periods = new ArrayList<>(List.of(Period.academicYear(2024), Period.term(2023, "Summer term"),
            Period.academicYear(2023), Period.term(2023, "Autumn term"), Period.financialYear(2023),
            Period.calendarYear(2024), Period.term(2023, "Spring term"), Period.month(2024, Month.JANUARY),
            Period.term(2023, Period.AUTUMN_AND_SPRING)));
        Collections.shuffle(periods, new java.util.Random(7));
        Collections.sort(periods);
        assertThat(periods).extracting(Period::label).containsExactly("2023-24", "2023/24 Autumn term",
            "2023/24 Autumn and spring term", "2023/24", "January 2024", "2023/24 Spring term", "2024", "2023/24 Summer term",
            "2024/25");
    }

    @Test
    void shouldStepToTheNextPeriodOfTheSameKind() {
        assertThat(Period.term(2023, "Summer term").next()).isEqualTo(Period.term(2024, "Autumn term"));
        assertThat(Period.term(2023, "Autumn term").next()).isEqualTo(Period.term(2023, "Spring term"));
        assertThat(Period.term(2023, Period.AUTUMN_AND_SPRING).next()).isEqualTo(Period.term(2024, Period.AUTUMN_AND_SPRING));
        assertThat(Period.month(2023, Month.DECEMBER).next()).isEqualTo(Period.month(2024, Month.JANUARY));
        assertThat(Period.academicYear(2099).next().timePeriod()).isEqualTo(210001);
        assertThat(Period.financialYear(2024).next()).isEqualTo(Period.parse("202526", "Financial year"));
    }

    @Test
    void shouldListARangeInOrderBothEndsIncluded() {
        assertThat(Period.range(Period.term(2022, "Summer term"), Period.term(2023, "Spring term")))
            .extracting(Period::label)
            .containsExactly("2022/23 Summer term", "2023/24 Autumn term", "2023/24 Spring term");
        assertThat(Period.range(Period.academicYear(2021), Period.academicYear(2023))).hasSize(3);
        assertThat(Period.range(Period.calendarYear(2024), Period.calendarYear(2024))).containsExactly(Period.calendarYear(2024));
        assertThat(Period.range(Period.month(2023, Month.NOVEMBER), Period.month(2024, Month.FEBRUARY))).hasSize(4);
    }

    @Test
    void shouldRefuseEveryBadPairAndRangeSayingWhy() {
        assertThatThrownBy(() -> Period.parse("2023/24", "Academic year")).isInstanceOf(InvalidPeriodException.class)
            .hasMessage("time_period '2023/24' is not a year (e.g. 2024) or a two-year period (e.g. 202324)");
        assertThatThrownBy(() -> Period.parse("202325", "Academic year"))
            .hasMessage("time_period 202325 is not a two-year period for 'Academic year': 6 digits, the second year "
                + "following the first (e.g. 202324)");
        assertThatThrownBy(() -> Period.parse("2024", "Academic year"))
            .hasMessageStartingWith("time_period 2024 is not a two-year period for 'Academic year'");
        assertThatThrownBy(() -> Period.parse("202324", "Calendar year"))
            .hasMessage("time_period 202324 is not a year for 'Calendar year' (4 digits, e.g. 2024)");
        assertThatThrownBy(() -> Period.parse("2024", "Week 3")).hasMessageStartingWith("time_identifier 'Week 3' is not one");
        assertThatThrownBy(() -> Period.parse(null, "Calendar year")).isInstanceOf(InvalidPeriodException.class);
        assertThatThrownBy(() -> new Period(Period.Kind.TERM, 202324, "Academic year"))
            .hasMessage("time_identifier 'Academic year' names a ACADEMIC_YEAR period, not a TERM one");
        assertThatThrownBy(() -> Period.range(Period.academicYear(2023), Period.calendarYear(2024)))
            .hasMessage("a range runs between periods of one kind: 2023/24 is a academic year, 2024 is a calendar year");
        assertThatThrownBy(() -> Period.range(Period.term(2023, "Autumn term"), Period.term(2024, Period.AUTUMN_AND_SPRING)))
            .hasMessageContaining("is a term, 2024/25 Autumn and spring term is two terms");
        assertThatThrownBy(() -> Period.range(Period.academicYear(2024), Period.academicYear(2023)))
            .hasMessage("a range's end (2023/24) comes before its start (2024/25)");
        assertThatThrownBy(() -> Period.range(Period.month(1950, Month.JANUARY), Period.month(2049, Month.DECEMBER)))
            .hasMessageStartingWith("a range holds at most 1000 periods");
    }
}
