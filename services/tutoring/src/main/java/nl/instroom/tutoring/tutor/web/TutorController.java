package nl.instroom.tutoring.tutor.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.tutoring.SubjectLevel;
import nl.instroom.tutoring.tutor.application.ConsentWithdrawal;
import nl.instroom.tutoring.tutor.application.TutorService;
import nl.instroom.tutoring.tutor.domain.ParentalConsent;
import nl.instroom.tutoring.tutor.domain.Tutor;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/tutors")
class TutorController {

    record SubjectRequest(@NotBlank @Size(max = 60) String subject, @NotBlank @Size(max = 30) String level) {
    }

    record RegisterTutorRequest(@NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 120) String schoolAttended, @Min(1) @Max(6) int schoolYear,
            @NotNull @Past LocalDate dateOfBirth, @NotEmpty @Size(max = 10) List<@Valid SubjectRequest> subjects,
            @Min(1) @Max(12) int hoursPerWeek, @NotEmpty Set<DayOfWeek> weekdays,
            @NotBlank @Pattern(regexp = "[1-9][0-9]{3}", message = "must be a 4-digit postcode area (PC4)") String pc4,
            @Min(1) @Max(50) int maxTravelKm) {
    }

    record ConsentRequest(@NotNull LocalDate givenOn) {
    }

    record TutorView(String id, String name, String schoolAttended, int schoolYear, LocalDate dateOfBirth,
            List<SubjectLevel> subjects, int hoursPerWeek, Set<DayOfWeek> weekdays, String pc4, int maxTravelKm,
            String region, boolean needsParentalConsent, ParentalConsent parentalConsent, boolean mayBePlaced,
            long revision) {
    }

    /** A line in the coordinator's list: enough to recognise and choose a pupil, not their whole record. */
    record TutorSummary(String id, String name, int schoolYear, List<SubjectLevel> subjects, int hoursPerWeek,
            Set<DayOfWeek> weekdays, boolean needsParentalConsent, boolean mayBePlaced) {
    }

    private final TutorService tutors;
    private final ConsentWithdrawal consentWithdrawal;

    TutorController(TutorService tutors, ConsentWithdrawal consentWithdrawal) {
        this.tutors = tutors;
        this.consentWithdrawal = consentWithdrawal;
    }

    @PostMapping
    ResponseEntity<TutorView> register(@Valid @RequestBody RegisterTutorRequest request) {
        Tutor tutor = tutors.register(new TutorService.RegisterTutor(request.name(), request.schoolAttended(),
                request.schoolYear(), request.dateOfBirth(), request.subjects().stream()
                        .map(s -> new SubjectLevel(s.subject().trim().toLowerCase(java.util.Locale.ROOT),
                                s.level().trim().toLowerCase(java.util.Locale.ROOT))).toList(),
                request.hoursPerWeek(), request.weekdays(), request.pc4(), request.maxTravelKm()), CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/tutors/" + tutor.id())).body(view(tutor));
    }

    @GetMapping
    List<TutorSummary> list(@RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return tutors.list(CurrentUser.get(), offset, limit).stream().map(tutor -> new TutorSummary(tutor.id(),
                tutor.name(), tutor.schoolYear(), tutor.subjects(), tutor.availability().hoursPerWeek(),
                tutor.availability().weekdays(), tutors.needsParentalConsent(tutor), tutors.mayBePlaced(tutor)))
                .toList();
    }

    @GetMapping("/{id}")
    TutorView get(@PathVariable String id) {
        return view(tutors.get(id, CurrentUser.get()));
    }

    @PutMapping("/{id}/parental-consent")
    TutorView recordConsent(@PathVariable String id, @Valid @RequestBody ConsentRequest request) {
        return view(tutors.recordParentalConsent(id, request.givenOn(), CurrentUser.get()));
    }

    @DeleteMapping("/{id}/parental-consent")
    TutorView withdrawConsent(@PathVariable String id) {
        return view(consentWithdrawal.withdraw(id, CurrentUser.get()));
    }

    private TutorView view(Tutor tutor) {
        return new TutorView(tutor.id(), tutor.name(), tutor.schoolAttended(), tutor.schoolYear(),
                tutor.dateOfBirth(), tutor.subjects(), tutor.availability().hoursPerWeek(),
                tutor.availability().weekdays(), tutor.pc4(), tutor.maxTravelKm(), tutor.region(),
                tutors.needsParentalConsent(tutor), tutor.consent(), tutors.mayBePlaced(tutor), tutor.revision());
    }
}
