package nl.instroom.mentoring.pair.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.mentoring.matching.domain.PairKey;
import nl.instroom.mentoring.pair.application.PairService;
import nl.instroom.mentoring.pair.application.QuietPairs;
import nl.instroom.mentoring.pair.domain.EndReason;
import nl.instroom.mentoring.pair.domain.FeedbackMoment;
import nl.instroom.mentoring.pair.domain.MeetingMode;
import nl.instroom.mentoring.pair.domain.Pair;
import nl.instroom.mentoring.pair.domain.PairStatus;
import nl.instroom.mentoring.signup.domain.Side;
import nl.instroom.mentoring.signup.domain.SignUp;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pairs for the programme coordinator, who records what the two sides say (acceptance, meetings, goals, feedback).
 * Answers carry participant references and sign-up ids, goals and feedback text opened for the coordinator.
 */
@RestController
class PairController {

    static final int MAX_TEXT = 2000;

    record SideRequest(@NotNull Side side) {
    }

    record PairRequest(@NotBlank @Size(max = 80) String leader, @NotBlank @Size(max = 80) String executive) {
    }

    record MeetingRequest(@NotNull LocalDate on, @NotNull @Min(1) @Max(Pair.MAX_MEETING_MINUTES) Integer minutes,
            @NotNull MeetingMode mode) {
    }

    record GoalRequest(@NotNull Side side, @NotBlank @Size(max = MAX_TEXT) String text) {
    }

    record FeedbackRequest(@NotNull Side side, @NotNull FeedbackMoment moment, @NotNull @Min(1) @Max(5) Integer score,
            @Size(max = MAX_TEXT) String text) {
    }

    record EndRequest(@NotNull EndReason reason) {
    }

    record PairSummary(String id, String cohortId, String leaderSignUp, String executiveSignUp, String leaderRef,
            String executiveRef, int score, PairStatus status, boolean leaderAccepted, boolean executiveAccepted,
            LocalDate proposedOn, LocalDate activatedOn, LocalDate endedOn, EndReason endReason, int meetings,
            LocalDate lastContact, LocalDate quietSince) {

        static PairSummary of(Pair p) {
            return new PairSummary(p.id(), p.cohortId(), p.leaderSignUp(), p.executiveSignUp(), p.leaderRef(),
                    p.executiveRef(), p.score(), p.status(), p.leaderAccepted(), p.executiveAccepted(),
                    p.proposedOn(), p.activatedOn(), p.endedOn(), p.endReason(), p.meetings().size(),
                    p.activatedOn() == null ? null : p.lastContact(), p.quietSince());
        }
    }

    record PairDetail(PairSummary pair, List<Pair.Meeting> meetings, List<String> goals,
            List<PairService.OpenedFeedback> feedback) {
    }

    record QuietPairsView(int afterWeeks, List<PairSummary> pairs) {
    }

    private final PairService pairs;
    private final QuietPairs quiet;

    PairController(PairService pairs, QuietPairs quiet) {
        this.pairs = pairs;
        this.quiet = quiet;
    }

    @PostMapping("/api/matching-runs/{id}/confirmation")
    List<PairSummary> confirm(@PathVariable String id) {
        return pairs.confirm(id).stream().map(PairSummary::of).toList();
    }

    @PostMapping("/api/cohorts/{id}/pairs")
    org.springframework.http.ResponseEntity<PairSummary> propose(@PathVariable String id,
            @Valid @RequestBody PairRequest request) {
        Pair pair = pairs.proposeOne(id, new PairKey(request.leader(), request.executive()));
        return org.springframework.http.ResponseEntity.created(java.net.URI.create("/api/pairs/" + pair.id()))
                .body(PairSummary.of(pair));
    }

    @GetMapping("/api/cohorts/{id}/pairs")
    List<PairSummary> ofCohort(@PathVariable String id) {
        return pairs.ofCohort(id).stream().map(PairSummary::of).toList();
    }

    @GetMapping("/api/cohorts/{id}/quiet-pairs")
    QuietPairsView quiet(@PathVariable String id) {
        return new QuietPairsView(quiet.weeks(), quiet.quietIn(id).stream().map(PairSummary::of).toList());
    }

    @GetMapping("/api/pairs/{id}")
    PairDetail get(@PathVariable String id) {
        PairService.PairView view = pairs.view(id);
        return new PairDetail(PairSummary.of(view.pair()), view.pair().meetings(), view.goals(), view.feedback());
    }

    @PostMapping("/api/pairs/{id}/acceptance")
    PairSummary accept(@PathVariable String id, @Valid @RequestBody SideRequest request) {
        return PairSummary.of(pairs.accept(id, request.side()));
    }

    @PostMapping("/api/pairs/{id}/refusal")
    PairSummary decline(@PathVariable String id, @Valid @RequestBody SideRequest request) {
        return PairSummary.of(pairs.decline(id, request.side()));
    }

    @PostMapping("/api/pairs/{id}/activation")
    PairSummary activate(@PathVariable String id) {
        return PairSummary.of(pairs.activate(id));
    }

    @PostMapping("/api/pairs/{id}/meetings")
    PairSummary logMeeting(@PathVariable String id, @Valid @RequestBody MeetingRequest request) {
        return PairSummary.of(pairs.logMeeting(id, new Pair.Meeting(request.on(), request.minutes(),
                request.mode())));
    }

    @PostMapping("/api/pairs/{id}/goals")
    PairSummary addGoal(@PathVariable String id, @Valid @RequestBody GoalRequest request) {
        return PairSummary.of(pairs.addGoal(id, request.side(), request.text()));
    }

    @PostMapping("/api/pairs/{id}/feedback")
    PairSummary giveFeedback(@PathVariable String id, @Valid @RequestBody FeedbackRequest request) {
        return PairSummary.of(pairs.giveFeedback(id, request.side(), request.moment(), request.score(),
                request.text()));
    }

    @PostMapping("/api/pairs/{id}/completion")
    PairSummary complete(@PathVariable String id) {
        return PairSummary.of(pairs.complete(id));
    }

    @PostMapping("/api/pairs/{id}/early-end")
    PairSummary endEarly(@PathVariable String id, @Valid @RequestBody EndRequest request) {
        return PairSummary.of(pairs.endEarly(id, request.reason()));
    }

    /** Withdrawing a sign-up ends the person's open pairs, so it is a pair matter as much as a sign-up's. */
    @PostMapping("/api/sign-ups/{id}/withdrawal")
    SignUpStatus withdraw(@PathVariable String id) {
        SignUp signUp = pairs.withdraw(id);
        return new SignUpStatus(signUp.id(), signUp.status(), signUp.withdrawnOn());
    }

    record SignUpStatus(String id, SignUp.Status status, LocalDate withdrawnOn) {
    }
}
