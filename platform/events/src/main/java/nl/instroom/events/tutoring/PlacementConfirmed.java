package nl.instroom.events.tutoring;

import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;

/** The coordinator confirmed a proposed placement (with a parent's consent in place for a tutor under 16). */
public record PlacementConfirmed(String placementId, String tutorId, String schoolCode, String subject,
        long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return placementId;
    }

    @Override
    public List<PersonRef> personRefs() {
        return List.of(new PersonRef(SubjectKind.TUTOR, tutorId));
    }
}
