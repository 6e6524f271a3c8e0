package nl.instroom.needmapping.vacancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.events.needmap.VacancyFilled;
import nl.instroom.events.needmap.VacancyOpened;
import nl.instroom.events.needmap.VacancyWithdrawn;
import org.junit.jupiter.api.Test;

class VacancyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Vacancy aMathsVacancyAt(String schoolCode) {
        return Vacancy.open("v-1", schoolCode, "wiskunde", new BigDecimal("0.8"), 32, TODAY.plusMonths(1),
                Urgency.HIGH, TODAY);
    }

    @Test
    void openingAVacancyRegistersVacancyOpenedWithItsFacts() {
        Vacancy vacancy = aMathsVacancyAt("21cm00");

        assertThat(vacancy.registeredEvents()).containsExactly(new VacancyOpened("v-1", "21CM00", "wiskunde",
                new BigDecimal("0.8"), 32, TODAY.plusMonths(1), Urgency.HIGH, 1));
        assertThat(vacancy.status()).isEqualTo(VacancyStatus.OPEN);
    }

    @Test
    void fillingAnOpenVacancyRaisesTheRevisionAndRegistersVacancyFilled() {
        Vacancy vacancy = aMathsVacancyAt("21CM00");

        vacancy.fill(TODAY);

        assertThat(vacancy.registeredEvents()).last()
                .isEqualTo(new VacancyFilled("v-1", "21CM00", "wiskunde", new BigDecimal("0.8"), TODAY, 2));
    }

    @Test
    void aClosedVacancyCannotBeFilledOrWithdrawnAgain() {
        Vacancy vacancy = aMathsVacancyAt("21CM00");
        vacancy.withdraw(TODAY, "BUDGET");

        assertThatThrownBy(() -> vacancy.fill(TODAY)).isInstanceOf(NotPossibleNow.class);
        assertThatThrownBy(() -> vacancy.withdraw(TODAY, "BUDGET")).isInstanceOf(NotPossibleNow.class);
        assertThat(vacancy.registeredEvents()).hasSize(2).last().isInstanceOf(VacancyWithdrawn.class);
    }

    @Test
    void rejectsWhatNoSchoolCanHave() {
        assertThatThrownBy(() -> aMathsVacancyAt("21CM0")).hasMessageContaining("vestigingscode");
        assertThatThrownBy(() -> Vacancy.open("v", "21CM00", "wiskunde", BigDecimal.ZERO, 32, TODAY, Urgency.LOW,
                TODAY)).hasMessageContaining("FTE");
        assertThatThrownBy(() -> Vacancy.open("v", "21CM00", " ", BigDecimal.ONE, 32, TODAY, Urgency.LOW, TODAY))
                .hasMessageContaining("subject");
    }

    @Test
    void aRestoredVacancyHasRegisteredNothing() {
        Vacancy restored = Vacancy.restore("v-1", "21CM00", "wiskunde", BigDecimal.ONE, 40, TODAY, Urgency.NORMAL,
                TODAY, VacancyStatus.OPEN, null, 4);

        assertThat(restored.registeredEvents()).isEmpty();
        assertThat(restored.revision()).isEqualTo(4);
    }

    private static Vacancy openedOn(LocalDate openedOn) {
        return Vacancy.open("v-2", "21CM00", "duits", BigDecimal.ONE, 40, TODAY.plusMonths(1), Urgency.NORMAL,
                openedOn, TODAY);
    }

    @Test
    void aVacancyMayBeOpenedAsOfADayOfThePastUpTo24MonthsBackAndTodayWhenNoneIsGiven() {
        assertThat(openedOn(TODAY.minusMonths(24)).openedOn()).isEqualTo(LocalDate.of(2024, 11, 23));
        assertThat(openedOn(TODAY.minusDays(40)).openedOn()).isEqualTo(LocalDate.of(2026, 10, 14));
        assertThat(openedOn(null).openedOn()).isEqualTo(TODAY);
        assertThat(aMathsVacancyAt("21CM00").openedOn()).isEqualTo(TODAY);
    }

    @Test
    void anOpeningInTheFutureOrMoreThan24MonthsBackIsRefused() {
        assertThatThrownBy(() -> openedOn(TODAY.plusDays(1))).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("future");
        assertThatThrownBy(() -> openedOn(TODAY.minusMonths(24).minusDays(1))).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("24 months");
    }

    @Test
    void aFillOrWithdrawalMayBeDatedBetweenTheOpeningAndToday() {
        Vacancy filled = openedOn(TODAY.minusMonths(3));
        filled.fill(TODAY.minusMonths(1), TODAY);
        assertThat(filled.closedOn()).isEqualTo(LocalDate.of(2026, 10, 23));
        assertThat(filled.registeredEvents()).last().isEqualTo(new VacancyFilled("v-2", "21CM00", "duits",
                BigDecimal.ONE, LocalDate.of(2026, 10, 23), 2));

        Vacancy sameDay = openedOn(TODAY.minusMonths(3));
        sameDay.withdraw(TODAY.minusMonths(3), "BUDGET", TODAY);
        assertThat(sameDay.closedOn()).isEqualTo(TODAY.minusMonths(3));

        Vacancy today = openedOn(TODAY.minusMonths(3));
        today.fill(null, TODAY);
        assertThat(today.closedOn()).isEqualTo(TODAY);
    }

    @Test
    void aFillOrWithdrawalBeforeTheOpeningOrInTheFutureIsRefusedAndChangesNothing() {
        Vacancy vacancy = openedOn(TODAY.minusMonths(3));

        assertThatThrownBy(() -> vacancy.fill(TODAY.minusMonths(3).minusDays(1), TODAY))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("before the vacancy opened");
        assertThatThrownBy(() -> vacancy.fill(TODAY.plusDays(1), TODAY)).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("future");
        assertThatThrownBy(() -> vacancy.withdraw(TODAY.minusYears(1), "BUDGET", TODAY))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("before the vacancy opened");

        assertThat(vacancy.status()).isEqualTo(VacancyStatus.OPEN);
        assertThat(vacancy.closedOn()).isNull();
        assertThat(vacancy.revision()).isEqualTo(1);
        assertThat(vacancy.registeredEvents()).hasSize(1);
    }
}
