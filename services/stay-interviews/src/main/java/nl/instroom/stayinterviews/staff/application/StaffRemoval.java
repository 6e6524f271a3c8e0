package nl.instroom.stayinterviews.staff.application;

import java.util.List;
import java.util.UUID;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.stayinterviews.risk.application.RiskAssessment;
import nl.instroom.stayinterviews.staff.domain.StaffMember;
import nl.instroom.stayinterviews.staff.domain.StaffMembers;
import org.springframework.stereotype.Component;

/**
 * Removes an employee with all their interviews, and the reference from the audit trail. When the reference ever
 * left the service (a growth ambition shared with talent scouts), others are told to forget it with a
 * {@code SubjectErasureRequested} of kind STAFF on privacy.erasure.v1 — the protocol every service already answers
 * — in the same write as the removal. A reference that never left is not published just to be forgotten.
 */
@Component
public class StaffRemoval {

    private final StaffMembers staff;
    private final RiskAssessment risk;
    private final AuditTrail audit;

    StaffRemoval(StaffMembers staff, RiskAssessment risk, AuditTrail audit) {
        this.staff = staff;
        this.risk = risk;
        this.audit = audit;
    }

    /**
     * @param tellOthers false when the removal answers an erasure request, which every service received already
     */
    public int remove(StaffMember member, boolean tellOthers, String action) {
        List<InstroomEvent> farewell = tellOthers && member.ambitionShared()
                ? List.of(new SubjectErasureRequested(UUID.randomUUID().toString(), SubjectKind.STAFF, member.id()))
                : List.of();
        int removed = staff.remove(member.id(), farewell);
        audit.forget(member.id());
        // The entry names the school, not the person: the trail must not keep who was removed.
        audit.record(action, member.schoolCode());
        risk.afterChange(member.schoolCode());
        return removed;
    }
}
