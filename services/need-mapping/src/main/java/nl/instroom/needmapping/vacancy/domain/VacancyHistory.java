package nl.instroom.needmapping.vacancy.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What became of a school's or a region's vacancies month by month, from the vacancies' own dates: how many were
 * opened, filled and withdrawn in each month, how many were open at its end, and the median number of days the ones
 * filled in it had been open. The last month is the current one, counted up to today (its "end" is today).
 */
public final class VacancyHistory {

    /** How many months a history covers, the current one included. */
    public static final int MONTHS = 12;

    /** The dates of one vacancy, all a history needs of it. */
    public record Dates(LocalDate openedOn, VacancyStatus status, LocalDate closedOn) {

        public Dates {
            Objects.requireNonNull(openedOn, "openedOn");
            Objects.requireNonNull(status, "status");
        }

        boolean openAt(LocalDate day) {
            return !openedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
        }
    }

    /**
     * One month's figures. {@code medianDaysToFill} is null when nothing was filled in the month; with an even
     * number filled it is the mean of the middle two.
     */
    public record Month(YearMonth month, int opened, int filled, int withdrawn, int openAtEnd,
            Double medianDaysToFill) {
    }

    private VacancyHistory() {
    }

    /**
     * The first day whose closings a history of the months up to today needs: a vacancy closed before it was opened
     * and closed before the first month, and counts in none.
     */
    public static LocalDate firstDay(LocalDate today) {
        return YearMonth.from(today).minusMonths(MONTHS - 1L).atDay(1);
    }

    /** The last {@link #MONTHS} months up to today, oldest first, from these vacancies (any others are ignored). */
    public static List<Month> of(Collection<Dates> vacancies, LocalDate today) {
        YearMonth current = YearMonth.from(today);
        List<Month> months = new ArrayList<>(MONTHS);
        for (int back = MONTHS - 1; back >= 0; back--) {
            YearMonth month = current.minusMonths(back);
            LocalDate end = back == 0 ? today : month.atEndOfMonth();
            int opened = 0;
            int filled = 0;
            int withdrawn = 0;
            int open = 0;
            List<Long> daysToFill = new ArrayList<>();
            for (Dates vacancy : vacancies) {
                if (YearMonth.from(vacancy.openedOn()).equals(month)) {
                    opened++;
                }
                if (vacancy.closedOn() != null && YearMonth.from(vacancy.closedOn()).equals(month)) {
                    if (vacancy.status() == VacancyStatus.FILLED) {
                        filled++;
                        daysToFill.add(ChronoUnit.DAYS.between(vacancy.openedOn(), vacancy.closedOn()));
                    } else if (vacancy.status() == VacancyStatus.WITHDRAWN) {
                        withdrawn++;
                    }
                }
                if (vacancy.openAt(end)) {
                    open++;
                }
            }
            months.add(new Month(month, opened, filled, withdrawn, open, median(daysToFill)));
        }
        return months;
    }

    private static Double median(List<Long> days) {
        if (days.isEmpty()) {
            return null;
        }
        days.sort(null);
        int middle = days.size() / 2;
        return days.size() % 2 == 1 ? days.get(middle).doubleValue()
                : (days.get(middle - 1) + days.get(middle)) / 2.0;
    }
}
