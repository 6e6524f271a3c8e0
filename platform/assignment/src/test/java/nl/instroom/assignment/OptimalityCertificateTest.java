package nl.instroom.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import nl.instroom.assignment.OptimalityCertificate.Check;
import org.junit.jupiter.api.Test;

/** The certificate accepts a solved assignment and names the check a tampered one fails. */
class OptimalityCertificateTest {

    private final Random random = new Random(99);

    @Test
    void acceptsTheSolution() {
        BipartiteAssignment.Solution solution = solved();
        assertThat(verify(solution, solution.flow())).isEqualTo(OptimalityCertificate.Verification.HOLDS);
    }

    @Test
    void rejectsAChosenEdgeDroppedAsBrokenConservation() {
        BipartiteAssignment.Solution solution = solved();
        int arc = arcOf(solution, solution.chosenEdges()[0]);
        assertThat(verify(solution, solution.flow().withFlow(arc, 0)).failedCheck()).contains(Check.CONSERVATION);
    }

    @Test
    void rejectsAFlowAboveCapacity() {
        BipartiteAssignment.Solution solution = solved();
        int arc = arcOf(solution, solution.chosenEdges()[0]);
        assertThat(verify(solution, solution.flow().withFlow(arc, 2)).failedCheck()).contains(Check.CAPACITY);
    }

    @Test
    void rejectsAMisstatedTotalCost() {
        BipartiteAssignment.Solution solution = solved();
        FlowSolution lie = solution.flow().withTotalCost(solution.flow().totalCost() - 1);
        assertThat(verify(solution, lie).failedCheck()).contains(Check.COST);
    }

    @Test
    void rejectsAFeasibleButWorseAssignment() {
        // Swap one chosen edge for a less valuable edge of the same left item to a right item with room: still a
        // feasible flow with a correctly stated cost, so only the optimality check can catch it.
        for (int attempt = 0; attempt < 50; attempt++) {
            BipartiteAssignment problem = RandomAssignments.of(random, 30, 20, 2, 0.2).problem;
            BipartiteAssignment.Solution solution = problem.solve();
            long[] rightUse = new long[problem.rightCount()];
            for (int e : solution.chosenEdges()) {
                rightUse[problem.right(e)]++;
            }
            for (int chosen : solution.chosenEdges()) {
                for (int other = 0; other < problem.edgeCount(); other++) {
                    int room = problem.right(other);
                    if (!solution.isChosen(other) && problem.left(other) == problem.left(chosen)
                            && problem.value(other) < problem.value(chosen)
                            && rightUse[room] < problem.rightCapacity(room)) {
                        FlowSolution flow = solution.flow();
                        int sinkArcOfChosen = problem.leftCount() + problem.right(chosen);
                        int sinkArcOfOther = problem.leftCount() + room;
                        FlowSolution worse = flow.withFlow(arcOf(solution, chosen), 0)
                                .withFlow(arcOf(solution, other), 1)
                                .withFlow(sinkArcOfChosen, flow.flow(sinkArcOfChosen) - 1)
                                .withFlow(sinkArcOfOther, flow.flow(sinkArcOfOther) + 1)
                                .withTotalCost(flow.totalCost() + problem.value(chosen) - problem.value(other));

                        assertThat(verify(solution, worse).failedCheck()).contains(Check.OPTIMALITY);
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no instance offered a worse swap to tamper with");
    }

    @Test
    void rejectsACertificateOfAnotherNetwork() {
        BipartiteAssignment.Solution one = solved();
        BipartiteAssignment.Solution other = solved();
        assertThat(one.certificate().verify(other.network(), other.flow()).failedCheck())
                .isNotEmpty();
    }

    private BipartiteAssignment.Solution solved() {
        BipartiteAssignment.Solution solution = RandomAssignments.of(random, 30 + random.nextInt(10), 20, 2, 0.2)
                .problem.solve();
        assertThat(solution.chosenEdges()).isNotEmpty();
        return solution;
    }

    private static OptimalityCertificate.Verification verify(BipartiteAssignment.Solution solution, FlowSolution flow) {
        return solution.certificate().verify(solution.network(), flow);
    }

    private static int arcOf(BipartiteAssignment.Solution solution, int edge) {
        return solution.arcOf(edge);
    }
}
