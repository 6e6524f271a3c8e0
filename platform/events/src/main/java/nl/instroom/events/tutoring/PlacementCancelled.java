package nl.instroom.events.tutoring;

import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;

/** A placement was cancelled or rejected before completion; the reason is a code such as CONSENT_WITHDRAWN. */
public record PlacementCancelled(String placementId, String tutorId, String schoolCode, String subject,
        String reasonCode, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return placementId;
    }

    @Override
    public List<PersonRef> personRefs() {
        return List.of(new PersonRef(SubjectKind.TUTOR, tutorId));
    }
}
