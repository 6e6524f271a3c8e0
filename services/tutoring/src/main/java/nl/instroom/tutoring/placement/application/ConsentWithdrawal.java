package nl.instroom.tutoring.placement.application;

import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.tutoring.placement.domain.CancellationReason;
import nl.instroom.tutoring.tutor.application.TutorService;
import nl.instroom.tutoring.tutor.domain.Tutor;
import org.springframework.stereotype.Service;

/**
 * A parent withdraws consent: it is gone from the tutor, and for a tutor under 16 every open placement that
 * depended on it is cancelled with reason {@code CONSENT_WITHDRAWN}, each publishing {@code PlacementCancelled}.
 */
@Service
public class ConsentWithdrawal {

    private final TutorService tutors;
    private final PlacementService placements;

    ConsentWithdrawal(TutorService tutors, PlacementService placements) {
        this.tutors = tutors;
        this.placements = placements;
    }

    public Tutor withdraw(String tutorId, CurrentUser user) {
        Tutor tutor = tutors.withdrawParentalConsent(tutorId, user);
        if (!tutors.mayBePlaced(tutor)) {
            placements.cancelOpenPlacementsOf(tutor.id(), CancellationReason.CONSENT_WITHDRAWN);
        }
        return tutor;
    }
}
