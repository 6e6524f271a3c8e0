package nl.instroom.needmapping.region.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.instroom.chassis.refusal.InvalidRequest;
import org.junit.jupiter.api.Test;

class MunicipalityTest {

    private static final LocalDate TABLE = LocalDate.of(2024, 1, 1);
    private static final LocalDate FIRST_OF_JULY = LocalDate.of(2026, 7, 1);

    /** Heerde as CBS divides it: Veluwe Stedendriehoek (AM06), not Regio Zwolle (AM36). */
    static Municipality heerde() {
        return Municipality.restore("GM0246", "Heerde", java.util.List.of(new Municipality.Assignment("AM06", TABLE)),
                1);
    }

    @Test
    void belongsToItsTableRegionUntilAMoveTakesEffect() {
        Municipality heerde = heerde();

        assertThat(heerde.assign("AM36", FIRST_OF_JULY)).isTrue();

        assertThat(heerde.regionOn(FIRST_OF_JULY.minusDays(1))).isEqualTo("AM06");
        assertThat(heerde.regionOn(FIRST_OF_JULY)).isEqualTo("AM36");
        assertThat(heerde.regionOn(TABLE.minusYears(5))).as("before the table the register knows nothing else")
                .isEqualTo("AM06");
        assertThat(heerde.nextChangeAfter(TABLE)).contains(FIRST_OF_JULY);
        assertThat(heerde.revision()).isEqualTo(2);
    }

    @Test
    void theSameMoveAgainChangesNothing() {
        Municipality heerde = heerde();
        heerde.assign("AM36", FIRST_OF_JULY);

        assertThat(heerde.assign("am36", FIRST_OF_JULY)).isFalse();
        assertThat(heerde.assign("AM36", FIRST_OF_JULY.plusMonths(1))).as("already there from July").isFalse();
        assertThat(heerde.revision()).isEqualTo(2);
        assertThat(heerde.assignments()).hasSize(2);
    }

    @Test
    void theEarlierRegionOnTheDayOfAPlannedMoveTakesTheMoveBack() {
        Municipality heerde = heerde();
        heerde.assign("AM36", FIRST_OF_JULY);

        assertThat(heerde.assign("AM06", FIRST_OF_JULY)).isTrue();

        assertThat(heerde.assignments()).containsExactly(new Municipality.Assignment("AM06", TABLE));
        assertThat(heerde.regionOn(FIRST_OF_JULY)).isEqualTo("AM06");
    }

    @Test
    void aMoveBeforeALaterPlannedOneHoldsUntilThatOne() {
        Municipality heerde = heerde();
        heerde.assign("AM36", FIRST_OF_JULY.plusYears(1));

        heerde.assign("AM07", FIRST_OF_JULY);

        assertThat(heerde.regionOn(FIRST_OF_JULY)).isEqualTo("AM07");
        assertThat(heerde.regionOn(FIRST_OF_JULY.plusYears(1))).isEqualTo("AM36");
    }

    @Test
    void refusesWhatTheRegisterCannotKnow() {
        assertThatThrownBy(() -> heerde().assign("AM36", TABLE.minusDays(1))).hasMessageContaining("2024-01-01");
        assertThatThrownBy(() -> heerde().assign("Regio Zwolle", FIRST_OF_JULY))
                .hasMessageContaining("not a labour-market region code");
        assertThatThrownBy(() -> Municipality.establish("Heerde", "Heerde", "AM06", TABLE))
                .hasMessageContaining("not a municipality code");
    }

    @Test
    void municipalityCodesAreCbsCodesWhetherWrittenWithGmOrAsDuosNumber() {
        assertThat(CbsCodes.municipality("GM0193")).isEqualTo("GM0193");
        assertThat(CbsCodes.municipality("gm0193")).isEqualTo("GM0193");
        assertThat(CbsCodes.municipality("0193")).isEqualTo("GM0193");
        assertThat(CbsCodes.municipality("193")).isEqualTo("GM0193");
        assertThatThrownBy(() -> CbsCodes.municipality("GM193")).isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> CbsCodes.municipality("ZWOLLE")).isInstanceOf(InvalidRequest.class);
        assertThat(CbsCodes.region(" am36 ")).isEqualTo("AM36");
        assertThatThrownBy(() -> CbsCodes.region("REGIO_ZWOLLE")).isInstanceOf(InvalidRequest.class);
    }
}
