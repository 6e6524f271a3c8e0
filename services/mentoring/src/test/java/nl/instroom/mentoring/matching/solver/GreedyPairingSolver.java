package nl.instroom.mentoring.matching.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.mentoring.matching.domain.PairKey;
import nl.instroom.mentoring.matching.domain.PairingSolver;

/**
 * The benchmark's baseline, what a coordinator's spreadsheet would do: the pins first, then the candidate pairs by
 * value, highest first (ties in the order given), each taken while both sides still have room. Never proven optimal.
 * Behind the same port as the exact solver, so {@code Matching} builds its problem and checks its answer alike.
 */
final class GreedyPairingSolver implements PairingSolver {

    @Override
    public Solution solve(Problem problem) {
        Map<String, Integer> leaderRoom = new HashMap<>(problem.leaders());
        Map<String, Integer> executiveRoom = new HashMap<>(problem.executives());
        List<PairKey> chosen = new ArrayList<>();
        long objective = 0;
        List<Candidate> candidates = problem.candidates();
        for (Candidate candidate : candidates) {
            if (problem.pinned().contains(candidate.pair())) {
                take(candidate.pair(), leaderRoom, executiveRoom);
                chosen.add(candidate.pair());
                objective += candidate.value();
            }
        }
        long[] keys = new long[candidates.size()];
        for (int c = 0; c < keys.length; c++) {
            // Value in the high bits (scores are small and positive), minus the position so ties keep their order.
            keys[c] = (candidates.get(c).value() << 32) | (0xFFFFFFFFL - c);
        }
        Arrays.sort(keys);
        for (int k = keys.length - 1; k >= 0; k--) {
            Candidate candidate = candidates.get((int) (0xFFFFFFFFL - (keys[k] & 0xFFFFFFFFL)));
            PairKey pair = candidate.pair();
            if (candidate.value() > 0 && leaderRoom.get(pair.leader()) > 0 && executiveRoom.get(pair.executive()) > 0
                    && !problem.pinned().contains(pair)) {
                take(pair, leaderRoom, executiveRoom);
                chosen.add(pair);
                objective += candidate.value();
            }
        }
        return new Solution(chosen, objective, false);
    }

    private static void take(PairKey pair, Map<String, Integer> leaderRoom, Map<String, Integer> executiveRoom) {
        leaderRoom.merge(pair.leader(), -1, Integer::sum);
        executiveRoom.merge(pair.executive(), -1, Integer::sum);
    }
}
