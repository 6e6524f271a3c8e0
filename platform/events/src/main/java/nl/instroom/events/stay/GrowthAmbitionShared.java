package nl.instroom.events.stay;

import java.time.LocalDate;
import nl.instroom.events.InstroomEvent;

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
}
