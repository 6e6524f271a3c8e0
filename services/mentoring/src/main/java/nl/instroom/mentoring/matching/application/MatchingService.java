package nl.instroom.mentoring.matching.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.mentoring.matching.domain.CoordinatorRules;
import nl.instroom.mentoring.matching.domain.Matching;
import nl.instroom.mentoring.matching.domain.MatchingRun;
import nl.instroom.mentoring.matching.domain.MatchingRuns;
import nl.instroom.mentoring.matching.domain.MatchingWeights;
import nl.instroom.mentoring.matching.domain.PairKey;
import nl.instroom.mentoring.matching.domain.PairingSolver;
import nl.instroom.mentoring.matching.domain.Participant;
import nl.instroom.mentoring.programme.application.ProgrammeService;
import nl.instroom.mentoring.signup.domain.Side;
import nl.instroom.mentoring.signup.domain.SignUp;
import nl.instroom.mentoring.signup.domain.SignUps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Matching a cohort as a whole: everyone still taking part, the coordinator's pins and exclusions and the pairs of
 * earlier cohorts make one problem, which the exact solver answers; the run keeps every pair's score explained.
 * Once a run of the cohort is confirmed its rules no longer change.
 */
@Service
public class MatchingService {

    private final MatchingRuns runs;
    private final SignUps signUps;
    private final ProgrammeService programmes;
    private final PairingSolver solver;
    private final AuditTrail audit;
    private final Clock clock;
    private final MatchingWeights weights;

    MatchingService(MatchingRuns runs, SignUps signUps, ProgrammeService programmes, PairingSolver solver,
            AuditTrail audit, Clock clock,
            @Value("${instroom.mentoring.matching.pair-points:10}") int pairPoints,
            @Value("${instroom.mentoring.matching.theme-points:10}") int themePoints,
            @Value("${instroom.mentoring.matching.same-region-points:15}") int sameRegionPoints) {
        this.runs = runs;
        this.signUps = signUps;
        this.programmes = programmes;
        this.solver = solver;
        this.audit = audit;
        this.clock = clock;
        this.weights = new MatchingWeights(pairPoints, themePoints, sameRegionPoints);
    }

    public MatchingRun run(String cohortId) {
        Matching matching = matchingOf(cohortId);
        MatchingRun run = MatchingRun.of(UUID.randomUUID().toString(), cohortId, clock.instant(), weights,
                matching.propose(solver));
        runs.save(run);
        audit.record("RAN_MATCHING", run.id());
        return run;
    }

    public MatchingRun get(String runId) {
        MatchingRun run = runs.find(runId).orElseThrow(() -> new NotFoundException("Matching run", runId));
        audit.record("READ_MATCHING_RUN", runId);
        return run;
    }

    public Matching.Explanation explain(String cohortId, PairKey pair) {
        return matchingOf(cohortId).explain(pair);
    }

    public CoordinatorRules rules(String cohortId) {
        programmes.cohort(cohortId);
        return runs.rules(cohortId);
    }

    public CoordinatorRules pin(String cohortId, PairKey pair) {
        Matching matching = open(cohortId);
        matching.checkPinnable(pair);
        runs.pin(cohortId, pair);
        audit.record("PINNED_PAIR", cohortId);
        return runs.rules(cohortId);
    }

    public CoordinatorRules unpin(String cohortId, PairKey pair) {
        open(cohortId);
        runs.unpin(cohortId, pair);
        audit.record("UNPINNED_PAIR", cohortId);
        return runs.rules(cohortId);
    }

    public CoordinatorRules exclude(String cohortId, PairKey pair) {
        Matching matching = open(cohortId);
        if (matching.explain(pair).pinned()) {
            throw new NotPossibleNow("This pair is pinned; unpin it first");
        }
        runs.exclude(cohortId, pair);
        audit.record("EXCLUDED_PAIR", cohortId);
        return runs.rules(cohortId);
    }

    public CoordinatorRules lift(String cohortId, PairKey pair) {
        open(cohortId);
        runs.lift(cohortId, pair);
        audit.record("LIFTED_EXCLUSION", cohortId);
        return runs.rules(cohortId);
    }

    private Matching open(String cohortId) {
        Matching matching = matchingOf(cohortId);
        if (runs.confirmedIn(cohortId)) {
            throw new NotPossibleNow("This cohort's matching was confirmed; its pins and exclusions stay as they were");
        }
        return matching;
    }

    private Matching matchingOf(String cohortId) {
        programmes.cohort(cohortId);
        List<SignUp> taking = signUps.ofCohort(cohortId).stream().filter(SignUp::active).toList();
        return new Matching(participants(taking, Side.SCHOOL_LEADER), participants(taking, Side.EXECUTIVE),
                runs.rules(cohortId), runs.earlierPairs(cohortId), weights);
    }

    private static List<Participant> participants(List<SignUp> signUps, Side side) {
        return signUps.stream().filter(s -> s.side() == side).map(s -> new Participant(s.id(), s.participantRef(),
                s.region(), s.organisation() == null ? null : SignUp.normalise(s.organisation()), s.notWith(),
                s.themes(), s.capacity())).toList();
    }
}
