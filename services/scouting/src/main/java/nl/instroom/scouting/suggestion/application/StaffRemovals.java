package nl.instroom.scouting.suggestion.application;

import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.chassis.privacy.ErasureResponder;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.events.stay.StaffMemberRemoved;
import org.springframework.stereotype.Component;

/**
 * Forgets an employee stay-interviews removed. Scouting learnt the reference from a shared growth ambition on
 * stay.signals.v1; {@code StaffMemberRemoved} on the same topic withdraws it, and scouting erases it from its
 * suggestions, talents and audit trail as it would for an erasure request — but nobody waits for an answer, because
 * stay-interviews may not ask for erasures (only identity may write erasure requests).
 */
@Component
public class StaffRemovals {

    private final ErasureResponder erasure;
    private final AuditTrail audit;

    StaffRemovals(ErasureResponder erasure, AuditTrail audit) {
        this.erasure = erasure;
        this.audit = audit;
    }

    /** Handles an event of stay-interviews' signals topic; false for anything but a removal. */
    public boolean forget(ReceivedEvent<InstroomEvent> received) {
        if (!(received.data() instanceof StaffMemberRemoved removed)) {
            return false;
        }
        erasure.forget(SubjectKind.STAFF, removed.staffRef());
        // The entry names the school, not the person: the trail must not keep who was forgotten.
        audit.recordAs("stay-interviews", "FORGOT_REMOVED_STAFF_MEMBER", removed.schoolCode());
        return true;
    }
}
