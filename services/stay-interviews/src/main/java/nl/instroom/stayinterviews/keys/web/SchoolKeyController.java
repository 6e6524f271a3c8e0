package nl.instroom.stayinterviews.keys.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import nl.instroom.chassis.approval.FourEyes;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.stayinterviews.keys.application.KeyDeletion;
import nl.instroom.stayinterviews.keys.application.SchoolKeyDeletions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deleting a school's key, four-eyes: an admin asks ({@code POST .../key-deletions}, 202), a second admin approves
 * (the one who asked is refused with 409) and only then is the key deleted; the one who asked may withdraw first.
 */
@RestController
class SchoolKeyController {

    static final String DELETIONS = "/api/admin/key-deletions";
    private static final String ID = "[0-9a-f-]{36}";

    /** A request as admins see it. */
    record KeyDeletionView(String requestId, String schoolCode, FourEyes.State state, String requestedBy,
            Instant requestedAt, String decidedBy, Instant decidedAt, Integer keysDeleted) {

        static KeyDeletionView of(KeyDeletion request) {
            FourEyes approval = request.approval();
            return new KeyDeletionView(request.requestId(), request.schoolCode(), approval.state(),
                    approval.requestedBy(), approval.requestedAt(), approval.decidedBy(), approval.decidedAt(),
                    request.keysDeleted());
        }
    }

    private final SchoolKeyDeletions deletions;

    SchoolKeyController(SchoolKeyDeletions deletions) {
        this.deletions = deletions;
    }

    /** Asks to delete the school's key: all its stored interview text would become unreadable, for good. */
    @PostMapping("/api/admin/schools/{schoolCode}/key-deletions")
    ResponseEntity<KeyDeletionView> request(@PathVariable @Pattern(regexp = "[0-9]{2}[A-Z]{2}[0-9]{2}")
            String schoolCode) {
        KeyDeletion request = deletions.request(schoolCode, CurrentUser.get().subject());
        return ResponseEntity.accepted().location(URI.create(DELETIONS + "/" + request.requestId()))
                .body(KeyDeletionView.of(request));
    }

    @GetMapping(DELETIONS)
    List<KeyDeletionView> recent(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return deletions.recent(limit).stream().map(KeyDeletionView::of).toList();
    }

    @GetMapping(DELETIONS + "/{id}")
    KeyDeletionView status(@PathVariable @Pattern(regexp = ID) String id) {
        return KeyDeletionView.of(deletions.find(id));
    }

    /** A second admin approves, and the key is deleted. */
    @PostMapping(DELETIONS + "/{id}/approval")
    KeyDeletionView approve(@PathVariable @Pattern(regexp = ID) String id) {
        return KeyDeletionView.of(deletions.approve(id, CurrentUser.get().subject()));
    }

    @PostMapping(DELETIONS + "/{id}/withdrawal")
    KeyDeletionView withdraw(@PathVariable @Pattern(regexp = ID) String id) {
        return KeyDeletionView.of(deletions.withdraw(id, CurrentUser.get().subject()));
    }
}
