package nl.instroom.scouting.suggestion.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.instroom.chassis.audit.RecordedAuditTrail;
import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.security.Role;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentFlagged;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.events.tutoring.PlacementCompleted;
import nl.instroom.scouting.suggestion.domain.SuggestionStatus;
import nl.instroom.scouting.talent.application.InMemoryTalents;
import nl.instroom.scouting.talent.application.TalentUseCases;
import org.junit.jupiter.api.Test;

/**
 * The scout's inbox against in-memory suggestions, schools and talents: no Spring, no store, no broker. Suggestions
 * come from events only, belong to their school's region, and are decided once.
 */
class SuggestionInboxTest {

    private static final String ZWOLLE = "AM36";
    private static final String FLEVOLAND = "AM12";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final RecordedAuditTrail audit = new RecordedAuditTrail(clock);
    private final InMemorySuggestions suggestions = new InMemorySuggestions();
    private final InMemorySchoolViews schools = new InMemorySchoolViews().aSchoolIn("21CM00", ZWOLLE)
            .aSchoolIn("30XY01", FLEVOLAND);
    private final InMemoryTalents talents = new InMemoryTalents();
    private final SuggestionInbox inbox = new SuggestionInbox(suggestions, schools,
            TalentUseCases.talentService(talents, schools, audit, clock), audit, clock);

    private final CurrentUser zwolleScout = scoutOf(ZWOLLE);

    @Test
    void aPlacementTheSchoolScoredHighOnTeachingIsSuggestedOnceInItsSchoolsRegion() {
        assertThat(inbox.offer(aCompletedPlacement("p-1", "tutor-7", "21CM00", 5))).isTrue();
        assertThat(inbox.offer(aCompletedPlacement("p-1", "tutor-7", "21CM00", 5))).as("redelivered").isFalse();
        assertThat(inbox.offer(aCompletedPlacement("p-2", "tutor-8", "21CM00", 3))).as("scored low").isFalse();

        assertThat(inbox.open(null, zwolleScout)).singleElement().satisfies(item -> {
            assertThat(item.suggestion().personRef()).isEqualTo("tutor-7");
            assertThat(item.region()).isEqualTo(ZWOLLE);
        });
        assertThat(inbox.open(null, scoutOf(FLEVOLAND))).isEmpty();
    }

    @Test
    void acceptingFlagsTheTutorAsATalentOfTheSchoolsRegionAndASecondDecisionIsRefused() {
        inbox.offer(aCompletedPlacement("p-3", "tutor-9", "21CM00", 4));
        String id = inbox.open(null, zwolleScout).get(0).suggestion().id();

        SuggestionInbox.Accepted accepted = inbox.accept(id, null, null, TODAY.plusWeeks(2), zwolleScout);

        assertThat(accepted.talent().region()).isEqualTo(ZWOLLE);
        assertThat(accepted.talent().rationale()).as("the facts, when the scout gave no rationale")
                .contains("talent for teaching 4 of 5");
        assertThat(talents.published()).containsExactly(new TalentFlagged(accepted.talent().id(), PersonKind.TUTOR,
                "tutor-9", TalentKind.POTENTIAL_TEACHER, ZWOLLE, 1));
        assertThat(suggestions.find(id).orElseThrow().status()).isEqualTo(SuggestionStatus.ACCEPTED);
        assertThat(inbox.open(null, zwolleScout)).isEmpty();

        assertThatThrownBy(() -> inbox.dismiss(id, zwolleScout)).isInstanceOf(NotPossibleNow.class);
        assertThatThrownBy(() -> inbox.accept(id, null, null, null, zwolleScout)).isInstanceOf(NotPossibleNow.class);
        assertThat(talents.published()).hasSize(1);
        assertThat(suggestions.find(id).orElseThrow().status()).isEqualTo(SuggestionStatus.ACCEPTED);
    }

    @Test
    void aScoutOfAnotherRegionCannotDecideASuggestionAndChangesNothing() {
        inbox.offer(aCompletedPlacement("p-4", "tutor-10", "21CM00", 5));
        String id = inbox.open(null, zwolleScout).get(0).suggestion().id();
        CurrentUser flevolandScout = scoutOf(FLEVOLAND);

        assertThatThrownBy(() -> inbox.accept(id, null, null, null, flevolandScout))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inbox.dismiss(id, flevolandScout)).isInstanceOf(NotFoundException.class);

        assertThat(suggestions.find(id).orElseThrow().status()).isEqualTo(SuggestionStatus.OPEN);
        assertThat(talents.published()).isEmpty();
        assertThat(audit.actionsOn(id)).isEmpty();
    }

    @Test
    void aSuggestionAtASchoolScoutingDoesNotKnowYetIsNobodysToDecide() {
        inbox.offer(aCompletedPlacement("p-5", "tutor-11", "99ZZ99", 5));
        CurrentUser admin = new CurrentUser("admin", List.of(Role.ADMIN), null, null);
        String id = inbox.open(null, admin).get(0).suggestion().id();

        assertThatThrownBy(() -> inbox.accept(id, null, null, null, zwolleScout))
                .isInstanceOf(NotFoundException.class);
        assertThat(inbox.open(null, zwolleScout)).isEmpty();
        assertThat(suggestions.find(id).orElseThrow().status()).isEqualTo(SuggestionStatus.OPEN);
    }

    private static ReceivedEvent<InstroomEvent> aCompletedPlacement(String placementId, String tutorId,
            String schoolCode, int talentForTeaching) {
        PlacementCompleted completed = new PlacementCompleted(placementId, tutorId, schoolCode, "wiskunde",
                TODAY.minusDays(2), 4, talentForTeaching, 4);
        return new ReceivedEvent<>("event-" + placementId, "nl.instroom.tutoring.PlacementCompleted.v1",
                "tutoring", Instant.parse("2026-11-25T10:00:00Z"), placementId, completed);
    }

    private static CurrentUser scoutOf(String region) {
        return new CurrentUser("scout-" + region, List.of(Role.TALENT_SCOUT), region, null);
    }
}
