package nl.instroom.tutoring.matching.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.instroom.assignment.FlowNetwork;
import nl.instroom.assignment.FlowSolution;
import nl.instroom.assignment.MinCostFlow;
import nl.instroom.tutoring.matching.domain.AssignmentSolver;
import nl.instroom.tutoring.matching.domain.MatchingProblem;
import nl.instroom.tutoring.matching.domain.Pair;
import nl.instroom.tutoring.matching.domain.PairScore;
import org.springframework.stereotype.Component;

/**
 * The matching as a min-cost flow: source → tutor (one arc per placement the tutor's hours allow, costing that
 * step's fairness) → tutor-at-school (capacity 1: one subject per tutor and school) → school (one arc per allowed
 * subject, costing minus the pair's value) → sink (one arc per place the school has, costing that step's fairness),
 * and a free arc from source to sink for the tutors left unplaced. A minimum-cost flow of all supply is then an
 * assignment of maximum objective; the flow is integral, so the optimum is exact. Pinned pairs are placed first
 * and take the first fairness steps of their tutor and school.
 *
 * <p>The flow is solved by the shared {@code instroom-assignment} library, which verifies its optimality
 * certificate before answering (and throws rather than answer wrongly); this class only translates.
 */
@Component
public class MinCostFlowSolver implements AssignmentSolver {

    @Override
    public List<Pair> solve(MatchingProblem problem) {
        Map<String, Integer> pinnedPerTutor = new HashMap<>();
        Map<String, Integer> pinnedPerSchool = new HashMap<>();
        Set<String> pinnedTutorSchool = new HashSet<>();
        for (Pair pin : problem.pinned()) {
            pinnedPerTutor.merge(pin.tutorId(), 1, Integer::sum);
            pinnedPerSchool.merge(pin.schoolCode(), 1, Integer::sum);
            pinnedTutorSchool.add(pin.tutorId() + "|" + pin.schoolCode());
        }
        FlowNetwork flow = new FlowNetwork();
        Nodes nodes = new Nodes(flow);
        int source = nodes.id("source");
        int sink = nodes.id("sink");
        Map<Integer, Pair> pairArcs = new HashMap<>();
        Set<String> tutorsWired = new HashSet<>();
        Set<String> schoolsWired = new HashSet<>();
        long supply = 0;
        for (PairScore candidate : problem.candidates()) {
            Pair pair = candidate.pair();
            if (problem.pinned().contains(pair) || pinnedTutorSchool.contains(pair.tutorId() + "|" + pair.schoolCode())) {
                continue;
            }
            int tutor = nodes.id("t|" + pair.tutorId());
            if (tutorsWired.add(pair.tutorId())) {
                int free = problem.tutor(pair.tutorId()).freePlacements(problem.weights());
                for (int k = pinnedPerTutor.getOrDefault(pair.tutorId(), 0); k < free; k++) {
                    flow.addArc(source, tutor, 1, problem.tutorFairnessCents(pair.tutorId(), k));
                    supply++;
                }
            }
            String tutorAtSchoolKey = "ts|" + pair.tutorId() + "|" + pair.schoolCode();
            boolean newTutorAtSchool = !nodes.has(tutorAtSchoolKey);
            int tutorAtSchool = nodes.id(tutorAtSchoolKey);
            if (newTutorAtSchool) {
                flow.addArc(tutor, tutorAtSchool, 1, 0);
            }
            int school = nodes.id("s|" + pair.schoolCode());
            if (schoolsWired.add(pair.schoolCode())) {
                int capacity = problem.school(pair.schoolCode()).freeCapacity(problem.weights());
                for (int k = pinnedPerSchool.getOrDefault(pair.schoolCode(), 0); k < capacity; k++) {
                    flow.addArc(school, sink, 1, problem.schoolFairnessCents(pair.schoolCode(), k));
                }
            }
            pairArcs.put(flow.addArc(tutorAtSchool, school, 1, -candidate.valueCents()), pair);
        }
        List<Pair> assignment = new ArrayList<>(problem.pinned());
        if (supply == 0) {
            return assignment;
        }
        flow.addArc(source, sink, supply, 0);
        flow.setSupply(source, supply);
        flow.setSupply(sink, -supply);
        // Always feasible (the free arc takes whatever is not placed); a certificate that fails throws.
        FlowSolution solution = MinCostFlow.solve(flow);
        pairArcs.forEach((arc, pair) -> {
            if (solution.flow(arc) > 0) {
                assignment.add(pair);
            }
        });
        return assignment;
    }

    private static final class Nodes {
        private final FlowNetwork network;
        private final Map<String, Integer> ids = new HashMap<>();

        Nodes(FlowNetwork network) {
            this.network = network;
        }

        int id(String key) {
            return ids.computeIfAbsent(key, k -> network.addNode());
        }

        boolean has(String key) {
            return ids.containsKey(key);
        }
    }
}
