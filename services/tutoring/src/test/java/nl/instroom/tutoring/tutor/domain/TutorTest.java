package nl.instroom.tutoring.tutor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.instroom.events.tutoring.SubjectLevel;
import nl.instroom.events.tutoring.TutorRegistered;
import org.junit.jupiter.api.Test;

class TutorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static Tutor aPupilAged(int years) {
        return Tutor.register("t-1", "Sanne de Vries", "Thomas a Kempis", 4, TODAY.minusYears(years).minusDays(10),
                List.of(new SubjectLevel("wiskunde", "havo")), new Availability(3, Set.of(DayOfWeek.WEDNESDAY)),
                "8011", 10, "AM36", TODAY);
    }

    @Test
    void registeringPublishesOnlyAPseudonymSubjectsAndThePostcodeArea() {
        Tutor tutor = aPupilAged(16);

        assertThat(tutor.registeredEvents()).containsExactly(new TutorRegistered("t-1",
                List.of(new SubjectLevel("wiskunde", "havo")), "8011", "AM36", 1));
        assertThat(tutor.announced()).isTrue();
    }

    @Test
    void underSixteenNothingIsPublishedUntilAParentConsented() {
        Tutor fifteen = aPupilAged(15);

        assertThat(fifteen.registeredEvents()).isEmpty();
        assertThat(fifteen.announced()).isFalse();

        fifteen.recordParentalConsent(new ParentalConsent(TODAY, "coordinator.zwolle"));

        assertThat(fifteen.registeredEvents()).containsExactly(new TutorRegistered("t-1",
                List.of(new SubjectLevel("wiskunde", "havo")), "8011", "AM36", 2));
        assertThat(fifteen.announced()).isTrue();
    }

    @Test
    void underSixteenAParentsConsentIsNeededBeforePlacement() {
        Tutor fifteen = aPupilAged(15);

        assertThat(fifteen.needsParentalConsent(TODAY)).isTrue();
        assertThat(fifteen.mayBePlaced(TODAY)).isFalse();

        fifteen.recordParentalConsent(new ParentalConsent(TODAY, "coordinator.zwolle"));

        assertThat(fifteen.mayBePlaced(TODAY)).isTrue();
    }

    @Test
    void withdrawnConsentStopsPlacementAgain() {
        Tutor fifteen = aPupilAged(15);
        fifteen.recordParentalConsent(new ParentalConsent(TODAY, "coordinator.zwolle"));

        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(fifteen.withdrawParentalConsent(TODAY, now)).isTrue();

        assertThat(fifteen.mayBePlaced(TODAY)).isFalse();
        assertThat(fifteen.withdrawalPendingSince()).as("its placements are still to be cancelled").isEqualTo(now);
        assertThat(fifteen.withdrawParentalConsent(TODAY, now)).as("nothing left to withdraw").isFalse();
    }

    @Test
    void fromSixteenNoConsentIsNeeded() {
        assertThat(aPupilAged(16).mayBePlaced(TODAY)).isTrue();
    }

    @Test
    void rejectsWhatNoTutorIs() {
        assertThatThrownBy(() -> aPupilAged(9)).hasMessageContaining("between 12 and 21");
        assertThatThrownBy(() -> Tutor.register("t", "Sanne", "X", 4, TODAY.minusYears(15),
                List.of(new SubjectLevel("wiskunde", "havo")), new Availability(3, Set.of(DayOfWeek.MONDAY)),
                "8011 AB", 10, "AM36", TODAY)).hasMessageContaining("PC4");
        assertThatThrownBy(() -> new Availability(3, Set.of(DayOfWeek.SATURDAY))).hasMessageContaining("weekend");
    }
}
