package nl.instroom.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The assignment's objective equals an exhaustive search's on small instances, with and without pins; on larger
 * ones it never makes an excluded pair, never exceeds a capacity, keeps every pin, and agrees with the general
 * min-cost flow on the same network.
 */
class BipartiteAssignmentTest {

    @Test
    void reachesTheExhaustiveOptimumOnSmallRandomInstances() {
        Random random = new Random(2026);
        int compared = 0;
        int capacityBinding = 0;
        while (compared < 300) {
            BipartiteAssignment problem = RandomAssignments.of(random, 2 + random.nextInt(4), 2 + random.nextInt(3),
                    2, 0.3).problem;
            if (problem.edgeCount() > 14) {
                continue;
            }
            long best = exhaustiveOptimum(problem);
            BipartiteAssignment.Solution solution = problem.solve();

            assertThat(solution.objective()).as("instance %d", compared).isEqualTo(best);
            assertThat(valueOf(problem, solution.chosenEdges())).isEqualTo(best);
            assertThat(solution.certificate().verify(solution.network(), solution.flow()).holds()).isTrue();
            if (positiveEdges(problem) > solution.chosenEdges().length) {
                capacityBinding++;
            }
            compared++;
        }
        assertThat(capacityBinding).as("instances where capacity kept a valuable edge out").isGreaterThan(100);
    }

