package nl.instroom.stayinterviews.staff.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.stay.RiskBand;
import nl.instroom.stayinterviews.staff.application.StaffService;
import nl.instroom.stayinterviews.staff.domain.Ambition;
import nl.instroom.stayinterviews.staff.domain.Answers;
import nl.instroom.stayinterviews.staff.domain.FollowUpAction;
import nl.instroom.stayinterviews.staff.domain.GrowthAmbition;
import nl.instroom.stayinterviews.staff.domain.IntentToStay;
import nl.instroom.stayinterviews.staff.domain.StaffMember;
import nl.instroom.stayinterviews.staff.domain.StayInterview;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/schools/{schoolCode}/staff")
class StaffController {

    // Path variables are not constrained here: a school other than the caller's own, or an unknown reference,
    // is simply not found (HrScope), and method validation would hide the body's field errors.
    static final String REF = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";

    record RegisterRequest(
            @Schema(description = "The school's own pseudonymous reference, never a national id number (BSN)")
            @NotBlank @Pattern(regexp = REF, message = "must be the school's own reference (letters, digits, . _ -)")
            String staffRef,
            @NotBlank @Size(max = 60) String role, @Size(max = 60) String subject,
            @NotNull @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.2") BigDecimal fte,
            @Min(0) @Max(60) int yearsInService, @PastOrPresent LocalDate lastStayInterviewOn) {
    }

    record AnswersRequest(@Size(max = Answers.MAX_LENGTH) String lookingForwardTo,
            @Size(max = Answers.MAX_LENGTH) String learning, @Size(max = Answers.MAX_LENGTH) String whyStay,
            @Size(max = Answers.MAX_LENGTH) String lastThoughtOfLeaving,
            @Size(max = Answers.MAX_LENGTH) String whatWouldMakeTheJobBetter) {
    }

    record AmbitionRequest(@NotNull Ambition ambition,
            @Schema(description = "true only when the employee agreed that a talent scout may know this ambition")
            boolean scoutMayKnow) {
    }

    record ActionRequest(@NotBlank @Size(max = FollowUpAction.MAX_LENGTH) String description,
            @NotBlank @Size(max = 120) String owner, @NotNull LocalDate dueOn) {
    }

    record InterviewRequest(@NotNull @PastOrPresent LocalDate heldOn, @NotBlank @Size(max = 120) String interviewer,
            @Valid AnswersRequest answers, @Min(1) @Max(5) int workload, @Min(1) @Max(5) int satisfaction,
            @NotNull IntentToStay intentToStay, @Size(max = 5) List<@Valid @NotNull AmbitionRequest> ambitions,
            @Size(max = StayInterview.MAX_ACTIONS) List<@Valid @NotNull ActionRequest> actions,
            @Schema(description = InterviewForm.HEALTH_WARNING)
            @Size(max = StayInterview.MAX_NOTES) String notes) {
    }

    record LeavingRequest(@NotNull LocalDate leavesOn) {
    }

    record StaffView(String staffRef, String reference, String role, String subject, BigDecimal fte,
            int yearsInService, LocalDate lastStayInterviewOn, LocalDate leavesOn, RiskBand latestRiskBand,
            int interviews, long revision) {

        static StaffView of(StaffMember m) {
            return new StaffView(m.staffRef(), m.id(), m.role(), m.subject(), m.fte(), m.yearsInService(),
                    m.lastStayInterviewOn(), m.leavesOn(),
                    m.latestInterview().map(StayInterview::riskBand).orElse(null), m.interviews().size(),
                    m.revision());
        }
    }

    record InterviewView(String id, LocalDate heldOn, String interviewer, Answers answers, int workload,
            int satisfaction, IntentToStay intentToStay, List<GrowthAmbition> ambitions,
            List<FollowUpAction> actions, String notes, RiskBand riskBand,
            @Schema(description = "false when the school's key was deleted: the text can no longer be read")
            boolean contentReadable) {

        static InterviewView of(StayInterview i) {
            return new InterviewView(i.id(), i.heldOn(), i.interviewer(), i.answers(), i.workload(),
                    i.satisfaction(), i.intentToStay(), i.ambitions(), i.actions(), i.notes(), i.riskBand(),
                    i.contentShown());
        }
    }

    private final StaffService staff;

    StaffController(StaffService staff) {
        this.staff = staff;
    }

    @PostMapping
    ResponseEntity<StaffView> register(@PathVariable String schoolCode,
            @Valid @RequestBody RegisterRequest request) {
        StaffMember member = staff.register(schoolCode, new StaffService.RegisterStaff(request.staffRef(),
                request.role(), request.subject(), request.fte(), request.yearsInService(),
                request.lastStayInterviewOn()), CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/schools/" + schoolCode + "/staff/" + member.staffRef()))
                .body(StaffView.of(member));
    }

    @GetMapping
    List<StaffView> list(@PathVariable String schoolCode) {
        return staff.atSchool(schoolCode, CurrentUser.get()).stream().map(StaffView::of).toList();
    }

    @DeleteMapping("/{staffRef}")
    ResponseEntity<Void> remove(@PathVariable String schoolCode,
            @PathVariable String staffRef) {
        staff.remove(schoolCode, staffRef, CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{staffRef}/leaving-date")
    StaffView recordLeaving(@PathVariable String schoolCode,
            @PathVariable String staffRef, @Valid @RequestBody LeavingRequest request) {
        return StaffView.of(staff.recordLeaving(schoolCode, staffRef, request.leavesOn(), CurrentUser.get()));
    }

    /** Records a held stay interview; the risk band follows from the documented rule. */
    @PostMapping("/{staffRef}/interviews")
    ResponseEntity<InterviewView> hold(@PathVariable String schoolCode,
            @PathVariable String staffRef, @Valid @RequestBody InterviewRequest request) {
        AnswersRequest a = request.answers();
        StayInterview interview = staff.holdInterview(schoolCode, staffRef, new StaffService.HoldInterview(
                request.heldOn(), request.interviewer(), a == null ? Answers.none() : new Answers(a.lookingForwardTo(),
                        a.learning(), a.whyStay(), a.lastThoughtOfLeaving(), a.whatWouldMakeTheJobBetter()),
                request.workload(), request.satisfaction(), request.intentToStay(),
                request.ambitions() == null ? List.of() : request.ambitions().stream()
                        .map(r -> new GrowthAmbition(r.ambition(), r.scoutMayKnow())).toList(),
                request.actions() == null ? List.of() : request.actions().stream()
                        .map(r -> new FollowUpAction(r.description(), r.owner(), r.dueOn(), null)).toList(),
                request.notes()), CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/schools/" + schoolCode + "/staff/" + staffRef
                + "/interviews")).body(InterviewView.of(interview));
    }

    /** The employee's stay interviews with their text, newest first. Every read is in the audit trail. */
    @GetMapping("/{staffRef}/interviews")
    List<InterviewView> interviews(@PathVariable String schoolCode,
            @PathVariable String staffRef) {
        return staff.withInterviews(schoolCode, staffRef, CurrentUser.get()).interviews().stream()
                .sorted(Comparator.comparing(StayInterview::heldOn).reversed())
                .map(InterviewView::of).toList();
    }

    @PostMapping("/{staffRef}/interviews/{interviewId}/actions/{index}/done")
    List<InterviewView> completeAction(@PathVariable String schoolCode,
            @PathVariable String staffRef,
            @PathVariable String interviewId, @PathVariable int index) {
        return staff.completeAction(schoolCode, staffRef, interviewId, index, CurrentUser.get()).interviews()
                .stream().map(InterviewView::of).toList();
    }
}
