package nl.instroom.events.tutoring;

import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;

/** A matching run proposed that a tutor help a school with a subject. */
public record PlacementProposed(String placementId, String tutorId, String schoolCode, String subject,
        int hoursPerWeek, String matchingRunId, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return placementId;
    }

    @Override
    public List<PersonRef> personRefs() {
        return List.of(new PersonRef(SubjectKind.TUTOR, tutorId));
    }
}
