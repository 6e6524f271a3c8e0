package nl.instroom.mentoring.pair.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.mentoring.matching.application.MatchingService;
import nl.instroom.mentoring.matching.domain.Matching;
import nl.instroom.mentoring.matching.domain.MatchingRun;
import nl.instroom.mentoring.matching.domain.MatchingRuns;
import nl.instroom.mentoring.matching.domain.PairKey;
import nl.instroom.mentoring.pair.domain.EndReason;
import nl.instroom.mentoring.pair.domain.FeedbackMoment;
import nl.instroom.mentoring.pair.domain.Pair;
import nl.instroom.mentoring.pair.domain.PairStatus;
import nl.instroom.mentoring.pair.domain.Pairs;
import nl.instroom.mentoring.pair.domain.Seats;
import nl.instroom.mentoring.signup.application.SignUpService;
import nl.instroom.mentoring.signup.domain.Side;
import nl.instroom.mentoring.signup.domain.SignUp;
import nl.instroom.mentoring.signup.domain.SignUps;
import nl.instroom.mentoring.vault.domain.TextVault;
import org.springframework.stereotype.Service;

/**
 * What happens to a pair, as the coordinator records it for the two sides. Acceptance takes one of the side's seats
 * first (at most its capacity, whatever arrives at the same moment) and gives it back when the pair does not go on.
 * A pair starts only while both sides take part; a withdrawal ends the person's open pairs. Goal and feedback text
 * are sealed under the key of the person who wrote it before the pair holds them.
 */
@Service
public class PairService {

    /** A pair as the coordinator sees it, with goal and feedback text opened. */
    public record PairView(Pair pair, List<String> goals, List<OpenedFeedback> feedback) {
    }

    /** One side's feedback with its text opened (empty when the writer was erased). */
    public record OpenedFeedback(Side side, FeedbackMoment moment, int score, String text) {
    }

    private static final int ATTEMPTS = 3;

    private final Pairs pairs;
    private final Seats seats;
    private final SignUps signUps;
    private final SignUpService signUpService;
    private final MatchingService matching;
    private final MatchingRuns runs;
    private final TextVault vault;
    private final AuditTrail audit;
    private final Clock clock;

