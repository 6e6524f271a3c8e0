package nl.instroom.mentoring.pair.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.mentoring.pair.application.ParticipantPairs;
import nl.instroom.mentoring.pair.application.PairService;
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
 * A participant's own pairs ({@code /api/my/pairs}), for the signed-in school leader or executive whose identity
 * username is on their sign-up. No request names a side: the caller's sign-up decides it. Answers name the other
 * side (name, organisation, address: to get in touch), never the participant references, and carry only the
 * caller's own feedback.
 */
@RestController
class ParticipantPairController {

    record MeetingRequest(@NotNull LocalDate on, @NotNull @Min(1) @Max(Pair.MAX_MEETING_MINUTES) Integer minutes,
            @NotNull MeetingMode mode) {
    }

    record GoalRequest(@NotBlank @Size(max = PairController.MAX_TEXT) String text) {
    }

    record FeedbackRequest(@NotNull FeedbackMoment moment, @NotNull @Min(1) @Max(5) Integer score,
            @Size(max = PairController.MAX_TEXT) String text) {
    }

    /** The other side as the participant sees them; empty fields once that person was erased. */
    record Partner(Side side, String name, String organisation, String email) {

        static Partner of(Side side, SignUp signUp) {
            return signUp == null ? new Partner(side, null, null, null)
                    : new Partner(side, signUp.name(), signUp.organisation(), signUp.email());
        }
    }

    record MyPair(String id, String cohortId, Side side, PairStatus status, boolean youAccepted,
            boolean partnerAccepted, Partner partner, LocalDate proposedOn, LocalDate activatedOn,
            LocalDate endedOn, EndReason endReason, int meetings, LocalDate lastContact) {

        static MyPair of(ParticipantPairs.Mine mine) {
            Pair p = mine.pair();
            Side other = mine.side() == Side.SCHOOL_LEADER ? Side.EXECUTIVE : Side.SCHOOL_LEADER;
            return new MyPair(p.id(), p.cohortId(), mine.side(), p.status(), p.acceptedBy(mine.side()),
                    p.acceptedBy(other), Partner.of(other, mine.partner()), p.proposedOn(), p.activatedOn(),
                    p.endedOn(), p.endReason(), p.meetings().size(),
                    p.activatedOn() == null ? null : p.lastContact());
        }
    }

    record MyPairDetail(MyPair pair, List<Pair.Meeting> meetings, List<String> goals,
            List<PairService.OpenedFeedback> feedback) {
    }

    private final ParticipantPairs pairs;

    ParticipantPairController(ParticipantPairs pairs) {
        this.pairs = pairs;
    }

    @GetMapping("/api/my/pairs")
    List<MyPair> mine() {
        return pairs.of(account()).stream().map(MyPair::of).toList();
    }

    @GetMapping("/api/my/pairs/{id}")
    MyPairDetail get(@PathVariable String id) {
        ParticipantPairs.MineOpened opened = pairs.open(account(), id);
        return new MyPairDetail(MyPair.of(opened.mine()), opened.mine().pair().meetings(), opened.goals(),
                opened.feedback());
    }

    @PostMapping("/api/my/pairs/{id}/acceptance")
    MyPair accept(@PathVariable String id) {
        return MyPair.of(pairs.accept(account(), id));
    }

    @PostMapping("/api/my/pairs/{id}/refusal")
    MyPair decline(@PathVariable String id) {
        return MyPair.of(pairs.decline(account(), id));
    }

    @PostMapping("/api/my/pairs/{id}/meetings")
    MyPair logMeeting(@PathVariable String id, @Valid @RequestBody MeetingRequest request) {
        return MyPair.of(pairs.logMeeting(account(), id, new Pair.Meeting(request.on(), request.minutes(),
                request.mode())));
    }

    @PostMapping("/api/my/pairs/{id}/goals")
    MyPair addGoal(@PathVariable String id, @Valid @RequestBody GoalRequest request) {
        return MyPair.of(pairs.addGoal(account(), id, request.text()));
    }

    @PostMapping("/api/my/pairs/{id}/feedback")
    MyPair giveFeedback(@PathVariable String id, @Valid @RequestBody FeedbackRequest request) {
        return MyPair.of(pairs.giveFeedback(account(), id, request.moment(), request.score(), request.text()));
    }

    /** The identity username of the signed-in participant: the token's subject. */
    private static String account() {
        return CurrentUser.get().subject();
    }
}
