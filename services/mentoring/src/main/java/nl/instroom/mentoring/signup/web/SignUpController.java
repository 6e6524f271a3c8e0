package nl.instroom.mentoring.signup.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.instroom.mentoring.signup.application.SignUpService;
import nl.instroom.mentoring.signup.domain.DayPart;
import nl.instroom.mentoring.signup.domain.Side;
import nl.instroom.mentoring.signup.domain.SignUp;
import nl.instroom.mentoring.signup.domain.Theme;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A cohort's sign-ups, entered by the programme coordinator from the questionnaire. Answers show the person's name
 * and address to the coordinator only; the fingerprint of the address never leaves the service.
 */
@RestController
class SignUpController {

    record SignUpRequest(@NotNull Side side, @NotBlank @Size(max = SignUp.MAX_NAME) String name,
            @NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 60) String sector,
            @NotNull @Pattern(regexp = "AM[0-9]{2}", message = "must be a labour-market region code such as AM36")
            String region,
            @NotBlank @Size(max = SignUp.MAX_ORGANISATION) String organisation,
            @NotEmpty @Size(max = 12) Map<Theme, @NotNull @Min(1) @Max(SignUp.MAX_IMPORTANCE) Integer> themes,
            Set<DayPart> availability, @Min(1) @Max(SignUp.MAX_CAPACITY) Integer capacity,
            @Size(max = SignUp.MAX_NOT_WITH) Set<@NotBlank @Size(max = SignUp.MAX_ORGANISATION) String> notWith,
            @NotNull @AssertTrue(message = "the person must consent") Boolean consent,
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{0,79}",
                    message = "must be an identity username: letters, digits and . _ @ -, at most 80") String account,
            @Pattern(regexp = "[0-9]{2}[A-Z]{2}[0-9]{2}:[A-Za-z0-9][A-Za-z0-9._-]{0,39}",
                    message = "must be <vestigingscode>:<the school's staff reference>, e.g. 21CM00:T-0412")
            String staffLink,
            Boolean staffLinkConsent) {

        /** The link's own consent: a field error of its own when a link comes without it. */
        @AssertTrue(message = "a staff link needs the school leader's own consent")
        boolean isConsentGivenForStaffLink() {
            return staffLink == null || staffLink.isBlank() || Boolean.TRUE.equals(staffLinkConsent);
        }
    }

    record SignUpView(String id, String cohortId, String participantRef, Side side, String name, String email,
            String sector, String region, String organisation, Map<Theme, Integer> themes, Set<DayPart> availability,
            int capacity, Set<String> notWith, LocalDate signedUpOn, SignUp.Status status, LocalDate withdrawnOn,
            String account, String staffLinkSchool) {

        /** The staff link shows as its school only: the reference is not kept, and the coordinator needs no more. */
        static SignUpView of(SignUp s) {
            return new SignUpView(s.id(), s.cohortId(), s.participantRef(), s.side(), s.name(), s.email(),
                    s.sector(), s.region(), s.organisation(), s.themes(), s.availability(), s.capacity(),
                    s.notWith(), s.signedUpOn(), s.status(), s.withdrawnOn(), s.account(),
                    s.staffLink() == null ? null : s.staffLink().schoolCode());
        }
    }

    private final SignUpService signUps;

    SignUpController(SignUpService signUps) {
        this.signUps = signUps;
    }

    @PostMapping("/api/cohorts/{id}/sign-ups")
    ResponseEntity<SignUpView> signUp(@PathVariable String id, @Valid @RequestBody SignUpRequest request) {
        SignUp signUp = signUps.signUp(id, new SignUp.Answers(request.side(), request.name(), request.email(),
                request.sector(), request.region(), request.organisation(), request.themes(),
                request.availability(), request.capacity(), request.notWith(), request.consent(),
                request.account(), request.staffLink(), request.staffLinkConsent()));
        return ResponseEntity.created(URI.create("/api/sign-ups/" + signUp.id())).body(SignUpView.of(signUp));
    }

    @GetMapping("/api/cohorts/{id}/sign-ups")
    List<SignUpView> ofCohort(@PathVariable String id) {
        return signUps.ofCohort(id).stream().map(SignUpView::of).toList();
    }

    @GetMapping("/api/sign-ups/{id}")
    SignUpView get(@PathVariable String id) {
        return SignUpView.of(signUps.get(id));
    }
}
