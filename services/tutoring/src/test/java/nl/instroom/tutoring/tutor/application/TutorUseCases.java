package nl.instroom.tutoring.tutor.application;

import java.time.Clock;
import java.util.Optional;
import nl.instroom.chassis.audit.AuditTrail;

/**
 * The tutor capability's use cases wired by hand on in-memory ports, for the use-case tests of this capability and of
 * placement (their constructors are package-private, as Spring alone calls them in the service).
 */
public final class TutorUseCases {

    private TutorUseCases() {
    }

    /** Every 4-digit postcode area exists, at one spot in Zwolle: these tests are not about distances. */
    public static TutorService tutorService(InMemoryTutors tutors, AuditTrail audit, Clock clock) {
        return new TutorService(tutors, pc4 -> Optional.of(new double[] {52.51, 6.09}), audit, clock);
    }

    public static ConsentWithdrawal consentWithdrawal(TutorService tutors, PlacementsOfTutor placements) {
        return new ConsentWithdrawal(tutors, placements);
    }
}
