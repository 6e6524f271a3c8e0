package nl.instroom.events.stay;

import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;

/**
 * An employee whose reference left stay-interviews (with a {@link GrowthAmbitionShared}) was removed — deleted by
 * school HR or by the retention purge — so whoever learnt the reference from this topic forgets it. Published only
 * for such references, keyed like the ambition, so it never overtakes the ambition it withdraws.
 */
public record StaffMemberRemoved(String schoolCode, String staffRef, LocalDate removedOn) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return staffRef;
    }

    @Override
    public List<PersonRef> personRefs() {
        return List.of(new PersonRef(SubjectKind.STAFF, staffRef));
    }
}
