package nl.instroom.identity.erasure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.privacy.SubjectKind;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admins' erasure requests: one asks, a second approves (or the first withdraws), all follow the answers. */
@RestController
@RequestMapping("/api/admin/erasure-requests")
class ErasureController {

    record ErasureRequestBody(@NotNull SubjectKind subjectKind,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,80}", message = "must be a pseudonymous reference")
            String subjectRef) {
    }

    private static final String ID = "[0-9a-f-]{36}";

    private final ErasureRequests requests;

    ErasureController(ErasureRequests requests) {
        this.requests = requests;
    }

    @PostMapping
    ResponseEntity<ErasureRequests.ErasureStatus> request(@Valid @RequestBody ErasureRequestBody body) {
        ErasureRequests.ErasureStatus status = requests.request(body.subjectKind(), body.subjectRef(),
                CurrentUser.get().subject());
        return ResponseEntity.accepted().location(URI.create("/api/admin/erasure-requests/" + status.requestId()))
                .body(status);
    }

    /** A second admin approves; the admin who asked is refused (409). */
    @PostMapping("/{id}/approval")
    ErasureRequests.ErasureStatus approve(@PathVariable @Pattern(regexp = ID) String id) {
        return requests.approve(id, CurrentUser.get().subject());
    }

    /** The admin who asked withdraws a request that still waits. */
    @PostMapping("/{id}/withdrawal")
    ErasureRequests.ErasureStatus withdraw(@PathVariable @Pattern(regexp = ID) String id) {
        return requests.withdraw(id, CurrentUser.get().subject());
    }

    @GetMapping("/{id}")
    ErasureRequests.ErasureStatus status(@PathVariable String id) {
        return requests.status(id);
    }

    @GetMapping
    List<ErasureRequests.ErasureStatus> recent(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return requests.recent(limit);
    }
}
