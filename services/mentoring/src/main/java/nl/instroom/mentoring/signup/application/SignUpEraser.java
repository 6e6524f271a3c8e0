package nl.instroom.mentoring.signup.application;

import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.mentoring.signup.domain.SignUps;
import org.springframework.stereotype.Component;

/**
 * Forgets a participant on an erasure request naming their participant reference (the kind does not matter: the
 * reference is a random id only mentoring gives out). Their sign-ups keep side, sector, region and themes so the
 * cohort's figures stay true.
 */
@Component
class SignUpEraser implements PersonalDataEraser {

    private final SignUps signUps;

    SignUpEraser(SignUps signUps) {
        this.signUps = signUps;
    }

    @Override
    public int erase(SubjectKind kind, String subjectRef) {
        return signUps.anonymise(subjectRef);
    }
}
