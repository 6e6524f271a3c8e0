package nl.instroom.tutoring.matching.application;

import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.tutoring.matching.domain.MatchingRuns;
import org.springframework.stereotype.Component;

/** On erasure of a tutor, stored matching runs no longer name them; the rest of each run stays explainable. */
@Component
class MatchingRunEraser implements PersonalDataEraser {

    private final MatchingRuns runs;

    MatchingRunEraser(MatchingRuns runs) {
        this.runs = runs;
    }

    @Override
    public int erase(SubjectKind kind, String subjectRef) {
        return kind == SubjectKind.TUTOR ? runs.forgetTutor(subjectRef) : 0;
    }
}
