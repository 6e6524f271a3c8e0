package nl.instroom.careeradvice.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.Sector;
import nl.instroom.events.advice.CandidateProgressed;
import nl.instroom.events.advice.CandidateReferred;
import org.junit.jupiter.api.Test;

/** The later stages a referred case tells, and the person's agreement to be introduced. */
class AdviceCaseTest {

    private static final Instant NOV = Instant.parse("2026-11-10T10:00:00Z");
    private static final Instant JAN = Instant.parse("2027-01-15T10:00:00Z");

    private static AdviceCase aCase() {
        return AdviceCase.open("case-1", "digest", "Sanne de Vries", "sanne@example.org", true, 12,
                new AdviceCase.Request(NOV, "Hoe word ik leraar?", "slot-1", null),
                new AdviceCase.Profile(Sector.VO, "wiskunde", "8011"), "advisor-1", NOV);
    }

    private static List<CandidateProgressed> stages(AdviceCase advice) {
        return advice.registeredEvents().stream().filter(CandidateProgressed.class::isInstance)
                .map(CandidateProgressed.class::cast).toList();
    }

    @Test
    void aReferredCaseTellsEachStageOnceToTheRegionOfItsLatestReferral() {
        AdviceCase advice = aCase();
        advice.moveTo(Phase.ORIENTING, null, "advisor-1", NOV);
        advice.refer("AM11", "advisor-1", NOV);
        advice.refer("AM36", "advisor-1", NOV);
        assertThat(stages(advice)).as("orienting is no later stage").isEmpty();

        advice.moveTo(Phase.IN_TRAINING, null, "advisor-1", NOV);
        advice.recordOutcome(new AdviceCase.Outcome(OutcomeKind.WORKING, LocalDate.of(2027, 1, 15), null, null,
                "21CM00", null), "advisor-1", JAN);
        advice.moveTo(Phase.LEFT, ClosingReason.WORKING_IN_EDUCATION, "advisor-1", JAN);
        advice.askAgain(true, 12, new AdviceCase.Request(JAN, "Nog een vraag", null, null), null, null, JAN);
        advice.moveTo(Phase.WORKING, null, "advisor-1", JAN);

        List<CandidateProgressed> stages = stages(advice);
        assertThat(stages).as("left and came back: no stage twice").hasSize(2);
        assertThat(stages.get(0)).isEqualTo(new CandidateProgressed("case-1", "AM36", Sector.VO, "wiskunde",
                "IN_TRAINING", YearMonth.of(2026, 11), null, stages.get(0).revision()));
        assertThat(stages.get(1)).isEqualTo(new CandidateProgressed("case-1", "AM36", Sector.VO, "wiskunde",
                "WORKING", YearMonth.of(2026, 11), YearMonth.of(2027, 1), stages.get(1).revision()));
        assertThat(stages.get(1).revision()).isGreaterThan(stages.get(0).revision());
    }

    @Test
    void aCaseThatWentStraightToWorkReachedTrainingInPassingAndAnUnreferredOneTellsNothing() {
        AdviceCase unreferred = aCase();
        unreferred.moveTo(Phase.WORKING, null, "advisor-1", NOV);
        assertThat(stages(unreferred)).isEmpty();

        AdviceCase referred = aCase();
        referred.refer("AM36", "advisor-1", NOV);
        referred.moveTo(Phase.WORKING, null, "advisor-1", JAN);
        assertThat(stages(referred)).singleElement().satisfies(stage -> {
            assertThat(stage.stage()).isEqualTo("WORKING");
            assertThat(stage.inTrainingSince()).isEqualTo(YearMonth.of(2027, 1));
            assertThat(stage.workingSince()).isEqualTo(YearMonth.of(2027, 1));
        });
    }

    @Test
    void aCaseReferredAfterItsTrainingStartedTellsTheStageRightAfterTheReferralWithANewerRevision() {
        AdviceCase advice = aCase();
        advice.moveTo(Phase.IN_TRAINING, null, "advisor-1", NOV);
        advice.refer("AM36", "advisor-1", JAN);

        List<InstroomEvent> events = advice.registeredEvents();
        assertThat(events).hasSize(2);
        CandidateReferred referred = (CandidateReferred) events.get(0);
        CandidateProgressed stage = (CandidateProgressed) events.get(1);
        assertThat(stage.region()).isEqualTo("AM36");
        assertThat(stage.inTrainingSince()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(stage.revision()).isGreaterThan(referred.revision()).isEqualTo(advice.revision());
    }

    @Test
    void anIntroductionNeedsAnExplicitDayARegionReferredToAndSomethingSharedAndIsWithdrawable() {
        AdviceCase advice = aCase();
        LocalDate day = LocalDate.of(2026, 11, 10);
        assertThatThrownBy(() -> advice.agreeToIntroduction("AM36", day, "Sanne", null, "advisor-1", NOV))
                .isInstanceOf(NotPossibleNow.class);
        advice.refer("AM36", "advisor-1", NOV);
        long revision = advice.revision();
        assertThatThrownBy(() -> advice.agreeToIntroduction("AM36", day.plusDays(1), "Sanne", null, "a", NOV))
                .as("a day still to come").isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> advice.agreeToIntroduction("AM36", day.minusDays(1), "Sanne", null, "a", NOV))
                .as("before the case was opened").isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> advice.agreeToIntroduction("AM36", day, " ", null, "a", NOV))
                .as("nothing shared").isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> advice.agreeToIntroduction("AM11", day, "Sanne", null, "a", NOV))
                .as("a region not referred to").isInstanceOf(NotPossibleNow.class);
        assertThatThrownBy(() -> advice.withdrawIntroduction(NOV)).isInstanceOf(NotPossibleNow.class);
        assertThat(advice.revision()).as("nothing changed").isEqualTo(revision);

        advice.agreeToIntroduction("AM36", day, " Sanne ", "Sanne.Werk@Example.org", "advisor-1", NOV);
        assertThat(advice.introduction()).isEqualTo(new AdviceCase.Introduction("AM36", day, "Sanne",
                "sanne.werk@example.org", "advisor-1", null));
        assertThat(advice.registeredEvents()).as("never on a topic").noneMatch(event ->
                event.toString().contains("Sanne"));

        advice.withdrawIntroduction(JAN);
        assertThat(advice.introduction()).isEqualTo(new AdviceCase.Introduction("AM36", day, null, null,
                "advisor-1", LocalDate.of(2027, 1, 15)));
        assertThat(advice.introduction().active()).isFalse();
    }
}
