package nl.instroom.tutoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.instroom.tutoring.matching.GeneratedRegion;
import nl.instroom.tutoring.matching.ResidualNetwork;
import nl.instroom.tutoring.matching.domain.Assignment;
import nl.instroom.tutoring.matching.domain.MatchingProblem;
import nl.instroom.tutoring.matching.domain.MatchingWeights;
import nl.instroom.tutoring.matching.domain.Pair;
import org.junit.jupiter.api.Test;

/**
 * Proves optimality on a region too large for exhaustive search (2,000 tutors, 300 schools), without trusting the
 * solver: a flow is of minimum cost exactly when its residual network has no negative-cost cycle (the classical
 * optimality condition). This test builds that network itself from the problem and the proposed assignment and
 * looks for such a cycle with Bellman–Ford; any cycle it found would be an improvement the solver missed.
 */
class OptimalityCertificateTest {

    private final MinCostFlowSolver solver = new MinCostFlowSolver();

    @Test
    void theAssignmentForTwoThousandTutorsAndThreeHundredSchoolsIsProvablyOptimal() {
        GeneratedRegion region = GeneratedRegion.of(2_000, 300, 45, 2026);
        MatchingProblem problem = MatchingProblem.of(region.tutors(), region.schools(), MatchingWeights.DEFAULTS, null,
                null, Set.of(), Set.of());
        List<Pair> solved = solver.solve(problem);

        Assignment scored = Assignment.score(problem, solved);
        assertThat(scored.proposals()).hasSizeGreaterThan(500);
        assertThat(ResidualNetwork.of(problem, solved).hasNegativeCycle()).as("an improving cycle exists").isFalse();
    }

    @Test
    void theCertificateCatchesAnAssignmentThatIsNotOptimal() {
        GeneratedRegion region = GeneratedRegion.of(300, 60, 30, 11);
        MatchingProblem problem = MatchingProblem.of(region.tutors(), region.schools(), MatchingWeights.DEFAULTS, null,
                null, Set.of(), Set.of());
        List<Pair> worse = new ArrayList<>(solver.solve(problem));
        worse.remove(0);

        assertThat(ResidualNetwork.of(problem, worse).hasNegativeCycle()).isTrue();
    }
}
