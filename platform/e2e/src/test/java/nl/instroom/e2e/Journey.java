package nl.instroom.e2e;

/**
 * What one journey leaves for the next, as the users themselves would hand it on: the coordinator's placed tutor
 * becomes the scout's suggestion and, in the end, the admin's erasure request.
 */
final class Journey {

    static volatile String schoolCode;
    static volatile String consentedTutor;
    static volatile String tutorWithoutConsent;
    static volatile String completedPlacement;

    private Journey() {
    }
}
