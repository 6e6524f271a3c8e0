package nl.instroom.careeradvice.figures.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import nl.instroom.careeradvice.cases.domain.Phase;
import nl.instroom.chassis.refusal.InvalidRequest;
import org.junit.jupiter.api.Test;

class SchoolYearTest {

    @Test
    void aSchoolYearRunsFromSeptemberToAugustAndTheReportOfSeptemberIsTheYearJustEnded() {
        assertThat(SchoolYear.of(LocalDate.of(2026, 8, 31))).isEqualTo(new SchoolYear(2025));
        assertThat(SchoolYear.of(LocalDate.of(2026, 9, 1))).isEqualTo(new SchoolYear(2026));
        assertThat(SchoolYear.lastEnded(LocalDate.of(2026, 9, 1))).isEqualTo(new SchoolYear(2025));
        assertThat(SchoolYear.lastEnded(LocalDate.of(2026, 8, 31))).isEqualTo(new SchoolYear(2024));
        SchoolYear year = new SchoolYear(2025);
        assertThat(year.first()).isEqualTo(YearMonth.of(2025, 9));
        assertThat(year.last()).isEqualTo(YearMonth.of(2026, 8));
        assertThat(year.label()).isEqualTo("2025-2026");
        assertThat(year.endedOn(LocalDate.of(2026, 8, 31))).isFalse();
        assertThat(year.endedOn(LocalDate.of(2026, 9, 1))).isTrue();
        assertThatThrownBy(() -> new SchoolYear(1999)).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void theFunnelIsTheCasesPhasesInOrderWithoutLeaving() {
        assertThat(DeskFigures.FUNNEL).containsExactlyElementsOf(Arrays.stream(Phase.values())
                .filter(phase -> phase != Phase.LEFT).map(Phase::name).toList());
    }
}