    @Test
    void keepsPinsEvenWhenTheyAreWorthLittleAndOptimisesTheRest() {
        Random random = new Random(77);
        int compared = 0;
        int pinsAgainstTheOptimum = 0;
        while (compared < 200) {
            BipartiteAssignment problem = RandomAssignments.of(random, 2 + random.nextInt(4), 2 + random.nextInt(3),
                    2, 0.3).problem;
            if (problem.edgeCount() < 2 || problem.edgeCount() > 14) {
                continue;
            }
            long unpinnedOptimum = exhaustiveOptimum(problem);
            int pin = cheapestEdge(problem);
            if (problem.leftCapacity(problem.left(pin)) == 0 || problem.rightCapacity(problem.right(pin)) == 0) {
                problem.pin(pin);
                assertThatThrownBy(problem::solve).isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            problem.pin(pin);
            BipartiteAssignment.Solution solution = problem.solve();

            assertThat(solution.isChosen(pin)).isTrue();
            assertThat(solution.objective()).isEqualTo(exhaustiveOptimum(problem));
            assertThat(valueOf(problem, solution.chosenEdges())).isEqualTo(solution.objective());
            assertThat(solution.certificate().verify(solution.network(), solution.flow()).holds()).isTrue();
            if (solution.objective() < unpinnedOptimum) {
                pinsAgainstTheOptimum++;
            }
            compared++;
        }
        assertThat(pinsAgainstTheOptimum).as("instances where the pin cost something").isGreaterThan(50);
    }

    @Test
    void neverMakesAnExcludedPairNorExceedsACapacityAndAgreesWithTheGeneralSolver() {
        Random random = new Random(5);
        for (int instance = 0; instance < 40; instance++) {
            RandomAssignments generated = RandomAssignments.of(random, 20 + random.nextInt(40),
                    10 + random.nextInt(30), 3, 0.05 + random.nextDouble() * 0.6);
            BipartiteAssignment problem = generated.problem;
            long[] leftUse = new long[problem.leftCount()];
            long[] rightUse = new long[problem.rightCount()];
            for (int k = 0; k < 3 && problem.edgeCount() > 0; k++) {
                int e = random.nextInt(problem.edgeCount());
                if (!problem.isPinned(e) && leftUse[problem.left(e)] < problem.leftCapacity(problem.left(e))
                        && rightUse[problem.right(e)] < problem.rightCapacity(problem.right(e))) {
                    problem.pin(e);
                    leftUse[problem.left(e)]++;
                    rightUse[problem.right(e)]++;
                }
            }
            BipartiteAssignment.Solution solution = problem.solve();

            long[] leftCount = new long[problem.leftCount()];
            long[] rightCount = new long[problem.rightCount()];
            for (int e : solution.chosenEdges()) {
                assertThat(generated.excludedPairs).doesNotContain(RandomAssignments.pair(problem.left(e),
                        problem.right(e)));
                leftCount[problem.left(e)]++;
                rightCount[problem.right(e)]++;
            }
            for (int i = 0; i < problem.leftCount(); i++) {
                assertThat(leftCount[i]).isLessThanOrEqualTo(problem.leftCapacity(i));
            }
            for (int j = 0; j < problem.rightCount(); j++) {
                assertThat(rightCount[j]).isLessThanOrEqualTo(problem.rightCapacity(j));
            }
            for (int e = 0; e < problem.edgeCount(); e++) {
                if (problem.isPinned(e)) {
                    assertThat(solution.isChosen(e)).isTrue();
                }
            }
            assertThat(valueOf(problem, solution.chosenEdges())).isEqualTo(solution.objective());
            assertThat(solution.certificate().verify(solution.network(), solution.flow()).holds()).isTrue();
            long pinnedValue = 0;
            for (int e = 0; e < problem.edgeCount(); e++) {
                pinnedValue += problem.isPinned(e) ? problem.value(e) : 0;
            }
            assertThat(pinnedValue - MinCostFlow.solve(solution.network()).totalCost())
                    .isEqualTo(solution.objective());
        }
    }

    @Test
    void agreesWithTheGeneralSolverWhenLeftItemsTakeOneEdgeEachAndValuesTie() {
        // Left items of capacity 0 or 1 take the bidding phase; values 0–4 tie constantly, so items keep taking left
        // items from each other without raising prices until the bid budget ends it and the shortest paths finish.
        Random random = new Random(11);
        for (int instance = 0; instance < 30; instance++) {
            BipartiteAssignment problem = new BipartiteAssignment();
            int lefts = 30 + random.nextInt(40);
            int rights = 10 + random.nextInt(30);
            for (int i = 0; i < lefts; i++) {
                problem.addLeft(random.nextInt(8) == 0 ? 0 : 1);
            }
            for (int j = 0; j < rights; j++) {
                problem.addRight(random.nextInt(4));
            }
            for (int i = 0; i < lefts; i++) {
                for (int j = 0; j < rights; j++) {
                    if (random.nextInt(10) > 0) {
                        problem.addEdge(i, j, random.nextInt(5));
                    }
                }
            }
            BipartiteAssignment.Solution solution = problem.solve();

            assertThat(-MinCostFlow.solve(solution.network()).totalCost()).as("instance %d", instance)
                    .isEqualTo(solution.objective());
            assertThat(valueOf(problem, solution.chosenEdges())).isEqualTo(solution.objective());
        }
    }

    @Test
    void anEmptyProblemChoosesNothing() {
        BipartiteAssignment problem = new BipartiteAssignment();
        problem.addLeft(1);
        problem.addRight(2);
        BipartiteAssignment.Solution solution = problem.solve();
        assertThat(solution.chosenEdges()).isEmpty();
        assertThat(solution.objective()).isZero();
    }

    @Test
    void refusesPinsBeyondACapacity() {
        BipartiteAssignment problem = new BipartiteAssignment();
        int left = problem.addLeft(1);
        int a = problem.addRight(1);
        int b = problem.addRight(1);
        problem.pin(problem.addEdge(left, a, 3));
        problem.pin(problem.addEdge(left, b, 4));
        assertThatThrownBy(problem::solve).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("left item 0");
    }

    /** The best total value over every subset of edges that contains the pins and respects the capacities. */
    static long exhaustiveOptimum(BipartiteAssignment problem) {
        int edges = problem.edgeCount();
        long best = Long.MIN_VALUE;
        for (int subset = 0; subset < 1 << edges; subset++) {
            long[] leftCount = new long[problem.leftCount()];
            long[] rightCount = new long[problem.rightCount()];
            long value = 0;
            boolean allowed = true;
            for (int e = 0; e < edges && allowed; e++) {
                boolean in = (subset & (1 << e)) != 0;
                if (problem.isPinned(e) && !in) {
                    allowed = false;
                } else if (in) {
                    value += problem.value(e);
                    allowed = ++leftCount[problem.left(e)] <= problem.leftCapacity(problem.left(e))
                            && ++rightCount[problem.right(e)] <= problem.rightCapacity(problem.right(e));
                }
            }
            if (allowed) {
                best = Math.max(best, value);
            }
        }
        return best;
    }

    private static long valueOf(BipartiteAssignment problem, int[] chosen) {
        long value = 0;
        for (int e : chosen) {
            value += problem.value(e);
        }
        return value;
    }

    private static int positiveEdges(BipartiteAssignment problem) {
        int count = 0;
        for (int e = 0; e < problem.edgeCount(); e++) {
            count += problem.value(e) > 0 ? 1 : 0;
        }
        return count;
    }

    private static int cheapestEdge(BipartiteAssignment problem) {
        int cheapest = 0;
        for (int e = 1; e < problem.edgeCount(); e++) {
            if (problem.value(e) < problem.value(cheapest)) {
                cheapest = e;
            }
        }
        return cheapest;
    }
}
