package nl.instroom.events.tutoring;

import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;

/**
 * A placement ended as planned and the host school evaluated it: reliability and talent for teaching, each
 * 1–5. The school's free-text note never leaves tutoring.
 */
public record PlacementCompleted(String placementId, String tutorId, String schoolCode, String subject,
        LocalDate completedOn, int reliability, int talentForTeaching, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return placementId;
    }

    @Override
    public List<PersonRef> personRefs() {
        return List.of(new PersonRef(SubjectKind.TUTOR, tutorId));
    }
}
