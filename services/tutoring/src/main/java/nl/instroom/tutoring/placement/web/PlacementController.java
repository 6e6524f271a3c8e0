package nl.instroom.tutoring.placement.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.tutoring.placement.application.PlacementService;
import nl.instroom.tutoring.placement.domain.Evaluation;
import nl.instroom.tutoring.placement.domain.Placement;
import nl.instroom.tutoring.placement.domain.PlacementStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/placements")
class PlacementController {

    record ProposeRequest(@NotBlank @Size(max = 40) String tutorId,
            @NotBlank @Pattern(regexp = "[0-9]{2}[A-Z]{2}[0-9]{2}", message = "must be a vestigingscode") String schoolCode,
            @NotBlank @Size(max = 60) String subject, @Min(1) @Max(12) int hoursPerWeek) {
    }

    record StartRequest(LocalDate startedOn) {
    }

    record CompleteRequest(@Min(1) @Max(5) int reliability, @Min(1) @Max(5) int talentForTeaching,
            @Size(max = 2000) String note) {
    }

    record CancelRequest(@Schema(description = "why, as a code: the reason leaves tutoring in PlacementCancelled",
            allowableValues = {"SCHOOL_DECLINED", "TUTOR_DECLINED", "SCHEDULE_CONFLICT", "TUTOR_STOPPED", "OTHER"})
            @NotBlank @Pattern(regexp = "[A-Z_]{2,40}", message = "must be a reason code") String reasonCode) {
    }

    record PlacementView(String id, String tutorId, String schoolCode, String subject, int hoursPerWeek,
            PlacementStatus status, Evaluation evaluation, List<Placement.Step> history, long revision) {

        static PlacementView of(Placement p) {
            return new PlacementView(p.id(), p.tutorId(), p.schoolCode(), p.subject(), p.hoursPerWeek(), p.status(),
                    p.evaluation(), p.history(), p.revision());
        }
    }

    private final PlacementService placements;

    PlacementController(PlacementService placements) {
        this.placements = placements;
    }

    @PostMapping
    ResponseEntity<PlacementView> propose(@Valid @RequestBody ProposeRequest request) {
        Placement placement = placements.propose(request.tutorId(), request.schoolCode(),
                request.subject().trim().toLowerCase(java.util.Locale.ROOT), request.hoursPerWeek(), CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/placements/" + placement.id())).body(PlacementView.of(placement));
    }

    @GetMapping("/{id}")
    PlacementView get(@PathVariable String id) {
        return PlacementView.of(placements.get(id, CurrentUser.get()));
    }

    @GetMapping
    List<PlacementView> atSchool(@RequestParam @Pattern(regexp = "[0-9]{2}[A-Z]{2}[0-9]{2}") String schoolCode) {
        return placements.atSchool(schoolCode, CurrentUser.get()).stream().map(PlacementView::of).toList();
    }

    @PostMapping("/{id}/confirm")
    PlacementView confirm(@PathVariable String id) {
        return PlacementView.of(placements.confirm(id, CurrentUser.get()));
    }

    @PostMapping("/{id}/start")
    PlacementView start(@PathVariable String id, @RequestBody(required = false) StartRequest request) {
        return PlacementView.of(placements.start(id, request == null ? null : request.startedOn(), CurrentUser.get()));
    }

    /** The host school completes the placement with its evaluation; the note stays in tutoring. */
    @PostMapping("/{id}/complete")
    PlacementView complete(@PathVariable String id, @Valid @RequestBody CompleteRequest request) {
        return PlacementView.of(placements.complete(id, new Evaluation(request.reliability(),
                request.talentForTeaching(), request.note()), CurrentUser.get()));
    }

    @PostMapping("/{id}/cancel")
    PlacementView cancel(@PathVariable String id, @Valid @RequestBody CancelRequest request) {
        return PlacementView.of(placements.cancel(id, request.reasonCode(), CurrentUser.get()));
    }
}
