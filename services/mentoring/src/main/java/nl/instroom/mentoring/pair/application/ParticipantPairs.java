package nl.instroom.mentoring.pair.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.mentoring.pair.domain.FeedbackMoment;
import nl.instroom.mentoring.pair.domain.Pair;
import nl.instroom.mentoring.pair.domain.Pairs;
import nl.instroom.mentoring.signup.domain.Side;
import nl.instroom.mentoring.signup.domain.SignUp;
import nl.instroom.mentoring.signup.domain.SignUps;
import org.springframework.stereotype.Service;

/**
 * A participant's own pairs, found by the identity username they sign in with (the sign-up's {@code account}). The
 * side they speak for follows from which of the pair's sign-ups is theirs, never from the request, and a pair they
 * are not in does not exist for them (404). Each step is the coordinator's own ({@link PairService}), so capacity,
 * withdrawal and sealing rules are the same whoever records it.
 */
@Service
public class ParticipantPairs {

    /** One of the participant's pairs: which side they are and the sign-up of the other side. */
    public record Mine(Pair pair, Side side, SignUp partner) {
    }

    /** A pair of theirs opened: every goal of the pair, and only their own side's feedback. */
    public record MineOpened(Mine mine, List<String> goals, List<PairService.OpenedFeedback> feedback) {
    }

    private final Pairs pairs;
    private final SignUps signUps;
    private final PairService pairService;
    private final AuditTrail audit;

    ParticipantPairs(Pairs pairs, SignUps signUps, PairService pairService, AuditTrail audit) {
        this.pairs = pairs;
        this.signUps = signUps;
        this.pairService = pairService;
        this.audit = audit;
    }

    public List<Mine> of(String account) {
        List<Mine> mine = new ArrayList<>();
        for (SignUp own : signUps.ofAccount(account)) {
            for (Pair pair : pairs.ofSignUp(own.id())) {
                mine.add(mine(pair, own));
            }
            audit.record("READ_OWN_PAIRS", own.participantRef());
        }
        return mine;
    }

    public MineOpened open(String account, String pairId) {
        Mine mine = find(account, pairId);
        PairService.PairView view = pairService.view(pairId);
        return new MineOpened(mine, view.goals(), view.feedback().stream()
                .filter(feedback -> feedback.side() == mine.side()).toList());
    }

    public Mine accept(String account, String pairId) {
        Mine mine = find(account, pairId);
        return again(account, pairService.accept(pairId, mine.side()));
    }

    public Mine decline(String account, String pairId) {
        Mine mine = find(account, pairId);
        return again(account, pairService.decline(pairId, mine.side()));
    }

    public Mine logMeeting(String account, String pairId, Pair.Meeting meeting) {
        find(account, pairId);
        return again(account, pairService.logMeeting(pairId, meeting));
    }

    public Mine addGoal(String account, String pairId, String text) {
        Mine mine = find(account, pairId);
        return again(account, pairService.addGoal(pairId, mine.side(), text));
    }

    public Mine giveFeedback(String account, String pairId, FeedbackMoment moment, int score, String text) {
        Mine mine = find(account, pairId);
        return again(account, pairService.giveFeedback(pairId, mine.side(), moment, score, text));
    }

    private Mine again(String account, Pair changed) {
        return find(account, changed.id(), changed);
    }

    private Mine find(String account, String pairId) {
        Pair pair = pairs.find(pairId).orElseThrow(() -> new NotFoundException("Pair", pairId));
        return find(account, pairId, pair);
    }

    private Mine find(String account, String pairId, Pair pair) {
        Map<String, SignUp> own = signUps.ofAccount(account).stream()
                .collect(Collectors.toMap(SignUp::id, Function.identity()));
        SignUp mySignUp = own.containsKey(pair.leaderSignUp()) ? own.get(pair.leaderSignUp())
                : own.get(pair.executiveSignUp());
        if (mySignUp == null) {
            // another person's pair: as if it did not exist, so its existence does not leak either
            throw new NotFoundException("Pair", pairId);
        }
        return mine(pair, mySignUp);
    }

    private Mine mine(Pair pair, SignUp own) {
        Side side = own.id().equals(pair.leaderSignUp()) ? Side.SCHOOL_LEADER : Side.EXECUTIVE;
        String partnerId = side == Side.SCHOOL_LEADER ? pair.executiveSignUp() : pair.leaderSignUp();
        return new Mine(pair, side, signUps.find(partnerId).orElse(null));
    }
}
