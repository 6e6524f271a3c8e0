package nl.instroom.events.stay;

import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;

/**
 * An employee agreed that a talent scout may know of a growth ambition (e.g. MENTOR, AMBASSADOR, SCHOOL_LEADER,
 * OTHER_SUBJECT). Published only with that agreement; the staff reference is the school's pseudonym.
 */
public record GrowthAmbitionShared(String schoolCode, String staffRef, String ambition, LocalDate sharedOn)
        implements InstroomEvent {

    @Override
    public String aggregateId() {
        return staffRef;
    }

    @Override
    public List<PersonRef> personRefs() {
        return List.of(new PersonRef(SubjectKind.STAFF, staffRef));
    }
}
