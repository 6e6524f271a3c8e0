package nl.instroom.tutoring.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.instroom.tutoring.matching.domain.Assignment;
import nl.instroom.tutoring.matching.domain.MatchingProblem;
import nl.instroom.tutoring.matching.domain.Pair;
import nl.instroom.tutoring.matching.domain.PairScore;

/**
 * The independent exact computation: tries every subset of allowed pairs that keeps the constraints and keeps the
 * best objective, computed here from the definition (pair values minus the fairness steps), not by {@link
 * Assignment}. Exponential, so only for small instances.
 */
public final class BruteForce {

    public record Best(long objectiveCents, List<Pair> pairs) {
    }

    private final MatchingProblem problem;
    private final List<PairScore> pairs;
    private final Map<String, Integer> perTutor = new HashMap<>();
    private final Map<String, Integer> perSchool = new HashMap<>();
    private final Set<String> tutorSchool = new HashSet<>();
    private final List<Pair> chosen = new ArrayList<>();
    private long best = Long.MIN_VALUE;
    private List<Pair> bestPairs = List.of();

    private BruteForce(MatchingProblem problem) {
        this.problem = problem;
        this.pairs = problem.candidates();
    }

    public static Best optimum(MatchingProblem problem) {
        BruteForce search = new BruteForce(problem);
        search.explore(0, 0);
        return new Best(search.best, search.bestPairs);
    }

    private void explore(int index, long value) {
        if (index == pairs.size()) {
            if (chosen.containsAll(problem.pinned()) && value > best) {
                best = value;
                bestPairs = List.copyOf(chosen);
            }
            return;
        }
        PairScore candidate = pairs.get(index);
        Pair pair = candidate.pair();
        int tutorCount = perTutor.getOrDefault(pair.tutorId(), 0);
        int schoolCount = perSchool.getOrDefault(pair.schoolCode(), 0);
        String key = pair.tutorId() + "|" + pair.schoolCode();
        if (tutorCount < problem.tutor(pair.tutorId()).freePlacements(problem.weights())
                && schoolCount < problem.school(pair.schoolCode()).freeCapacity(problem.weights())
                && !tutorSchool.contains(key)) {
            // The k-th tutor at a school (and the k-th placement of a tutor) adds its fairness step, whichever
            // pair it is: the marginal cost of the group growing from k to k+1.
            long marginal = candidate.valueCents() - problem.schoolFairnessCents(pair.schoolCode(), schoolCount)
                    - problem.tutorFairnessCents(pair.tutorId(), tutorCount);
            perTutor.put(pair.tutorId(), tutorCount + 1);
            perSchool.put(pair.schoolCode(), schoolCount + 1);
            tutorSchool.add(key);
            chosen.add(pair);
            explore(index + 1, value + marginal);
            chosen.remove(chosen.size() - 1);
            tutorSchool.remove(key);
            perTutor.put(pair.tutorId(), tutorCount);
            perSchool.put(pair.schoolCode(), schoolCount);
        }
        if (!problem.pinned().contains(pair)) {
            explore(index + 1, value);
        }
    }
}
