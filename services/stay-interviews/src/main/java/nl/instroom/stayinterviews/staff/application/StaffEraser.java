package nl.instroom.stayinterviews.staff.application;

import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.stayinterviews.staff.domain.StaffMembers;
import org.springframework.stereotype.Component;

/**
 * Forgets an employee on an erasure request of kind STAFF naming the reference {@code <schoolCode>:<staffRef>}:
 * the member and every interview go. Safe to repeat: a second request finds nothing.
 */
@Component
class StaffEraser implements PersonalDataEraser {

    private final StaffMembers staff;
    private final StaffRemoval removal;

    StaffEraser(StaffMembers staff, StaffRemoval removal) {
        this.staff = staff;
        this.removal = removal;
    }

    @Override
    public int erase(SubjectKind kind, String subjectRef) {
        if (kind != SubjectKind.STAFF) {
            return 0;
        }
        return staff.find(subjectRef).map(member -> removal.remove(member, false, "ERASED_STAFF_MEMBER")).orElse(0);
    }
}
