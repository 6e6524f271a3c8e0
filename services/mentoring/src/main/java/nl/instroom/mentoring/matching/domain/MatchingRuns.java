package nl.instroom.mentoring.matching.domain;

import java.util.Optional;
import java.util.Set;

/** Where matching runs and the coordinator's rules are kept. */
public interface MatchingRuns {

    void save(MatchingRun run);

    Optional<MatchingRun> find(String id);

    /** Whether a run of the cohort was confirmed. */
    boolean confirmedIn(String cohortId);

    /** The pairs of confirmed runs of other cohorts, each as the set of its two participant references. */
    Set<Set<String>> earlierPairs(String exceptCohortId);

    CoordinatorRules rules(String cohortId);

    void pin(String cohortId, PairKey pair);

    void unpin(String cohortId, PairKey pair);

    void exclude(String cohortId, PairKey pair);

    void lift(String cohortId, PairKey pair);

    /** Replaces the participant reference in every run's pairs (erasure); returns how many runs changed. */
    int forget(String participantRef);
}
