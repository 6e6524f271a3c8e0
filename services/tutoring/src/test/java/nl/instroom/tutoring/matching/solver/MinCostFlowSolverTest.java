package nl.instroom.tutoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import nl.instroom.tutoring.matching.BruteForce;
import nl.instroom.tutoring.matching.GeneratedRegion;
import nl.instroom.tutoring.matching.domain.Assignment;
import nl.instroom.tutoring.matching.domain.MatchingProblem;
import nl.instroom.tutoring.matching.domain.MatchingWeights;
import nl.instroom.tutoring.matching.domain.Pair;
import nl.instroom.tutoring.matching.domain.PairScore;
import org.junit.jupiter.api.Test;

/** The solver's objective equals an exhaustive search's on instances small enough to try every assignment. */
class MinCostFlowSolverTest {

    private final MinCostFlowSolver solver = new MinCostFlowSolver();

    @Test
    void reachesTheExhaustiveOptimumOnSmallRegions() {
        int compared = 0;
        int withFairnessBinding = 0;
        for (long seed = 1; compared < 60; seed++) {
            GeneratedRegion region = GeneratedRegion.of(7, 4, 14, seed);
            MatchingProblem problem = MatchingProblem.of(region.tutors(), region.schools(), tightWeights(), null,
                    null, Set.of(), Set.of());
            if (problem.candidates().size() < 4 || problem.candidates().size() > 22) {
                continue;
            }
            BruteForce.Best best = BruteForce.optimum(problem);
            Assignment solved = Assignment.score(problem, solver.solve(problem));

            assertThat(solved.objectiveCents()).as("objective, seed %d", seed).isEqualTo(best.objectiveCents());
            assertThat(Assignment.score(problem, best.pairs()).objectiveCents()).isEqualTo(best.objectiveCents());
            if (solved.proposals().size() < problem.candidates().size()) {
                withFairnessBinding++;
            }
            compared++;
        }
        assertThat(withFairnessBinding).as("instances where not every allowed pair could be taken").isPositive();
    }

    @Test
    void keepsPinsAndStillOptimisesTheRest() {
        int compared = 0;
        Random random = new Random(7);
        for (long seed = 100; compared < 30; seed++) {
            GeneratedRegion region = GeneratedRegion.of(7, 4, 14, seed);
            MatchingProblem open = MatchingProblem.of(region.tutors(), region.schools(), tightWeights(), null, null,
                    Set.of(), Set.of());
            if (open.candidates().size() < 4 || open.candidates().size() > 20) {
                continue;
            }
            List<PairScore> candidates = open.candidates();
            // Pin the least valuable pair: the one an optimiser would least like to keep.
            Pair pinned = candidates.stream().min((a, b) -> Long.compare(a.valueCents(), b.valueCents()))
                    .orElseThrow().pair();
            Pair excluded = candidates.get(random.nextInt(candidates.size())).pair();
            if (excluded.equals(pinned)) {
                continue;
            }
            MatchingProblem problem = MatchingProblem.of(region.tutors(), region.schools(), tightWeights(), null,
                    null, Set.of(pinned), Set.of(excluded));
            List<Pair> solved = solver.solve(problem);

            assertThat(solved).contains(pinned).doesNotContain(excluded);
            assertThat(Assignment.score(problem, solved).objectiveCents())
                    .isEqualTo(BruteForce.optimum(problem).objectiveCents());
            compared++;
        }
    }

    @Test
    void anEmptyRegionProposesNothing() {
        MatchingProblem problem = MatchingProblem.of(List.of(), new ArrayList<>(), MatchingWeights.DEFAULTS, null,
                null, Set.of(), Set.of());
        assertThat(solver.solve(problem)).isEmpty();
    }

    /** Small capacities and strong fairness, so the constraints and the convex terms actually decide. */
    private static MatchingWeights tightWeights() {
        return new MatchingWeights(2, 1.5, 15, 20, 2);
    }
}
