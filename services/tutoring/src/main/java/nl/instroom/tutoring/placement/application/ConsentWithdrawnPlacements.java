package nl.instroom.tutoring.placement.application;

import java.time.Instant;
import nl.instroom.tutoring.placement.domain.CancellationReason;
import nl.instroom.tutoring.tutor.application.PlacementsOfTutor;
import org.springframework.stereotype.Component;

/** Placement's side of a withdrawn parental consent: the tutor capability's port, on the placement use cases. */
@Component
class ConsentWithdrawnPlacements implements PlacementsOfTutor {

    private final PlacementService placements;

    ConsentWithdrawnPlacements(PlacementService placements) {
        this.placements = placements;
    }

    @Override
    public boolean cancelOpenPlacementsAfterConsentWithdrawn(String tutorId, Instant since) {
        return placements.cancelOpenPlacementsOf(tutorId, CancellationReason.CONSENT_WITHDRAWN, since);
    }
}
