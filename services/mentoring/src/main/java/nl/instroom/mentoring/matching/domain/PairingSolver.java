package nl.instroom.mentoring.matching.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact solver behind matching (an adapter of the shared assignment library): among the candidate pairs, the set
 * with the highest total value that keeps every capacity and contains every pinned pair; leaving someone without a
 * pair is allowed. A pair that is not a candidate is never chosen, which is how exclusions reach the solver.
 */
public interface PairingSolver {

    Solution solve(Problem problem);

    /** A candidate pair and its value (the pair's total score). */
    record Candidate(PairKey pair, long value) {
    }

    /** Capacities by sign-up id, the candidate pairs, and the pins (each one a candidate). */
    record Problem(Map<String, Integer> leaders, Map<String, Integer> executives, List<Candidate> candidates,
            Set<PairKey> pinned) {

        public Problem {
            leaders = Map.copyOf(leaders);
            executives = Map.copyOf(executives);
            candidates = List.copyOf(candidates);
            pinned = Set.copyOf(pinned);
        }
    }

    /**
     * The chosen pairs, their total value, and whether the solver's certificate proves no assignment has a higher
     * total.
     */
    record Solution(List<PairKey> pairs, long objective, boolean provenOptimal) {

        public Solution {
            pairs = List.copyOf(pairs);
        }
    }
}
