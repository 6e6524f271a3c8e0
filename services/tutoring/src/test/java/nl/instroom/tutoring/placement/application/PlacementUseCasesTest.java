package nl.instroom.tutoring.placement.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import nl.instroom.chassis.audit.RecordedAuditTrail;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.security.Role;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.tutoring.PlacementCancelled;
import nl.instroom.events.tutoring.SubjectLevel;
import nl.instroom.tutoring.placement.domain.CancellationReason;
import nl.instroom.tutoring.placement.domain.Evaluation;
import nl.instroom.tutoring.placement.domain.Placement;
import nl.instroom.tutoring.placement.domain.PlacementStatus;
import nl.instroom.tutoring.tutor.application.ConsentWithdrawal;
import nl.instroom.tutoring.tutor.application.InMemoryTutors;
import nl.instroom.tutoring.tutor.application.TutorService;
import nl.instroom.tutoring.tutor.application.TutorUseCases;
import nl.instroom.tutoring.tutor.domain.Tutor;
import org.junit.jupiter.api.Test;

/**
 * The placement use cases and a parent's withdrawal of consent, against in-memory tutors, placements and schools: no
 * Spring, no store, no broker. What the integration tests check through HTTP and Kafka, these check in milliseconds.
 */
class PlacementUseCasesTest {

    private static final String ZWOLLE = "AM36";
    private static final String FLEVOLAND = "AM12";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final RecordedAuditTrail audit = new RecordedAuditTrail(clock);
    private final InMemoryTutors tutorStore = new InMemoryTutors();
    private final InMemoryPlacements placementStore = new InMemoryPlacements();
    private final InMemorySchoolNeedViews schools = new InMemorySchoolNeedViews()
            .aSchoolIn("01AA", ZWOLLE).aSchoolIn("02BB", ZWOLLE).aSchoolIn("09ZZ", FLEVOLAND);
    private final TutorService tutors = TutorUseCases.tutorService(tutorStore, audit, clock);
    private final PlacementService placements = new PlacementService(placementStore, tutors, schools, audit, clock);
    private final ConsentWithdrawal withdrawal = TutorUseCases.consentWithdrawal(tutors,
            new ConsentWithdrawnPlacements(placements));

    private final CurrentUser zwolleCoordinator = coordinatorOf(ZWOLLE);

