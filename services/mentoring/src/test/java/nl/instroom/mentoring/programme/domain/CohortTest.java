package nl.instroom.mentoring.programme.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.instroom.chassis.refusal.InvalidRequest;
import org.junit.jupiter.api.Test;

class CohortTest {

    private static final LocalDate MARCH = LocalDate.of(2027, 3, 1);

    @Test
    void aRoundTakesSignUpsInItsWindowAndRunsFromStartToEnd() {
        Cohort spring = new Cohort("c1", "p1", "Voorjaar 2027", MARCH, MARCH.plusDays(27), MARCH.plusMonths(1),
                MARCH.plusMonths(5));

        assertThat(spring.takesSignUpsOn(MARCH.minusDays(1))).isFalse();
        assertThat(spring.takesSignUpsOn(MARCH)).isTrue();
        assertThat(spring.takesSignUpsOn(MARCH.plusDays(27))).isTrue();
        assertThat(spring.takesSignUpsOn(MARCH.plusDays(28))).isFalse();
        assertThat(spring.runsOn(MARCH.plusMonths(3))).isTrue();
        assertThat(spring.runsOn(MARCH.plusMonths(5).plusDays(1))).isFalse();
    }

    @Test
    void datesOutOfOrderAreRefused() {
        assertThatThrownBy(() -> new Cohort("c1", "p1", "x", MARCH, MARCH.minusDays(1), MARCH.plusMonths(1),
                MARCH.plusMonths(5))).isInstanceOf(InvalidRequest.class).hasMessageContaining("closes before");
        assertThatThrownBy(() -> new Cohort("c1", "p1", "x", MARCH, MARCH.plusDays(20), MARCH.plusDays(10),
                MARCH.plusMonths(5))).isInstanceOf(InvalidRequest.class).hasMessageContaining("starts after");
        assertThatThrownBy(() -> new Cohort("c1", "p1", "x", MARCH, MARCH.plusDays(20), MARCH.plusMonths(1),
                MARCH.plusMonths(1))).isInstanceOf(InvalidRequest.class).hasMessageContaining("ends after");
    }
}
