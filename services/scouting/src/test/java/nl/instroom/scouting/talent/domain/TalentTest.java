package nl.instroom.scouting.talent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.scouting.AmbassadorNominated;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentFlagged;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.events.scouting.TalentStage;
import nl.instroom.events.scouting.TalentStatusChanged;
import org.junit.jupiter.api.Test;

class TalentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Talent aFlaggedTutor(LocalDate on) {
        return Talent.flag("t-1", PersonKind.TUTOR, "tutor-42", TalentKind.POTENTIAL_TEACHER, "AM36",
                "21CM00", "Legt rekenen geduldig uit", on, null, null, TODAY);
    }

    @Test
    void aTalentWalksThePipelineAndEachStepIsDatedAndPublishedWithoutTheRationale() {
        Talent talent = aFlaggedTutor(TODAY.minusDays(30));

        talent.moveTo(TalentStage.APPROACHED, TODAY.minusDays(20), TODAY.plusDays(7), TODAY);
        talent.moveTo(TalentStage.INTERESTED, TODAY.minusDays(10), null, TODAY);
        talent.moveTo(TalentStage.ENROLLED, TODAY, null, TODAY);

        assertThat(talent.history()).extracting(Talent.Step::stage).containsExactly(TalentStage.FLAGGED,
                TalentStage.APPROACHED, TalentStage.INTERESTED, TalentStage.ENROLLED);
        assertThat(talent.flaggedOn()).isEqualTo(TODAY.minusDays(30));
        assertThat(talent.registeredEvents()).hasExactlyElementsOfTypes(TalentFlagged.class,
                TalentStatusChanged.class, TalentStatusChanged.class, TalentStatusChanged.class);
        assertThat((TalentStatusChanged) talent.registeredEvents().get(1)).extracting(TalentStatusChanged::from,
                TalentStatusChanged::to, TalentStatusChanged::changedOn, TalentStatusChanged::revision)
                .containsExactly(TalentStage.FLAGGED, TalentStage.APPROACHED, TODAY.minusDays(20), 2L);
        assertThat(talent.registeredEvents().toString()).doesNotContain("geduldig");
        assertThat(talent.closed()).isTrue();
    }

    @Test
    void aStageCannotBeSkippedNorLeftOnceClosedAndARefusalChangesNothing() {
        Talent talent = aFlaggedTutor(TODAY);

        assertThatThrownBy(() -> talent.moveTo(TalentStage.ENROLLED, TODAY, null, TODAY))
                .isInstanceOf(NotPossibleNow.class).hasMessageContaining("FLAGGED");
        talent.moveTo(TalentStage.WITHDRAWN, TODAY, null, TODAY);
        assertThatThrownBy(() -> talent.moveTo(TalentStage.APPROACHED, TODAY, null, TODAY))
                .isInstanceOf(NotPossibleNow.class).hasMessageContaining("closed");

        assertThat(talent.stage()).isEqualTo(TalentStage.WITHDRAWN);
        assertThat(talent.registeredEvents()).hasSize(2);
    }

    @Test
    void datesMustBeBelievable() {
        Talent talent = aFlaggedTutor(TODAY.minusDays(5));

        assertThatThrownBy(() -> talent.moveTo(TalentStage.APPROACHED, TODAY.minusDays(6), null, TODAY))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("before the previous step");
        assertThatThrownBy(() -> talent.moveTo(TalentStage.APPROACHED, TODAY.plusDays(1), null, TODAY))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> talent.moveTo(TalentStage.DECLINED, TODAY, null, TODAY))
                .isInstanceOf(NotPossibleNow.class);
        assertThatThrownBy(() -> aFlaggedTutor(TODAY.plusDays(1))).isInstanceOf(InvalidRequest.class);
        assertThat(talent.history()).hasSize(1);
    }

    @Test
    void aFlagNeedsARationaleAndAPseudonymousReference() {
        assertThatThrownBy(() -> Talent.flag("t-2", PersonKind.EXTERNAL, "Jan de Vries", TalentKind.ROLE_MODEL,
                "AM36", null, "Sterke spreker", null, null, null, TODAY))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("pseudonymous");
        assertThatThrownBy(() -> Talent.flag("t-2", PersonKind.EXTERNAL, "contact-7", TalentKind.ROLE_MODEL,
                "AM36", null, " ", null, null, null, TODAY))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("rationale");
    }

    @Test
    void becomingAnAmbassadorEnrolsSomeoneInterestedAndActivitiesNeedAnActiveAmbassadorship() {
        Talent talent = aFlaggedTutor(TODAY.minusDays(30));
        talent.moveTo(TalentStage.APPROACHED, TODAY.minusDays(20), null, TODAY);
        assertThatThrownBy(() -> talent.nominateAmbassador("21CM00", TODAY, TODAY))
                .isInstanceOf(NotPossibleNow.class).hasMessageContaining("interested");
        assertThatThrownBy(() -> talent.recordActivity(ActivityType.OPEN_DAY, TODAY, null))
                .isInstanceOf(NotPossibleNow.class);
        talent.moveTo(TalentStage.INTERESTED, TODAY.minusDays(10), null, TODAY);

        talent.nominateAmbassador("21CM00", TODAY.minusDays(5), TODAY);
        talent.recordActivity(ActivityType.GUEST_LESSON, TODAY, null);

        assertThat(talent.stage()).isEqualTo(TalentStage.ENROLLED);
        assertThat(talent.activeAmbassador()).isTrue();
        assertThat(talent.activities()).containsExactly(
                new Talent.Activity(ActivityType.GUEST_LESSON, TODAY, "21CM00"));
        assertThat(talent.registeredEvents().get(talent.registeredEvents().size() - 1))
                .isEqualTo(new AmbassadorNominated("t-1", "tutor-42", "21CM00", "AM36", talent.revision() - 1));
        talent.endAmbassadorship(TODAY, TODAY);
        assertThat(talent.activeAmbassador()).isFalse();
    }

    @Test
    void theFollowUpEndsWhenThePipelineClosedAndAnyAmbassadorshipEnded() {
        Talent withdrawn = aFlaggedTutor(TODAY.minusDays(30));
        assertThat(withdrawn.inactiveSince()).as("open").isEmpty();
        withdrawn.moveTo(TalentStage.WITHDRAWN, TODAY.minusDays(5), null, TODAY);
        assertThat(withdrawn.inactiveSince()).contains(TODAY.minusDays(5));

        Talent ambassador = aFlaggedTutor(TODAY.minusDays(300));
        ambassador.moveTo(TalentStage.APPROACHED, TODAY.minusDays(290), null, TODAY);
        ambassador.moveTo(TalentStage.INTERESTED, TODAY.minusDays(280), null, TODAY);
        ambassador.nominateAmbassador("21CM00", TODAY.minusDays(270), TODAY);
        ambassador.recordActivity(ActivityType.GUEST_LESSON, TODAY.minusDays(100), null);
        assertThat(ambassador.inactiveSince()).as("enrolled but an active ambassador").isEmpty();
        ambassador.endAmbassadorship(TODAY.minusDays(150), TODAY);
        assertThat(ambassador.inactiveSince()).as("the last activity counts").contains(TODAY.minusDays(100));
    }
}
