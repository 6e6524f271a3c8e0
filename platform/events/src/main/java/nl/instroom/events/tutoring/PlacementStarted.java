package nl.instroom.events.tutoring;

import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;

/** The tutor started at the school. */
public record PlacementStarted(String placementId, String tutorId, String schoolCode, String subject,
        LocalDate startedOn, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return placementId;
    }

    @Override
    public List<PersonRef> personRefs() {
        return List.of(new PersonRef(SubjectKind.TUTOR, tutorId));
    }
}
