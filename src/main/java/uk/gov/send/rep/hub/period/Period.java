package uk.gov.send.rep.hub.period;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One reporting period, as an EES file names it: a {@code time_period} (2024, or 202324 for a
 * period that spans two years) and a {@code time_identifier} ("Academic year", "Autumn term",
 * "Financial year", "Calendar year", "January", ...). It covers the dates {@code [start, end)}:
 * <ul>
 * <li>academic year 202324: 1 September 2023 to 31 August 2024;</li>
 * <li>its terms: autumn from 1 September, spring from 1 January, summer from 15 April (a fixed
 *     stand-in for the Easter break) to 1 September; "Autumn and spring term" is the first two;</li>
 * <li>financial year 202425: 1 April 2024 to 31 March 2025;</li>
 * <li>calendar year 2024; a month, e.g. "January" 2024 (EES names months by name alone; the
 *     January school census is a day within that month).</li>
 * </ul>
 * Periods order by start, then end (a term before the year that holds it), then kind.
 *
 * @param kind what sort of period it is
 * @param timePeriod the EES {@code time_period}
 * @param timeIdentifier the EES {@code time_identifier}, spelled as EES spells it
 */
public record Period(Kind kind, int timePeriod, String timeIdentifier) implements Comparable<Period> {

    /** The sorts of period. */
    public enum Kind {
        CALENDAR_YEAR, ACADEMIC_YEAR, FINANCIAL_YEAR, TERM, MONTH
    }

    public static final String CALENDAR_YEAR = "Calendar year";
    public static final String ACADEMIC_YEAR = "Academic year";
    public static final String FINANCIAL_YEAR = "Financial year";

    /** The terms of an academic year, in order. */
    public static final List<String> TERMS = List.of("Autumn term", "Spring term", "Summer term");

    /** The autumn and spring terms together, as EES reports absence. */
    public static final String AUTUMN_AND_SPRING = "Autumn and spring term";

    /** Most periods one range may hold. */
    public static final int MAX_RANGE = 1000;

    /** Months by their EES name (January ... December). */
    private static final Map<String, Month> MONTHS = Arrays.stream(Month.values())
        .collect(Collectors.toUnmodifiableMap(month -> month.getDisplayName(TextStyle.FULL, Locale.UK), month -> month));

    /** Every identifier in EES's spelling, by its lower-case form. */
    private static final Map<String, String> SPELLINGS = Stream.concat(
            Stream.of(CALENDAR_YEAR, ACADEMIC_YEAR, FINANCIAL_YEAR, AUTUMN_AND_SPRING), Stream.concat(TERMS.stream(),
                MONTHS.keySet().stream()))
        .collect(Collectors.toUnmodifiableMap(name -> name.toLowerCase(Locale.ROOT), name -> name));

    private static final Comparator<Period> ORDER = Comparator.comparing(Period::start).thenComparing(Period::end)
        .thenComparing(Period::kind);

