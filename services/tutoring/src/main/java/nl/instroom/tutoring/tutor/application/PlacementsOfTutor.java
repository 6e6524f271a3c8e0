package nl.instroom.tutoring.tutor.application;

import java.time.Instant;

/**
 * What a withdrawn parental consent asks of the placements, as a port of the tutor capability: placement implements
 * it (it knows tutors anyway), so tutor needs no placement code and the capabilities stay free of cycles.
 */
public interface PlacementsOfTutor {

    /**
     * Cancels every open placement of the tutor proposed before {@code since} with reason consent-withdrawn.
     *
     * @return whether none is left open (false: some changed meanwhile; asked again later)
     */
    boolean cancelOpenPlacementsAfterConsentWithdrawn(String tutorId, Instant since);
}
