package nl.instroom.events.tutoring;

import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;

/**
 * A pupil registered as a tutor. Only a pseudonymous id, subjects and the 4-digit postcode area: no name, no
 * birth date, no address.
 */
public record TutorRegistered(String tutorId, List<SubjectLevel> subjects, String pc4, String region, long revision)
        implements InstroomEvent {

    public TutorRegistered {
        subjects = List.copyOf(subjects);
    }

    @Override
    public String aggregateId() {
        return tutorId;
    }

    @Override
    public List<PersonRef> personRefs() {
        return List.of(new PersonRef(SubjectKind.TUTOR, tutorId));
    }
}
