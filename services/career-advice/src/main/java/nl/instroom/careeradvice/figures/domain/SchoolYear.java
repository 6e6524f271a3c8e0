package nl.instroom.careeradvice.figures.domain;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * A school year, September to August, named by the year it starts in ({@code 2025} is 2025-09 to 2026-08): the
 * period of the desk's yearly report, which the real desk publishes each September for the year just ended.
 */
public record SchoolYear(int startYear) {

    public static final int FIRST = 2000;

    public SchoolYear {
        if (startYear < FIRST || startYear > 9998) {
            throw new InvalidRequest("A school year starts between " + FIRST + " and 9998");
        }
    }

    /** The school year a day falls in. */
    public static SchoolYear of(LocalDate day) {
        return new SchoolYear(day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1);
    }

    /** The last school year that has ended on {@code today}: the one the report published this September covers. */
    public static SchoolYear lastEnded(LocalDate today) {
        return new SchoolYear(of(today).startYear() - 1);
    }

    public YearMonth first() {
        return YearMonth.of(startYear, Month.SEPTEMBER);
    }

    public YearMonth last() {
        return YearMonth.of(startYear + 1, Month.AUGUST);
    }

    /** Whether the year has ended on {@code today} (its report is final). */
    public boolean endedOn(LocalDate today) {
        return today.isAfter(last().atEndOfMonth());
    }

    /** As the desk writes it: {@code 2025-2026}. */
    public String label() {
        return startYear + "-" + (startYear + 1);
    }
}
