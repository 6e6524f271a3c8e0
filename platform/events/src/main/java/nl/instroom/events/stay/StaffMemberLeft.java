package nl.instroom.events.stay;

import java.time.YearMonth;
import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;

/**
 * School HR entered the day an employee leaves (or left). Published on its own topic, {@code stay.departures.v1},
 * that only mentoring may read: mentoring counts whether a school leader who gave their own reference with consent
 * stayed, and drops every other reference on arrival. Only the month leaves, never the day or the reason; as in
 * {@link GrowthAmbitionShared}, {@code staffRef} is the reference the rest of Instroom knows,
 * {@code <schoolCode>:<staffRef>}, and the key, so a corrected date never overtakes the one it corrects.
 */
public record StaffMemberLeft(String schoolCode, String staffRef, YearMonth leftInMonth) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return staffRef;
    }

    @Override
    public List<PersonRef> personRefs() {
        return List.of(new PersonRef(SubjectKind.STAFF, staffRef));
    }
}
