package nl.instroom.tutoring.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.tutoring.PlacementCancelled;
import nl.instroom.events.tutoring.PlacementCompleted;
import nl.instroom.events.tutoring.PlacementConfirmed;
import nl.instroom.events.tutoring.PlacementProposed;
import nl.instroom.events.tutoring.PlacementStarted;
import org.junit.jupiter.api.Test;

class PlacementTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Placement aProposedPlacement() {
        return Placement.propose("p-1", "t-1", "21CM00", "wiskunde", 3, "AM36", null, NOW);
    }

    @Test
    void aPlacementGoesFromProposalToCompletionAndSaysSoEachTime() {
        Placement placement = aProposedPlacement();

        placement.confirm(true, NOW);
        placement.start(TODAY, NOW);
        placement.complete(TODAY, new Evaluation(4, 5, "Legt geduldig uit"), NOW);

        assertThat(placement.registeredEvents()).hasExactlyElementsOfTypes(PlacementProposed.class,
                PlacementConfirmed.class, PlacementStarted.class, PlacementCompleted.class);
        assertThat((PlacementCompleted) placement.registeredEvents().get(3))
                .extracting(PlacementCompleted::reliability, PlacementCompleted::talentForTeaching,
                        PlacementCompleted::revision).containsExactly(4, 5, 4L);
        assertThat(placement.history()).extracting(Placement.Step::status).containsExactly(PlacementStatus.PROPOSED,
                PlacementStatus.CONFIRMED, PlacementStatus.ACTIVE, PlacementStatus.COMPLETED);
    }

    @Test
    void withoutAConsentThatIsNeededAPlacementIsNotConfirmed() {
        Placement placement = aProposedPlacement();

        assertThatThrownBy(() -> placement.confirm(false, NOW)).hasMessageContaining("consent");
        assertThat(placement.status()).isEqualTo(PlacementStatus.PROPOSED);
        assertThat(placement.registeredEvents()).hasSize(1);
    }

    @Test
    void peopleCancelWithAReasonFromTheListNeverWithTextOrTheSystemsOwnReason() {
        assertThat(CancellationReason.givenByPerson("SCHEDULE_CONFLICT")).isEqualTo(CancellationReason.SCHEDULE_CONFLICT);
        assertThatThrownBy(() -> CancellationReason.givenByPerson("PUPIL_JANSEN_IS_ILL"))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("SCHOOL_DECLINED");
        assertThatThrownBy(() -> CancellationReason.givenByPerson("CONSENT_WITHDRAWN"))
                .isInstanceOf(InvalidRequest.class);
    }

    @Test
    void anOpenPlacementCanBeCancelledWithAReasonAClosedOneNot() {
        Placement placement = aProposedPlacement();
        placement.confirm(true, NOW);

        placement.cancel(CancellationReason.CONSENT_WITHDRAWN, NOW);

        assertThat(placement.registeredEvents()).last().isEqualTo(new PlacementCancelled("p-1", "t-1", "21CM00",
                "wiskunde", "CONSENT_WITHDRAWN", 3));
        assertThatThrownBy(() -> placement.cancel(CancellationReason.OTHER, NOW))
                .isInstanceOf(NotPossibleNow.class);
        assertThatThrownBy(() -> placement.start(TODAY, NOW)).isInstanceOf(NotPossibleNow.class);
    }

    @Test
    void theEvaluationIsScoredOneToFive() {
        assertThatThrownBy(() -> new Evaluation(0, 5, null)).hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> new Evaluation(3, 6, null)).hasMessageContaining("1 to 5");
    }

    @Test
    void aPlacementEndsWhenCompletedOrCancelledAndOnlyACompletedOneHasAnEvaluation() {
        Placement completed = aProposedPlacement();
        completed.confirm(true, NOW);
        completed.start(TODAY, NOW);
        assertThat(completed.endedAt()).as("active").isEmpty();
        completed.complete(TODAY, new Evaluation(4, 5, null), NOW.plusSeconds(60));
        assertThat(completed.endedAt()).contains(NOW.plusSeconds(60));
        assertThat(completed.completedBefore(NOW.plusSeconds(61))).isTrue();
        assertThat(completed.completedBefore(NOW.plusSeconds(60))).isFalse();

        Placement cancelled = aProposedPlacement();
        cancelled.cancel(CancellationReason.SCHEDULE_CONFLICT, NOW);
        assertThat(cancelled.endedAt()).contains(NOW);
        assertThat(cancelled.completedBefore(NOW.plusSeconds(1))).isFalse();
    }
}
