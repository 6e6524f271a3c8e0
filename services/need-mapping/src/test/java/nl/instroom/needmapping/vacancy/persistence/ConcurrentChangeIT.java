package nl.instroom.needmapping.vacancy.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.needmapping.vacancy.domain.Vacancies;
import nl.instroom.needmapping.vacancy.domain.Vacancy;
import nl.instroom.needmapping.vacancy.domain.VacancyStatus;
import nl.instroom.testing.InstroomInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Two people change the same vacancy from the same starting point: the second change is refused instead of
 * silently undoing the first (no lost update), and a new aggregate cannot overwrite an existing one.
 */
@InstroomInfrastructure
@SpringBootTest(properties = "spring.mongodb.database=needmapping-concurrency")
class ConcurrentChangeIT {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Autowired
    Vacancies vacancies;

    @Test
    void theSecondOfTwoChangesFromTheSameStartIsRefused() {
        Vacancy opened = Vacancy.open("v-race", "21CM00", "wiskunde", BigDecimal.ONE, 40, TODAY, Urgency.HIGH, TODAY);
        vacancies.save(opened);
        Vacancy seenByCoordinator = vacancies.find("v-race").orElseThrow();
        Vacancy seenBySchool = vacancies.find("v-race").orElseThrow();

        seenByCoordinator.fill(TODAY);
        vacancies.save(seenByCoordinator);
        seenBySchool.withdraw(TODAY, "BUDGET");

        assertThatThrownBy(() -> vacancies.save(seenBySchool)).isInstanceOf(NotPossibleNow.class)
                .hasMessageContaining("changed by someone else");
        assertThat(vacancies.find("v-race").orElseThrow().status()).isEqualTo(VacancyStatus.FILLED);
    }

    @Test
    void aNewVacancyCannotOverwriteAnExistingOne() {
        vacancies.save(Vacancy.open("v-twice", "21CM00", "duits", BigDecimal.ONE, 40, TODAY, Urgency.LOW, TODAY));

        assertThatThrownBy(() -> vacancies.save(Vacancy.open("v-twice", "21CM00", "frans", BigDecimal.ONE, 40, TODAY,
                Urgency.LOW, TODAY))).isInstanceOf(NotPossibleNow.class);
        assertThat(vacancies.find("v-twice").orElseThrow().subject()).isEqualTo("duits");
    }
}