    @Test
    void withdrawingAParentsConsentCancelsEveryOpenPlacementOfAPupilUnder16AndLeavesTheEndedOnes() {
        Tutor pupil = aPupilOf(14);
        tutors.recordParentalConsent(pupil.id(), TODAY.minusDays(3), zwolleCoordinator);
        Placement proposed = placements.propose(pupil.id(), "01AA", "wiskunde", 2, zwolleCoordinator);
        Placement confirmed = confirmed(placements.propose(pupil.id(), "02BB", "engels", 2, zwolleCoordinator));
        Placement completed = completed(placements.propose(pupil.id(), "01AA", "engels", 1, zwolleCoordinator));

        Tutor after = withdrawal.withdraw(pupil.id(), zwolleCoordinator);

        assertThat(after.consent()).isNull();
        assertThat(after.withdrawalPendingSince()).as("nothing left to finish").isNull();
        assertThat(statusOf(proposed)).isEqualTo(PlacementStatus.CANCELLED);
        assertThat(statusOf(confirmed)).isEqualTo(PlacementStatus.CANCELLED);
        assertThat(statusOf(completed)).isEqualTo(PlacementStatus.COMPLETED);
        assertThat(placementStore.published()).filteredOn(PlacementCancelled.class::isInstance)
                .map(PlacementCancelled.class::cast)
                .extracting(PlacementCancelled::placementId, PlacementCancelled::reasonCode)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(proposed.id(), "CONSENT_WITHDRAWN"),
                        org.assertj.core.groups.Tuple.tuple(confirmed.id(), "CONSENT_WITHDRAWN"));
        assertThat(audit.actionsOn(pupil.id())).contains("WITHDREW_PARENTAL_CONSENT").containsSubsequence(
                "CANCELLED_PLACEMENT", "CANCELLED_PLACEMENT");
    }

    @Test
    void aPupilOf16KeepsThePlacementsWhenTheConsentIsWithdrawn() {
        Tutor pupil = aPupilOf(16);
        tutors.recordParentalConsent(pupil.id(), TODAY.minusDays(3), zwolleCoordinator);
        Placement proposed = placements.propose(pupil.id(), "01AA", "wiskunde", 2, zwolleCoordinator);

        withdrawal.withdraw(pupil.id(), zwolleCoordinator);

        assertThat(statusOf(proposed)).isEqualTo(PlacementStatus.PROPOSED);
        assertThat(placementStore.published()).noneMatch(PlacementCancelled.class::isInstance);
    }

    @Test
    void aCoordinatorOfAnotherRegionFindsNeitherTheTutorNorThePlacementAndChangesNothing() {
        Tutor pupil = aPupilOf(17);
        Placement proposed = placements.propose(pupil.id(), "01AA", "wiskunde", 2, zwolleCoordinator);
        CurrentUser flevolandCoordinator = coordinatorOf(FLEVOLAND);

        assertThatThrownBy(() -> placements.propose(pupil.id(), "09ZZ", "wiskunde", 2, flevolandCoordinator))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> placements.confirm(proposed.id(), flevolandCoordinator))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> withdrawal.withdraw(pupil.id(), flevolandCoordinator))
                .isInstanceOf(NotFoundException.class);

        assertThat(statusOf(proposed)).isEqualTo(PlacementStatus.PROPOSED);
        assertThat(placementStore.ofTutor(pupil.id())).hasSize(1);
    }

    @Test
    void aCoordinatorCannotPlaceATutorOfTheirRegionAtASchoolOfAnother() {
        Tutor pupil = aPupilOf(17);

        assertThatThrownBy(() -> placements.propose(pupil.id(), "09ZZ", "wiskunde", 2, zwolleCoordinator))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> placements.propose(pupil.id(), "77XX", "wiskunde", 2, zwolleCoordinator))
                .as("a school need-mapping never announced is in nobody's region")
                .isInstanceOf(NotFoundException.class);
        assertThat(placementStore.ofTutor(pupil.id())).isEmpty();
    }

    @Test
    void aPupilUnder16WithoutConsentCannotBeProposedAndACancellationWithAnInventedReasonChangesNothing() {
        Tutor young = aPupilOf(14);
        assertThatThrownBy(() -> placements.propose(young.id(), "01AA", "wiskunde", 2, zwolleCoordinator))
                .isInstanceOf(NotPossibleNow.class);
        assertThat(placementStore.ofTutor(young.id())).isEmpty();

        Placement proposed = placements.propose(aPupilOf(17).id(), "01AA", "wiskunde", 2, zwolleCoordinator);
        int eventsBefore = placementStore.published().size();
        assertThatThrownBy(() -> placements.cancel(proposed.id(), "CONSENT_WITHDRAWN", zwolleCoordinator))
                .as("only tutoring itself gives that reason").hasMessageContaining("Unknown cancellation reason");
        assertThat(statusOf(proposed)).isEqualTo(PlacementStatus.PROPOSED);
        assertThat(placementStore.published()).hasSize(eventsBefore);
    }

    @Test
    void theSchoolsHrConfirmsAPlacementAtItsOwnSchoolButSeesNoneElsewhere() {
        Placement atOwnSchool = placements.propose(aPupilOf(17).id(), "01AA", "wiskunde", 2, zwolleCoordinator);
        Placement elsewhere = placements.propose(aPupilOf(17).id(), "02BB", "wiskunde", 2, zwolleCoordinator);
        CurrentUser hr = new CurrentUser("hr-01AA", List.of(Role.SCHOOL_HR), null, "01AA");

        assertThat(placements.confirm(atOwnSchool.id(), hr).status()).isEqualTo(PlacementStatus.CONFIRMED);
        assertThatThrownBy(() -> placements.get(elsewhere.id(), hr)).isInstanceOf(NotFoundException.class);
        assertThat(placements.atSchool("01AA", hr)).extracting(Placement::id).containsExactly(atOwnSchool.id());
    }

    private Tutor aPupilOf(int age) {
        return tutors.register(new TutorService.RegisterTutor("Pupil of " + age, "01AA", 3,
                TODAY.minusYears(age).minusMonths(1), List.of(new SubjectLevel("wiskunde", "havo")), 4,
                Set.of(DayOfWeek.TUESDAY), "8011", 10), zwolleCoordinator);
    }

    private Placement confirmed(Placement placement) {
        return placements.confirm(placement.id(), zwolleCoordinator);
    }

    private Placement completed(Placement placement) {
        confirmed(placement);
        placements.start(placement.id(), TODAY, zwolleCoordinator);
        return placements.complete(placement.id(), new Evaluation(4, 4, null), zwolleCoordinator);
    }

    private PlacementStatus statusOf(Placement placement) {
        return placementStore.find(placement.id()).orElseThrow().status();
    }

    private static CurrentUser coordinatorOf(String region) {
        return new CurrentUser("coordinator-" + region, List.of(Role.COORDINATOR), region, null);
    }
}
