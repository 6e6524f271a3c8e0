package nl.instroom.careeradvice.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.instroom.careeradvice.agenda.domain.Slot;
import nl.instroom.careeradvice.cases.application.CaseLog;
import nl.instroom.careeradvice.cases.domain.AdviceCase;
import nl.instroom.careeradvice.cases.domain.ClosingReason;
import nl.instroom.careeradvice.cases.domain.ContactKind;
import nl.instroom.careeradvice.cases.domain.OutcomeKind;
import nl.instroom.careeradvice.cases.domain.Phase;
import nl.instroom.careeradvice.need.domain.Nearby;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.Sector;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The adviser's cases and case log; an admin reads a case and finds one by e-mail address. */
@RestController
@Validated
class CaseController {

    record CaseSummary(String id, String name, Phase phase, Sector sector, String subject, Instant lastActivity) {

        static CaseSummary of(AdviceCase advice) {
            AdviceCase.Profile profile = advice.profile();
            return new CaseSummary(advice.id(), advice.name(), advice.phase(),
                    profile == null ? null : profile.sector(), profile == null ? null : profile.subject(),
                    advice.lastActivity());
        }
    }

    record Appointment(String slotId, Instant start, Instant end, String advisorRef) {
    }

    record CaseView(String id, String name, String email, Phase phase, AdviceCase.Profile profile, String advisorRef,
            Instant consentGivenAt, int retentionMonths, Instant keepUntil, List<AdviceCase.Request> requests,
            List<Appointment> appointments, List<AdviceCase.Contact> contacts, List<AdviceCase.PhaseChange> phases,
            List<AdviceCase.Outcome> outcomes, List<AdviceCase.Referral> referrals,
            AdviceCase.Introduction introduction, long revision) {

        static CaseView of(AdviceCase a, List<Slot> slots) {
            return new CaseView(a.id(), a.name(), a.email(), a.phase(), a.profile(), a.advisorRef(),
                    a.consentGivenAt(), a.retentionMonths(), a.keepUntil(), a.requests(), slots.stream()
                    .map(slot -> new Appointment(slot.id(), slot.start(), slot.end(), slot.advisorRef())).toList(),
                    a.contacts(), a.phases(), a.outcomes(), a.referrals(), a.introduction(), a.revision());
        }
    }

    record LogContact(@NotNull ContactKind kind, @NotNull LocalDate on, @NotNull @Min(1) @Max(480) Integer minutes,
            @Size(max = AdviceCase.SUMMARY_LIMIT) String summary) {
    }

    record MovePhase(@NotNull Phase phase, ClosingReason reason) {
    }

    record RecordOutcome(@NotNull OutcomeKind kind, @NotNull LocalDate on, @Size(max = 60) String routeId,
            @Size(max = 200) String institution, @Pattern(regexp = "[0-9]{2}[A-Z]{2}[0-9]{2}") String schoolCode,
            @Pattern(regexp = "AM[0-9]{2}") String region) {
    }

    record DescribeCase(@NotNull Sector sector, @Size(max = 60) @Pattern(regexp = "[\\p{L} _-]*") String subject,
            @NotNull @Pattern(regexp = "[1-9][0-9]{3}") String pc4) {
    }

    record Refer(@NotBlank @Pattern(regexp = "AM[0-9]{2}") String region) {
    }

    /**
     * The person's agreement to be introduced, as the adviser records it: {@code agreed} must be {@code true} (an
     * explicit yes, not a default), with the day, the region (one the person was referred to) and only what the
     * person agreed to share.
     */
    record AgreeToIntroduction(@NotNull @AssertTrue(message = "the person must agree explicitly") Boolean agreed,
            @NotNull LocalDate agreedOn, @NotBlank @Pattern(regexp = "AM[0-9]{2}") String region,
            @Size(max = 60) @Pattern(regexp = "[\\p{L} '.-]*") String firstName,
            @Email @Size(max = 254) String contactEmail) {
    }

    record LookUp(@NotBlank @Email @Size(max = 254) String email) {
    }

    private final CaseLog log;

    CaseController(CaseLog log) {
        this.log = log;
    }

    @GetMapping("/api/cases")
    @Operation(summary = "The cases, most recently active first: in one phase, or every open one.")
    List<CaseSummary> list(@RequestParam(required = false) Phase phase) {
        return log.list(phase).stream().map(CaseSummary::of).toList();
    }

