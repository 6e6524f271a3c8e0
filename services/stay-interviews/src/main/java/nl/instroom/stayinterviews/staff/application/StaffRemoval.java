package nl.instroom.stayinterviews.staff.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.stay.StaffMemberRemoved;
import nl.instroom.stayinterviews.staff.domain.StaffMember;
import nl.instroom.stayinterviews.staff.domain.StaffMembers;
import org.springframework.stereotype.Component;

/**
 * Removes an employee with all their interviews, and the reference from the audit trail. When the reference ever
 * left the service (a growth ambition shared with talent scouts), the readers of stay.signals.v1 are told to forget
 * it with {@code StaffMemberRemoved}, in the same write as the removal. That is a fact on the service's own topic,
 * not an erasure request: only identity may ask every service to erase someone (its Kafka user alone may write
 * privacy.erasure-requests.v1), and the reference only ever left on stay.signals.v1, keyed like the removal, so no
 * reader can see the removal before the ambition. A reference that never left is not published just to be
 * forgotten.
 */
@Component
public class StaffRemoval {

    private final StaffMembers staff;
    private final StaffChanges risk;
    private final AuditTrail audit;
    private final Clock clock;

    StaffRemoval(StaffMembers staff, StaffChanges risk, AuditTrail audit, Clock clock) {
        this.staff = staff;
        this.risk = risk;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param tellOthers false when the removal answers an erasure request, which every service received already
     */
    public int remove(StaffMember member, boolean tellOthers, String action) {
        List<InstroomEvent> farewell = tellOthers && member.ambitionShared()
                ? List.of(new StaffMemberRemoved(member.schoolCode(), member.id(), LocalDate.now(clock)))
                : List.of();
        int removed = staff.remove(member.id(), farewell);
        audit.forget(member.id());
        // The entry names the school, not the person: the trail must not keep who was removed.
        audit.record(action, member.schoolCode());
        risk.afterChange(member.schoolCode());
        return removed;
    }
}
