package nl.instroom.tutoring.tutor.application;

import java.time.Instant;
import java.util.Optional;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.tutoring.tutor.domain.Tutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A parent withdraws consent: it is gone from the tutor, and for a tutor under 16 every open placement proposed
 * until then is cancelled with reason {@code CONSENT_WITHDRAWN}, each publishing {@code PlacementCancelled}.
 *
 * <p>Reliably, though one tutor's placements are several documents: the withdrawal and a mark
 * ({@code withdrawalPendingSince}) are one write on the tutor; then each placement is cancelled, read again and
 * cancelled still when someone changed it meanwhile; the mark goes only when none is open. Whatever a crash, an
 * outage or repeated conflicts left, {@link #finishPending} finishes — right after every start and then every
 * {@code instroom.tutoring.consent-withdrawal-retry} — until done. Until then every transition refuses the tutor
 * anyway, as it re-checks consent.
 *
 * <p>The placements are told through a port of this capability ({@link PlacementsOfTutor}), which placement
 * implements: placements know tutors, tutors do not know placements, so the two capabilities form no cycle.
 */
@Service
public class ConsentWithdrawal {

    private static final Logger log = LoggerFactory.getLogger(ConsentWithdrawal.class);

    private final TutorService tutors;
    private final PlacementsOfTutor placements;

    ConsentWithdrawal(TutorService tutors, PlacementsOfTutor placements) {
        this.tutors = tutors;
        this.placements = placements;
    }

    /** Withdraws, then cancels what depended on it — what fails now is finished by {@link #finishPending}. */
    public Tutor withdraw(String tutorId, CurrentUser user) {
        Tutor tutor = tutors.withdrawParentalConsent(tutorId, user);
        try {
            finish(tutor.id());
        } catch (RuntimeException e) {
            log.warn("Cancelling the placements of a withdrawn consent failed; will retry: {}", e.toString());
        }
        return tutors.current(tutor.id()).orElse(tutor);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${instroom.tutoring.consent-withdrawal-retry:PT1M}")
    void finishPending() {
        for (Tutor pending : tutors.withPendingWithdrawal(100)) {
            try {
                finish(pending.id());
            } catch (RuntimeException e) {
                log.warn("Cancelling the placements of a withdrawn consent failed; will retry: {}", e.toString());
            }
        }
    }

    /** @return whether nothing is left to cancel */
    boolean finish(String tutorId) {
        Optional<Tutor> tutor = tutors.current(tutorId);
        if (tutor.isEmpty() || tutor.get().withdrawalPendingSince() == null) {
            return true;
        }
        Instant since = tutor.get().withdrawalPendingSince();
        if (!placements.cancelOpenPlacementsAfterConsentWithdrawn(tutorId, since)) {
            return false;
        }
        tutors.withdrawalDone(tutor.get());
        return true;
    }
}
