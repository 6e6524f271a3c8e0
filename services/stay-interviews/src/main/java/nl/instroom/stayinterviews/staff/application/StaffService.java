package nl.instroom.stayinterviews.staff.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.stayinterviews.staff.domain.Answers;
import nl.instroom.stayinterviews.staff.domain.FollowUpAction;
import nl.instroom.stayinterviews.staff.domain.GrowthAmbition;
import nl.instroom.stayinterviews.staff.domain.IntentToStay;
import nl.instroom.stayinterviews.staff.domain.StaffMember;
import nl.instroom.stayinterviews.staff.domain.StaffMembers;
import nl.instroom.stayinterviews.staff.domain.StayInterview;
import org.springframework.stereotype.Service;

/**
 * School HR's work on its own staff. Every read of interview content and every change is in the audit trail
 * (naming the pseudonymous reference, never content); after each change that can move the school's expected
 * departures, the school's retention risk is reassessed.
 */
@Service
public class StaffService {

    /** What HR registers about an employee. */
    public record RegisterStaff(String staffRef, String role, String subject, BigDecimal fte, int yearsInService,
            LocalDate lastStayInterviewOn) {
    }

    /** What HR records of a held stay interview. */
    public record HoldInterview(LocalDate heldOn, String interviewer, Answers answers, int workload, int satisfaction,
            IntentToStay intentToStay, List<GrowthAmbition> ambitions, List<FollowUpAction> actions, String notes) {
    }

    private final StaffMembers staff;
    private final StaffRemoval removal;
    private final StaffChanges risk;
    private final AuditTrail audit;
    private final Clock clock;

    StaffService(StaffMembers staff, StaffRemoval removal, StaffChanges risk, AuditTrail audit, Clock clock) {
        this.staff = staff;
        this.removal = removal;
        this.risk = risk;
        this.audit = audit;
        this.clock = clock;
    }

    public StaffMember register(String schoolCode, RegisterStaff command, CurrentUser user) {
        HrScope.require(user, schoolCode);
        StaffMember member = StaffMember.register(schoolCode, command.staffRef(), command.role(), command.subject(),
                command.fte(), command.yearsInService(), command.lastStayInterviewOn(), LocalDate.now(clock));
        if (staff.find(member.id()).isPresent()) {
            throw new NotPossibleNow("Staff reference " + command.staffRef() + " is already registered");
        }
        staff.save(member);
        audit.record("REGISTERED_STAFF_MEMBER", member.id());
        return member;
    }

    /** The school's staff without interview content, ordered by reference. */
    public List<StaffMember> atSchool(String schoolCode, CurrentUser user) {
        HrScope.require(user, schoolCode);
        return staff.atSchool(schoolCode).stream().sorted(Comparator.comparing(StaffMember::staffRef)).toList();
    }

    public StayInterview holdInterview(String schoolCode, String staffRef, HoldInterview command, CurrentUser user) {
        StaffMember member = visible(schoolCode, staffRef, user);
        StayInterview interview = StayInterview.record(UUID.randomUUID().toString(), command.heldOn(),
                command.interviewer(), command.answers(), command.workload(), command.satisfaction(),
                command.intentToStay(), command.ambitions(), command.actions(), command.notes(), LocalDate.now(clock));
        member.holdInterview(interview);
        staff.save(member);
        audit.record("RECORDED_STAY_INTERVIEW", member.id());
        risk.afterChange(schoolCode);
        return interview;
    }

    /** The member's interviews with their text, newest first: a read of the most sensitive data, so audited. */
    public StaffMember withInterviews(String schoolCode, String staffRef, CurrentUser user) {
        StaffMember member = visible(schoolCode, staffRef, user);
        audit.record("READ_STAY_INTERVIEWS", member.id());
        return member;
    }

    public StaffMember completeAction(String schoolCode, String staffRef, String interviewId, int index,
            CurrentUser user) {
        StaffMember member = visible(schoolCode, staffRef, user);
        member.completeAction(interviewId, index, LocalDate.now(clock));
        staff.save(member);
        audit.record("COMPLETED_FOLLOW_UP_ACTION", member.id());
        return member;
    }

    public StaffMember recordLeaving(String schoolCode, String staffRef, LocalDate leavesOn, CurrentUser user) {
        StaffMember member = visible(schoolCode, staffRef, user);
        member.leavesOn(leavesOn);
        staff.save(member);
        audit.record("RECORDED_LEAVING_DATE", member.id());
        risk.afterChange(schoolCode);
        return member;
    }

    /** HR deletes an employee: they and their interviews are gone, and others forget a reference they knew. */
    public void remove(String schoolCode, String staffRef, CurrentUser user) {
        removal.remove(visible(schoolCode, staffRef, user), true, "REMOVED_STAFF_MEMBER");
    }

    private StaffMember visible(String schoolCode, String staffRef, CurrentUser user) {
        HrScope.require(user, schoolCode);
        return staff.find(StaffMember.id(schoolCode, staffRef))
                .orElseThrow(() -> new NotFoundException("Staff member", staffRef));
    }
}
