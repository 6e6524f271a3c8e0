package nl.instroom.mentoring.outcome.application;

import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.mentoring.signup.domain.SignUps;
import nl.instroom.mentoring.vault.domain.StaffLinkHashes;
import org.springframework.stereotype.Component;

/**
 * An erasure request naming a staff reference (kind {@code STAFF}, {@code <schoolCode>:<staffRef>}) removes every
 * sign-up's staff link that hashes to it, with the leaving month and nominations that arrived about it. The sign-up
 * itself stays: the person is a participant under another reference, erased by a request naming that one (which
 * removes the link too).
 */
@Component
class StaffLinkEraser implements PersonalDataEraser {

    private final SignUps signUps;
    private final StaffLinkHashes hashes;

    StaffLinkEraser(SignUps signUps, StaffLinkHashes hashes) {
        this.signUps = signUps;
        this.hashes = hashes;
    }

    @Override
    public int erase(SubjectKind kind, String subjectRef) {
        return kind == SubjectKind.STAFF && subjectRef != null ? signUps.unlinkStaff(hashes.hashOf(subjectRef)) : 0;
    }
}
