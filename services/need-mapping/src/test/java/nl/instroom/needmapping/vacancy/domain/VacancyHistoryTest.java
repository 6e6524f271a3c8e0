package nl.instroom.needmapping.vacancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class VacancyHistoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static VacancyHistory.Dates open(String openedOn) {
        return new VacancyHistory.Dates(LocalDate.parse(openedOn), VacancyStatus.OPEN, null);
    }

    private static VacancyHistory.Dates filled(String openedOn, String filledOn) {
        return new VacancyHistory.Dates(LocalDate.parse(openedOn), VacancyStatus.FILLED, LocalDate.parse(filledOn));
    }

    private static VacancyHistory.Dates withdrawn(String openedOn, String withdrawnOn) {
        return new VacancyHistory.Dates(LocalDate.parse(openedOn), VacancyStatus.WITHDRAWN,
                LocalDate.parse(withdrawnOn));
    }

    private static VacancyHistory.Month month(List<VacancyHistory.Month> months, String month) {
        return months.stream().filter(m -> m.month().equals(YearMonth.parse(month))).findFirst().orElseThrow();
    }

    @Test
    void twelveMonthsOldestFirstEndingWithTheCurrentOne() {
        List<VacancyHistory.Month> months = VacancyHistory.of(List.of(), TODAY);

        assertThat(months).extracting(VacancyHistory.Month::month).first().isEqualTo(YearMonth.of(2025, 12));
        assertThat(months).extracting(VacancyHistory.Month::month).last().isEqualTo(YearMonth.of(2026, 11));
        assertThat(months).hasSize(12).allSatisfy(m -> {
            assertThat(m.opened() + m.filled() + m.withdrawn() + m.openAtEnd()).isZero();
            assertThat(m.medianDaysToFill()).isNull();
        });
        assertThat(VacancyHistory.firstDay(TODAY)).isEqualTo(LocalDate.of(2025, 12, 1));
    }

    @Test
    void eachMonthCountsWhatOpenedAndClosedInItAndWhatWasOpenAtItsEnd() {
        List<VacancyHistory.Month> months = VacancyHistory.of(List.of(
                open("2025-10-01"),                       // before the window, open throughout
                filled("2026-01-10", "2026-03-01"),       // 50 days
                filled("2026-02-01", "2026-03-31"),       // 58 days, closes on the month's last day
                withdrawn("2026-03-05", "2026-04-02"),
                filled("2025-06-01", "2025-11-30"),       // closed before the window: counts nowhere
                open("2026-11-20")), TODAY);

        assertThat(month(months, "2025-12")).isEqualTo(new VacancyHistory.Month(YearMonth.of(2025, 12), 0, 0, 0,
                1, null));
        assertThat(month(months, "2026-01")).isEqualTo(new VacancyHistory.Month(YearMonth.of(2026, 1), 1, 0, 0,
                2, null));
        assertThat(month(months, "2026-02").openAtEnd()).isEqualTo(3);
        // Filled on the 31st: no longer open at the end of March.
        assertThat(month(months, "2026-03")).isEqualTo(new VacancyHistory.Month(YearMonth.of(2026, 3), 1, 2, 0,
                2, 54.0));
        assertThat(month(months, "2026-04")).isEqualTo(new VacancyHistory.Month(YearMonth.of(2026, 4), 0, 0, 1,
                1, null));
        // The current month ends today.
        assertThat(month(months, "2026-11")).isEqualTo(new VacancyHistory.Month(YearMonth.of(2026, 11), 1, 0, 0,
                2, null));
    }

    @Test
    void theMedianOfAnOddNumberIsTheMiddleOne() {
        List<VacancyHistory.Month> months = VacancyHistory.of(List.of(filled("2026-05-01", "2026-06-01"),
                filled("2026-06-01", "2026-06-03"), filled("2026-01-01", "2026-06-30")), TODAY);

        assertThat(month(months, "2026-06").medianDaysToFill()).isEqualTo(31.0);
        assertThat(month(months, "2026-06").filled()).isEqualTo(3);
    }
}
