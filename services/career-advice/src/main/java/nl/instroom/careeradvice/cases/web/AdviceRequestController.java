package nl.instroom.careeradvice.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.instroom.careeradvice.cases.application.AdviceRequests;
import nl.instroom.careeradvice.cases.domain.AdviceCase;
import nl.instroom.events.Sector;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Asking for a conversation, without signing in. */
@RestController
class AdviceRequestController {

    /**
     * The minimum the desk needs, explicit consent and a retention period (6, 12 or 24 months); optionally what the
     * person wants to teach and the route finder session they came from.
     */
    record AdviceRequest(@NotBlank @Size(max = 120) String name, @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 2000) String question,
            @NotNull @AssertTrue(message = "explicit consent is needed to keep your request") Boolean consent,
            @NotNull Integer retentionMonths, @NotBlank @Size(max = 40) String slotId, Sector sector,
            @Size(max = 60) @Pattern(regexp = "[\\p{L} _-]*") String subject,
            @Pattern(regexp = "[1-9][0-9]{3}") String pc4, @Size(max = 40) String routeSessionId) {
    }

    private final AdviceRequests requests;

    AdviceRequestController(AdviceRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/api/advice-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Asks for a conversation in a free slot. No sign-in. Answers with the booked time only; "
            + "409 when the slot was booked by someone else first, 404 for an unknown slot; nothing is stored then.")
    AdviceRequests.Booked ask(@Valid @RequestBody AdviceRequest request) {
        return requests.ask(new AdviceRequests.AskForAdvice(request.name(), request.email(), request.question(),
                request.consent(), request.retentionMonths(), request.slotId(),
                new AdviceCase.Profile(request.sector(), lower(request.subject()), request.pc4()),
                request.routeSessionId()));
    }

    static String lower(String subject) {
        return subject == null || subject.isBlank() ? null : subject.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
