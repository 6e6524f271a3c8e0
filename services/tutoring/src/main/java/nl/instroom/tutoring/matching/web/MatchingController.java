package nl.instroom.tutoring.matching.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.tutoring.matching.application.MatchingService;
import nl.instroom.tutoring.matching.domain.MatchingRun;
import nl.instroom.tutoring.matching.domain.MatchingWeights;
import nl.instroom.tutoring.matching.domain.Pair;
import nl.instroom.tutoring.matching.domain.Proposal;
import nl.instroom.tutoring.placement.domain.Placement;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/matching/runs")
class MatchingController {

    /** A region's code: CBS's labour-market region code such as AM36, as tokens carry it. */
    private static final String REGION = "[A-Z][A-Z0-9_]{1,39}";

    record PairRequest(@NotBlank @Size(max = 64) String tutorId,
            @NotBlank @Pattern(regexp = "[0-9]{2}[A-Z]{2}[0-9]{2}", message = "must be a vestigingscode") String schoolCode,
            @NotBlank @Size(max = 60) String subject) {

        Pair toPair() {
            return new Pair(tutorId, schoolCode, subject.trim().toLowerCase(java.util.Locale.ROOT));
        }
    }

    record SolveRequest(@NotNull @Pattern(regexp = REGION, message = "must be a region code") String region,
            @Size(max = 60) String subject, @Pattern(regexp = "vmbo|havo|vwo", message = "must be vmbo, havo or vwo") String level,
            @Size(max = 500) List<@Valid PairRequest> pins, @Size(max = 5000) List<@Valid PairRequest> exclusions) {
    }

    record RunView(String id, String region, String subject, String level, MatchingRun.Status status,
            double objectivePoints, int proposalCount, int allowedPairs, long solveMillis, Instant solvedAt,
            Instant acceptedAt, MatchingWeights weights, Set<Pair> pinned, Set<Pair> excluded,
            List<Proposal> proposals) {

        static RunView of(MatchingRun r) {
            return new RunView(r.id(), r.region(), r.subject(), r.level(), r.status(), r.objectivePoints(),
                    r.proposals().size(), r.allowedPairs(), r.solveMillis(), r.solvedAt(), r.acceptedAt(),
                    r.weights(), r.pinned(), r.excluded(), r.proposals());
        }
    }

    record RunSummary(String id, String subject, String level, MatchingRun.Status status, double objectivePoints,
            int proposalCount, Instant solvedAt) {
    }

    record AcceptedView(String runId, List<String> placementIds) {
    }

    private final MatchingService matching;

    MatchingController(MatchingService matching) {
        this.matching = matching;
    }

    @PostMapping
    ResponseEntity<RunView> solve(@Valid @RequestBody SolveRequest request) {
        MatchingRun run = matching.solve(new MatchingService.Question(request.region(),
                request.subject() == null || request.subject().isBlank() ? null : request.subject(), request.level(),
                pairs(request.pins()), pairs(request.exclusions())), CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/matching/runs/" + run.id())).body(RunView.of(run));
    }

    @GetMapping("/{id}")
    RunView get(@PathVariable String id) {
        return RunView.of(matching.get(id, CurrentUser.get()));
    }

    @GetMapping
    List<RunSummary> latest(@RequestParam @Pattern(regexp = REGION, message = "must be a region code") String region) {
        return matching.latest(region, CurrentUser.get()).stream().map(r -> new RunSummary(r.id(), r.subject(),
                r.level(), r.status(), r.objectivePoints(), r.proposals().size(), r.solvedAt())).toList();
    }

    @PostMapping("/{id}/accept")
    AcceptedView accept(@PathVariable String id) {
        return new AcceptedView(id, matching.accept(id, CurrentUser.get()).stream().map(Placement::id).toList());
    }

    private static Set<Pair> pairs(List<PairRequest> requests) {
        return requests == null ? Set.of()
                : requests.stream().map(PairRequest::toPair).collect(Collectors.toSet());
    }
}
