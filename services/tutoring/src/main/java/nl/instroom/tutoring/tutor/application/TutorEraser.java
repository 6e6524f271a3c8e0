package nl.instroom.tutoring.tutor.application;

import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.tutoring.tutor.domain.Tutors;
import org.springframework.stereotype.Component;

/** Forgets a tutor on an erasure request: the tutor's record is removed entirely. */
@Component
class TutorEraser implements PersonalDataEraser {

    private final Tutors tutors;

    TutorEraser(Tutors tutors) {
        this.tutors = tutors;
    }

    @Override
    public int erase(SubjectKind kind, String subjectRef) {
        return kind == SubjectKind.TUTOR ? tutors.erase(subjectRef) : 0;
    }
}
