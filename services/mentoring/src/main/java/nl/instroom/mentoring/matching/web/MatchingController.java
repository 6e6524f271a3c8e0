package nl.instroom.mentoring.matching.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.instroom.mentoring.matching.application.MatchingService;
import nl.instroom.mentoring.matching.domain.CoordinatorRules;
import nl.instroom.mentoring.matching.domain.Exclusion;
import nl.instroom.mentoring.matching.domain.Matching;
import nl.instroom.mentoring.matching.domain.MatchingRun;
import nl.instroom.mentoring.matching.domain.MatchingWeights;
import nl.instroom.mentoring.matching.domain.PairKey;
import nl.instroom.mentoring.matching.domain.ScoreBreakdown;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The coordinator's matching review: runs, every pair's explanation, pins and exclusions. */
@RestController
class MatchingController {

    record PairRequest(@NotBlank @Size(max = 80) String leader, @NotBlank @Size(max = 80) String executive) {

        PairKey key() {
            return new PairKey(leader, executive);
        }
    }

    record RunView(String id, String cohortId, Instant ranAt, MatchingWeights weights, MatchingRun.Status status,
            long objective, boolean provenOptimal, int leaders, int executives, int candidatePairs,
            List<Matching.ProposedPair> pairs) {

        static RunView of(MatchingRun run) {
            Matching.Proposal p = run.proposal();
            return new RunView(run.id(), run.cohortId(), run.ranAt(), run.weights(), run.status(), p.objective(),
                    p.provenOptimal(), p.leaders(), p.executives(), p.candidates(), p.pairs());
        }
    }

    record ExplanationView(String leader, String executive, boolean allowed, Set<Exclusion> exclusions,
            boolean pinned, ScoreBreakdown score) {
    }

    private final MatchingService matching;

    MatchingController(MatchingService matching) {
        this.matching = matching;
    }

    @PostMapping("/api/cohorts/{id}/matching-runs")
    ResponseEntity<RunView> run(@PathVariable String id) {
        MatchingRun run = matching.run(id);
        return ResponseEntity.created(java.net.URI.create("/api/matching-runs/" + run.id())).body(RunView.of(run));
    }

    @GetMapping("/api/matching-runs/{id}")
    RunView get(@PathVariable String id) {
        return RunView.of(matching.get(id));
    }

    @GetMapping("/api/cohorts/{id}/explanation")
    ExplanationView explain(@PathVariable String id, @RequestParam String leader, @RequestParam String executive) {
        Matching.Explanation e = matching.explain(id, new PairKey(leader, executive));
        return new ExplanationView(leader, executive, e.allowed(), e.exclusions(), e.pinned(), e.score());
    }

    @GetMapping("/api/cohorts/{id}/matching-rules")
    CoordinatorRules rules(@PathVariable String id) {
        return matching.rules(id);
    }

    @PostMapping("/api/cohorts/{id}/pins")
    CoordinatorRules pin(@PathVariable String id, @Valid @RequestBody PairRequest request) {
        return matching.pin(id, request.key());
    }

    @PostMapping("/api/cohorts/{id}/pins/removal")
    CoordinatorRules unpin(@PathVariable String id, @Valid @RequestBody PairRequest request) {
        return matching.unpin(id, request.key());
    }

    @PostMapping("/api/cohorts/{id}/exclusions")
    CoordinatorRules exclude(@PathVariable String id, @Valid @RequestBody PairRequest request) {
        return matching.exclude(id, request.key());
    }

    @PostMapping("/api/cohorts/{id}/exclusions/removal")
    CoordinatorRules lift(@PathVariable String id, @Valid @RequestBody PairRequest request) {
        return matching.lift(id, request.key());
    }
}
