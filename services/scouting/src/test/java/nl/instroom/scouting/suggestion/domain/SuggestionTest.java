package nl.instroom.scouting.suggestion.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.events.stay.GrowthAmbitionShared;
import nl.instroom.events.tutoring.PlacementCompleted;
import org.junit.jupiter.api.Test;

class SuggestionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static PlacementCompleted completed(String placement, int talent) {
        return new PlacementCompleted(placement, "tutor-1", "21CM00", "wiskunde", TODAY, 4, talent, 4);
    }

    @Test
    void onlyAHighTalentScoreSuggestsAndTheKeyIsThePlacement() {
        assertThat(Suggestion.from(completed("p-1", 3), NOW)).isEmpty();
        Suggestion suggestion = Suggestion.from(completed("p-1", 4), NOW).orElseThrow();

        assertThat(suggestion.fact()).isEqualTo("placement:p-1");
        assertThat(suggestion.id()).doesNotContain("p-1").doesNotContain("tutor-1")
                .isNotEqualTo(Suggestion.from(completed("p-1", 4), NOW).orElseThrow().id());
        assertThat(suggestion.personKind()).isEqualTo(PersonKind.TUTOR);
        assertThat(suggestion.suggestedKind()).isEqualTo(TalentKind.POTENTIAL_TEACHER);
    }

    @Test
    void theSameAmbitionOfTheSameStaffMemberIsOneFactAndTheIdIsRandom() {
        Suggestion first = Suggestion.from(new GrowthAmbitionShared("21CM00", "staff-9", "school_leader", TODAY), NOW);
        Suggestion again = Suggestion.from(new GrowthAmbitionShared("21CM00", "staff-9", "SCHOOL_LEADER",
                TODAY.plusDays(3)), NOW);
        Suggestion other = Suggestion.from(new GrowthAmbitionShared("21CM00", "staff-9", "MENTOR", TODAY), NOW);

        assertThat(again.fact()).isEqualTo(first.fact());
        assertThat(other.fact()).isNotEqualTo(first.fact());
        // An id made from school, reference and ambition could be recomputed by whoever guesses the reference.
        assertThat(first.id()).doesNotContain("staff-9").isNotEqualTo(again.id());
        java.util.UUID.fromString(first.id());
        assertThat(first.suggestedKind()).isEqualTo(TalentKind.HIGH_POTENTIAL);
        assertThat(other.suggestedKind()).isEqualTo(TalentKind.ROLE_MODEL);
    }

    @Test
    void aSuggestionIsDecidedOnce() {
        Suggestion suggestion = Suggestion.from(completed("p-2", 5), NOW).orElseThrow();
        suggestion.accept("talent-1", TODAY);

        assertThatThrownBy(() -> suggestion.dismiss(TODAY)).isInstanceOf(NotPossibleNow.class);
        assertThatThrownBy(() -> suggestion.accept("talent-2", TODAY)).isInstanceOf(NotPossibleNow.class);
        assertThat(suggestion.status()).isEqualTo(SuggestionStatus.ACCEPTED);
        assertThat(suggestion.talentId()).isEqualTo("talent-1");
    }
}