    public Period {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeIdentifier, "timeIdentifier");
        String problem = problem(kind, timePeriod, timeIdentifier);
        if (problem != null) {
            throw new InvalidPeriodException(problem);
        }
    }

    /**
     * The period an EES row names. The identifier is matched ignoring case and surrounding spaces
     * and kept in EES's spelling.
     * @throws InvalidPeriodException saying which value is wrong and what was expected
     */
    public static Period parse(String timePeriod, String timeIdentifier) {
        if (timePeriod == null || !timePeriod.strip().matches("\\d{4}|\\d{6}")) {
            throw new InvalidPeriodException("time_period '" + timePeriod + "' is not a year (e.g. 2024) or a two-year "
                + "period (e.g. 202324)");
        }
        String identifier = canonical(timeIdentifier);
        if (identifier == null) {
            throw new InvalidPeriodException("time_identifier '" + timeIdentifier + "' is not one the hub knows: "
                + String.join(", ", CALENDAR_YEAR, ACADEMIC_YEAR, FINANCIAL_YEAR, String.join(", ", TERMS), AUTUMN_AND_SPRING)
                + " or a month (January to December)");
        }
        return new Period(kindOf(identifier), Integer.parseInt(timePeriod.strip()), identifier);
    }

    public static Period calendarYear(int year) {
        return new Period(Kind.CALENDAR_YEAR, year, CALENDAR_YEAR);
    }

    /** The academic year starting in September of {@code firstYear}. */
    public static Period academicYear(int firstYear) {
        return new Period(Kind.ACADEMIC_YEAR, twoYears(firstYear), ACADEMIC_YEAR);
    }

    /** The financial year starting in April of {@code firstYear}. */
    public static Period financialYear(int firstYear) {
        return new Period(Kind.FINANCIAL_YEAR, twoYears(firstYear), FINANCIAL_YEAR);
    }

    /** A term ({@link #TERMS} or {@link #AUTUMN_AND_SPRING}) of the academic year starting in {@code firstYear}. */
    public static Period term(int firstYear, String term) {
        return new Period(Kind.TERM, twoYears(firstYear), term);
    }

    public static Period month(int year, Month month) {
        return new Period(Kind.MONTH, year, month.getDisplayName(TextStyle.FULL, Locale.UK));
    }

    /** The first calendar year the period touches. */
    public int firstYear() {
        return timePeriod >= 100_000 ? timePeriod / 100 : timePeriod;
    }

    /** The first day of the period. */
    public LocalDate start() {
        int year = firstYear();
        return switch (kind) {
            case CALENDAR_YEAR -> LocalDate.of(year, 1, 1);
            case ACADEMIC_YEAR -> LocalDate.of(year, 9, 1);
            case FINANCIAL_YEAR -> LocalDate.of(year, 4, 1);
            case MONTH -> LocalDate.of(year, monthOf(timeIdentifier), 1);
            case TERM -> switch (timeIdentifier) {
                case "Spring term" -> LocalDate.of(year + 1, 1, 1);
                case "Summer term" -> LocalDate.of(year + 1, 4, 15);
                default -> LocalDate.of(year, 9, 1);
            };
        };
    }

    /** The day after the period's last day. */
    public LocalDate end() {
        int year = firstYear();
        return switch (kind) {
            case CALENDAR_YEAR -> LocalDate.of(year + 1, 1, 1);
            case ACADEMIC_YEAR -> LocalDate.of(year + 1, 9, 1);
            case FINANCIAL_YEAR -> LocalDate.of(year + 1, 4, 1);
            case MONTH -> start().plusMonths(1);
            case TERM -> switch (timeIdentifier) {
                case "Autumn term" -> LocalDate.of(year + 1, 1, 1);
                case "Spring term", AUTUMN_AND_SPRING -> LocalDate.of(year + 1, 4, 15);
                default -> LocalDate.of(year + 1, 9, 1);
            };
        };
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && date.isBefore(end());
    }

    /** How people write it: "2023/24", "2023/24 Autumn term", "2024-25" (financial), "2024", "January 2024". */
    public String label() {
        int year = firstYear();
        String span = year + "/" + String.format("%02d", (year + 1) % 100);
        return switch (kind) {
            case CALENDAR_YEAR -> String.valueOf(year);
            case ACADEMIC_YEAR -> span;
            case FINANCIAL_YEAR -> year + "-" + String.format("%02d", (year + 1) % 100);
            case TERM -> span + " " + timeIdentifier;
            case MONTH -> timeIdentifier + " " + year;
        };
    }

    /** The period of the same kind that follows: the next year, term (summer to the next autumn) or month. */
    public Period next() {
        int year = firstYear();
        return switch (kind) {
            case CALENDAR_YEAR -> calendarYear(year + 1);
            case ACADEMIC_YEAR -> academicYear(year + 1);
            case FINANCIAL_YEAR -> financialYear(year + 1);
            case MONTH -> {
                LocalDate next = start().plusMonths(1);
                yield month(next.getYear(), next.getMonth());
            }
            case TERM -> {
                int index = TERMS.indexOf(timeIdentifier);
                if (index < 0) {
                    yield term(year + 1, AUTUMN_AND_SPRING);
                }
                yield index == TERMS.size() - 1 ? term(year + 1, TERMS.getFirst()) : term(year, TERMS.get(index + 1));
            }
        };
    }

    /**
     * Every period from {@code from} to {@code to}, both included, in order.
     * @throws InvalidPeriodException when they are of different kinds (or one is a single term and
     *     the other the autumn and spring terms), when {@code to} comes before {@code from}, or when
     *     the range holds more than {@value #MAX_RANGE} periods
     */
    public static List<Period> range(Period from, Period to) {
        if (from.kind != to.kind || from.kind == Kind.TERM
                && (AUTUMN_AND_SPRING.equals(from.timeIdentifier) != AUTUMN_AND_SPRING.equals(to.timeIdentifier))) {
            throw new InvalidPeriodException("a range runs between periods of one kind: " + from.label() + " is "
                + from.describe() + ", " + to.label() + " is " + to.describe());
        }
        if (to.compareTo(from) < 0) {
            throw new InvalidPeriodException("a range's end (" + to.label() + ") comes before its start (" + from.label() + ")");
        }
        List<Period> periods = new ArrayList<>();
        for (Period at = from; at.compareTo(to) <= 0; at = at.next()) {
            if (periods.size() == MAX_RANGE) {
                throw new InvalidPeriodException("a range holds at most " + MAX_RANGE + " periods: " + from.label() + " to "
                    + to.label() + " holds more");
            }
            periods.add(at);
        }
        return periods;
    }

    @Override
    public int compareTo(Period other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return timePeriod + " " + timeIdentifier;
    }

    private String describe() {
        return kind == Kind.TERM ? (AUTUMN_AND_SPRING.equals(timeIdentifier) ? "two terms" : "a term")
            : "a " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static int twoYears(int firstYear) {
        return firstYear * 100 + (firstYear + 1) % 100;
    }

    /** What is wrong with the pair, or null. */
    private static String problem(Kind kind, int timePeriod, String identifier) {
        Kind named = kindOf(identifier);
        if (named == null || !identifier.equals(canonical(identifier))) {
            return "time_identifier '" + identifier + "' is not one the hub knows (as EES spells it)";
        }
        if (named != kind) {
            return "time_identifier '" + identifier + "' names a " + named + " period, not a " + kind + " one";
        }
        boolean singleYear = kind == Kind.CALENDAR_YEAR || kind == Kind.MONTH;
        if (singleYear) {
            return timePeriod >= 1900 && timePeriod <= 2999 ? null
                : "time_period " + timePeriod + " is not a year for '" + identifier + "' (4 digits, e.g. 2024)";
        }
        int first = timePeriod / 100;
        if (timePeriod < 190_000 || timePeriod > 299_999 || timePeriod % 100 != (first + 1) % 100) {
            return "time_period " + timePeriod + " is not a two-year period for '" + identifier
                + "': 6 digits, the second year following the first (e.g. 202324)";
        }
        return null;
    }

    private static Kind kindOf(String identifier) {
        if (identifier == null) {
            return null;
        }
        return switch (identifier) {
            case CALENDAR_YEAR -> Kind.CALENDAR_YEAR;
            case ACADEMIC_YEAR -> Kind.ACADEMIC_YEAR;
            case FINANCIAL_YEAR -> Kind.FINANCIAL_YEAR;
            case AUTUMN_AND_SPRING -> Kind.TERM;
            default -> TERMS.contains(identifier) ? Kind.TERM : monthOf(identifier) != null ? Kind.MONTH : null;
        };
    }

    /** The identifier in EES's spelling, matched ignoring case and surrounding spaces; null when unknown. */
    private static String canonical(String identifier) {
        return identifier == null ? null : SPELLINGS.get(identifier.strip().toLowerCase(Locale.ROOT));
    }

    private static Month monthOf(String identifier) {
        return MONTHS.get(identifier);
    }
}
