package nl.instroom.mentoring.matching.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.assignment.BipartiteAssignment;
import nl.instroom.assignment.OptimalityCertificate;
import nl.instroom.mentoring.matching.domain.PairKey;
import nl.instroom.mentoring.matching.domain.PairingSolver;
import org.springframework.stereotype.Component;

/**
 * School leaders are the left items, executives the right ones, each candidate pair an edge worth its score; pins are
 * pinned edges. The library proves its answer optimal with a certificate, which is checked once more here against
 * the network it solved — so "proven optimal" in a matching run is a fact checked in this service, not a claim.
 */
@Component
class AssignmentPairingSolver implements PairingSolver {

    @Override
    public Solution solve(Problem problem) {
        BipartiteAssignment assignment = new BipartiteAssignment();
        Map<String, Integer> leaders = new HashMap<>();
        problem.leaders().forEach((id, capacity) -> leaders.put(id, assignment.addLeft(capacity)));
        Map<String, Integer> executives = new HashMap<>();
        problem.executives().forEach((id, capacity) -> executives.put(id, assignment.addRight(capacity)));
        List<PairKey> byEdge = new ArrayList<>(problem.candidates().size());
        for (Candidate candidate : problem.candidates()) {
            int edge = assignment.addEdge(leaders.get(candidate.pair().leader()),
                    executives.get(candidate.pair().executive()), candidate.value());
            byEdge.add(candidate.pair());
            if (problem.pinned().contains(candidate.pair())) {
                assignment.pin(edge);
            }
        }
        BipartiteAssignment.Solution solution = assignment.solve();
        OptimalityCertificate.Verification verification = solution.certificate().verify(solution.network(),
                solution.flow());
        List<PairKey> chosen = new ArrayList<>();
        for (int edge : solution.chosenEdges()) {
            chosen.add(byEdge.get(edge));
        }
        return new Solution(chosen, solution.objective(), verification.holds());
    }
}
