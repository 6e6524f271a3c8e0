package nl.instroom.tutoring.placement.application;

import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.tutoring.placement.domain.Placements;
import org.springframework.stereotype.Component;

/** On erasure of a tutor, their placements keep only anonymous facts (no tutor reference, no school note). */
@Component
class PlacementEraser implements PersonalDataEraser {

    private final Placements placements;

    PlacementEraser(Placements placements) {
        this.placements = placements;
    }

    @Override
    public int erase(SubjectKind kind, String subjectRef) {
        return kind == SubjectKind.TUTOR ? placements.forgetTutor(subjectRef) : 0;
    }
}