    PairService(Pairs pairs, Seats seats, SignUps signUps, SignUpService signUpService, MatchingService matching,
            MatchingRuns runs, TextVault vault, AuditTrail audit, Clock clock) {
        this.pairs = pairs;
        this.seats = seats;
        this.signUps = signUps;
        this.signUpService = signUpService;
        this.matching = matching;
        this.runs = runs;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    /** The coordinator confirms a run: its pairs are proposed to both sides. Safe to repeat after a failure. */
    public List<Pair> confirm(String runId) {
        MatchingRun run = matching.get(runId);
        if (run.status() != MatchingRun.Status.CONFIRMED && runs.confirmedIn(run.cohortId())) {
            throw new NotPossibleNow("Another matching run of this cohort was confirmed already");
        }
        LocalDate today = today();
        List<Pair> proposed = new ArrayList<>();
        for (Matching.ProposedPair p : run.pairs()) {
            Pair pair = Pair.propose(run.cohortId(), run.id(), p.pair().leader(), p.pair().executive(),
                    p.leaderRef(), p.executiveRef(), p.score().total(), today);
            pairs.add(pair);
            proposed.add(pairs.find(pair.id()).orElseThrow());
        }
        if (run.status() != MatchingRun.Status.CONFIRMED) {
            run.confirm();
            runs.save(run);
        }
        audit.record("CONFIRMED_MATCHING_RUN", runId);
        return proposed;
    }

    /**
     * The coordinator proposes one pair by hand — a replacement after a "no", or one more for an executive with
     * room — if the rules allow it. An executive may be offered more pairs than they take; the first yeses count.
     */
    public Pair proposeOne(String cohortId, PairKey key) {
        Matching.Explanation explanation = matching.explain(cohortId, key);
        if (!explanation.allowed()) {
            throw new NotPossibleNow("This pair may not be made: " + explanation.exclusions());
        }
        SignUp leader = signUps.find(key.leader()).orElseThrow(() -> new NotFoundException("Sign-up", key.leader()));
        SignUp executive = signUps.find(key.executive())
                .orElseThrow(() -> new NotFoundException("Sign-up", key.executive()));
        Pair pair = Pair.propose(cohortId, null, key.leader(), key.executive(), leader.participantRef(),
                executive.participantRef(), explanation.score().total(), today());
        if (!pairs.add(pair)) {
            throw new NotPossibleNow("This pair was proposed before");
        }
        audit.record("PROPOSED_PAIR", pair.id());
        return pair;
    }

    public Pair accept(String pairId, Side side) {
        for (int attempt = 1; ; attempt++) {
            Pair pair = find(pairId);
            SignUp signUp = takingPart(pair.signUpOf(side));
            if (pair.status() != PairStatus.PROPOSED || pair.acceptedBy(side)) {
                pair.accept(side); // refuses, saying why, before any seat is taken
            }
            if (!seats.take(signUp.id(), signUp.capacity(), pairId)) {
                throw new NotPossibleNow("This " + side + " has said yes to as many pairs as they take ("
                        + signUp.capacity() + ")");
            }
            try {
                pair.accept(side);
                pairs.save(pair);
                audit.record("ACCEPTED_PAIR", pairId);
                return pair;
            } catch (NotPossibleNow refused) {
                Optional<Pair> now = pairs.find(pairId);
                boolean holdsSeat = now.isPresent() && now.get().acceptedBy(side) && now.get().status().open();
                if (!holdsSeat) {
                    seats.release(signUp.id(), pairId);
                }
                if (!(refused instanceof ChangedMeanwhile) || attempt == ATTEMPTS) {
                    throw refused;
                }
            }
        }
    }

    public Pair decline(String pairId, Side side) {
        Pair pair = find(pairId);
        pair.decline(side, today());
        pairs.save(pair);
        releaseSeats(pair);
        audit.record("DECLINED_PAIR", pairId);
        return pair;
    }

    /** The pair starts, if both sides still take part; checked again after the write, as a withdrawal may cross. */
    public Pair activate(String pairId) {
        Pair pair = find(pairId);
        takingPart(pair.leaderSignUp());
        takingPart(pair.executiveSignUp());
        pair.activate(today());
        pairs.save(pair);
        audit.record("ACTIVATED_PAIR", pairId);
        if (!active(pair.leaderSignUp()) || !active(pair.executiveSignUp())) {
            return endEarly(pairId, EndReason.WITHDRAWN);
        }
        return pair;
    }

    public Pair logMeeting(String pairId, Pair.Meeting meeting) {
        return change(pairId, pair -> pair.logMeeting(meeting, today()), "LOGGED_MEETING");
    }

    public Pair addGoal(String pairId, Side writer, String text) {
        Pair pair = find(pairId);
        String owner = pair.leaderRef();
        if (writer == Side.EXECUTIVE) {
            owner = pair.executiveRef();
        }
        String sealed = vault.seal(owner, pairId + ":goal", text);
        pair.addGoal(sealed);
        pairs.save(pair);
        audit.record("ADDED_GOAL", pairId);
        return pair;
    }

    public Pair giveFeedback(String pairId, Side side, FeedbackMoment moment, int score, String text) {
        Pair pair = find(pairId);
        String owner = side == Side.SCHOOL_LEADER ? pair.leaderRef() : pair.executiveRef();
        String sealed = text == null || text.isBlank() ? null
                : vault.seal(owner, pairId + ":" + side + ":" + moment, text.strip());
        pair.giveFeedback(new Pair.Feedback(side, moment, score, sealed));
        pairs.save(pair);
        audit.record("GAVE_FEEDBACK", pairId);
        return pair;
    }

    public Pair complete(String pairId) {
        Pair pair = change(pairId, p -> p.complete(today()), "COMPLETED_PAIR");
        releaseSeats(pair);
        return pair;
    }

    public Pair endEarly(String pairId, EndReason reason) {
        Pair pair = change(pairId, p -> p.endEarly(reason, today()), "ENDED_PAIR");
        releaseSeats(pair);
        return pair;
    }

    /** The person no longer takes part: their sign-up is withdrawn and each open pair of theirs ends. */
    public SignUp withdraw(String signUpId) {
        SignUp signUp = signUpService.withdraw(signUpId);
        for (Pair open : pairs.openOf(signUpId)) {
            try {
                endEarly(open.id(), EndReason.WITHDRAWN);
            } catch (NotPossibleNow endedMeanwhile) {
                // declined, completed or ended by someone else meanwhile: nothing left to end
            }
        }
        return signUp;
    }

    public PairView view(String pairId) {
        Pair pair = find(pairId);
        audit.record("READ_PAIR", pairId);
        List<String> goals = new ArrayList<>();
        for (String sealed : pair.sealedGoals()) {
            vault.open(pair.leaderRef(), pairId + ":goal", sealed)
                    .or(() -> vault.open(pair.executiveRef(), pairId + ":goal", sealed)).ifPresent(goals::add);
        }
        List<OpenedFeedback> feedback = new ArrayList<>();
        for (Pair.Feedback given : pair.feedback()) {
            String owner = given.side() == Side.SCHOOL_LEADER ? pair.leaderRef() : pair.executiveRef();
            String text = given.sealedText() == null ? null : vault.open(owner, pairId + ":" + given.side() + ":"
                    + given.moment(), given.sealedText()).orElse(null);
            feedback.add(new OpenedFeedback(given.side(), given.moment(), given.score(), text));
        }
        return new PairView(pair, goals, feedback);
    }

    public List<Pair> ofCohort(String cohortId) {
        audit.record("READ_PAIRS", cohortId);
        return pairs.ofCohort(cohortId);
    }

    private Pair change(String pairId, java.util.function.Consumer<Pair> step, String action) {
        for (int attempt = 1; ; attempt++) {
            Pair pair = find(pairId);
            step.accept(pair);
            try {
                pairs.save(pair);
                audit.record(action, pairId);
                return pair;
            } catch (ChangedMeanwhile changed) {
                if (attempt == ATTEMPTS) {
                    throw changed;
                }
            }
        }
    }

    private void releaseSeats(Pair pair) {
        seats.release(pair.leaderSignUp(), pair.id());
        seats.release(pair.executiveSignUp(), pair.id());
    }

    private SignUp takingPart(String signUpId) {
        SignUp signUp = signUps.find(signUpId).orElseThrow(() -> new NotFoundException("Sign-up", signUpId));
        if (!signUp.active()) {
            throw new NotPossibleNow("One side of this pair withdrew from the programme");
        }
        return signUp;
    }

    private boolean active(String signUpId) {
        return signUps.find(signUpId).map(SignUp::active).orElse(false);
    }

    private Pair find(String id) {
        return pairs.find(id).orElseThrow(() -> new NotFoundException("Pair", id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
