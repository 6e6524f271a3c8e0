package nl.instroom.tutoring.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.instroom.tutoring.matching.domain.Assignment;
import nl.instroom.tutoring.matching.domain.AssignmentSolver;
import nl.instroom.tutoring.matching.domain.MatchingProblem;
import nl.instroom.tutoring.matching.domain.MatchingWeights;
import nl.instroom.tutoring.matching.domain.Pair;
import nl.instroom.tutoring.matching.domain.SchoolDemand;
import nl.instroom.tutoring.matching.domain.TutorSupply;
import nl.instroom.tutoring.matching.solver.MinCostFlowSolver;
import org.junit.jupiter.api.Test;

/**
 * Tutoring days and each school's own capacity, against the exhaustive search: on small regions where tutors help on
 * some weekdays only and schools host on some days and at most their own number, the solver's objective equals the
 * exhaustive optimum, every pair it proposes shares a weekday, and no school gets more than it said — checked here
 * from the inputs themselves, not through the problem's rules. The constraints must actually decide: in some
 * instances the same region without them has a different optimum.
 */
class SchoolDaysExactnessTest {

    private final AssignmentSolver solver = new MinCostFlowSolver();

    @Test
    void reachesTheExhaustiveOptimumAndKeepsEverySchoolsDaysAndCapacity() {
        int compared = 0;
        int decidedByDaysOrCapacity = 0;
        for (long seed = 1; compared < 60; seed++) {
            GeneratedRegion plain = GeneratedRegion.of(7, 4, 14, seed);
            GeneratedRegion region = plain.withTutoringDaysAndCapacities(seed);
            MatchingProblem problem = MatchingProblem.of(region.tutors(), region.schools(), tightWeights(), null,
                    null, Set.of(), Set.of());
            if (problem.candidates().size() < 4 || problem.candidates().size() > 22) {
                continue;
            }
            BruteForce.Best best = BruteForce.optimum(problem);
            List<Pair> solved = solver.solve(problem);

            assertThat(Assignment.score(problem, solved).objectiveCents()).as("objective, seed %d", seed)
                    .isEqualTo(best.objectiveCents());
            keepsDaysAndCapacities(region, solved, seed);
            keepsDaysAndCapacities(region, best.pairs(), seed);
            MatchingProblem withoutThem = MatchingProblem.of(plain.tutors(), plain.schools(), tightWeights(), null,
                    null, Set.of(), Set.of());
            // (the unconstrained region has more pairs; only small ones are searched exhaustively)
            if (withoutThem.candidates().size() <= 22
                    && BruteForce.optimum(withoutThem).objectiveCents() != best.objectiveCents()) {
                decidedByDaysOrCapacity++;
            }
            compared++;
        }
        assertThat(decidedByDaysOrCapacity).as("instances whose optimum the days or capacities changed")
                .isGreaterThan(10);
    }

    private static void keepsDaysAndCapacities(GeneratedRegion region, List<Pair> pairs, long seed) {
        Map<String, TutorSupply> tutors = new HashMap<>();
        region.tutors().forEach(t -> tutors.put(t.tutorId(), t));
        Map<String, SchoolDemand> schools = new HashMap<>();
        region.schools().forEach(s -> schools.put(s.schoolCode(), s));
        Map<String, Integer> perSchool = new HashMap<>();
        for (Pair pair : pairs) {
            Set<DayOfWeek> shared = new HashSet<>(tutors.get(pair.tutorId()).weekdays());
            shared.retainAll(schools.get(pair.schoolCode()).tutoringDays());
            assertThat(shared).as("days %s shares, seed %d", pair, seed).isNotEmpty();
            perSchool.merge(pair.schoolCode(), 1, Integer::sum);
        }
        perSchool.forEach((code, count) -> {
            SchoolDemand school = schools.get(code);
            int capacity = school.capacity() == null ? tightWeights().schoolCapacity() : school.capacity();
            assertThat(count + school.openPlacements()).as("tutors at %s, seed %d", code, seed)
                    .isLessThanOrEqualTo(capacity);
        });
    }

    /** Small capacities and strong fairness, as in the solver's own exactness test. */
    private static MatchingWeights tightWeights() {
        return new MatchingWeights(2, 1.5, 15, 20, 2);
    }
}