    @PostMapping("/api/cases/lookup")
    @Operation(summary = "For an admin's access or erasure request: the id of the case of an e-mail address.")
    Map<String, String> lookUp(@Valid @RequestBody LookUp request) {
        return Map.of("caseId", log.lookUp(request.email()));
    }

    @GetMapping("/api/cases/{id}")
    @Operation(summary = "A case with its person's data, requests, appointments, contacts, phases, outcomes and "
            + "referrals. Audited.")
    CaseView get(@PathVariable @Size(max = 40) String id) {
        CaseLog.CaseWithAppointments found = log.get(id);
        return CaseView.of(found.advice(), found.appointments());
    }

    @PutMapping("/api/cases/{id}/profile")
    @Operation(summary = "What and where the person wants to teach: sector, subject (vo, mbo) and PC4.")
    CaseView describe(@PathVariable @Size(max = 40) String id, @Valid @RequestBody DescribeCase request) {
        AdviceCase advice = log.describe(id, new AdviceCase.Profile(request.sector(),
                AdviceRequestController.lower(request.subject()), request.pc4()));
        return CaseView.of(advice, List.of());
    }

    @PostMapping("/api/cases/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Logs a contact: kind, day, minutes and a summary (sealed at rest).")
    AdviceCase.Contact contact(@PathVariable @Size(max = 40) String id, @Valid @RequestBody LogContact request) {
        return log.logContact(id, request.kind(), request.on(), request.minutes(), request.summary(),
                CurrentUser.get());
    }

    @PostMapping("/api/cases/{id}/phase")
    @Operation(summary = "Moves the case forward through new → orienting → preparing → in training → working, or "
            + "to left with a reason from the list; 409 for a move backwards.")
    CaseView phase(@PathVariable @Size(max = 40) String id, @Valid @RequestBody MovePhase request) {
        return CaseView.of(log.moveTo(id, request.phase(), request.reason(), CurrentUser.get()), List.of());
    }

    @PostMapping("/api/cases/{id}/outcomes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Records an outcome: in training (route, institution) or working (school or region).")
    CaseView outcome(@PathVariable @Size(max = 40) String id, @Valid @RequestBody RecordOutcome request) {
        return CaseView.of(log.recordOutcome(id, new AdviceCase.Outcome(request.kind(), request.on(),
                request.routeId(), request.institution(), request.schoolCode(), request.region()),
                CurrentUser.get()), List.of());
    }

    @GetMapping("/api/cases/{id}/need-nearby")
    @Operation(summary = "The regions and schools with the greatest measured need near the person's PC4 for their "
            + "sector and subject (from need-mapping's events).")
    Nearby.Answer needNearby(@PathVariable @Size(max = 40) String id,
            @RequestParam(required = false) Double radiusKm) {
        return log.needNearby(id, radiusKm);
    }

    @PutMapping("/api/cases/{id}/introduction")
    @Operation(summary = "Records the person's explicit agreement to be introduced to the coordinator of a region "
            + "they were referred to, with the day and only what they agreed to share (first name, contact e-mail); "
            + "409 when the case was not referred there. Replaces an earlier agreement. Audited.")
    AdviceCase.Introduction agreeToIntroduction(@PathVariable @Size(max = 40) String id,
            @Valid @RequestBody AgreeToIntroduction request) {
        return log.agreeToIntroduction(id, request.region(), request.agreedOn(), request.firstName(),
                request.contactEmail(), CurrentUser.get());
    }

    @DeleteMapping("/api/cases/{id}/introduction")
    @Operation(summary = "The person withdrew their agreement: what they shared is dropped and the coordinator sees "
            + "them pseudonymous again; 409 when there is no agreement to withdraw. Audited.")
    AdviceCase.Introduction withdrawIntroduction(@PathVariable @Size(max = 40) String id) {
        return log.withdrawIntroduction(id);
    }

    @PostMapping("/api/cases/{id}/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Refers the person to a region; publishes CandidateReferred with the case id and facts only.")
    AdviceCase.Referral refer(@PathVariable @Size(max = 40) String id, @Valid @RequestBody Refer request) {
        return log.refer(id, request.region(), CurrentUser.get());
    }
}
