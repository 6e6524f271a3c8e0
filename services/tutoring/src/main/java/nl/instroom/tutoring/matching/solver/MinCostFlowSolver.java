package nl.instroom.tutoring.matching.solver;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 */
@Component
public class MinCostFlowSolver implements AssignmentSolver {

    static {
        Loader.loadNativeLibraries();
    }

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
        MinCostFlow flow = new MinCostFlow();
        Nodes nodes = new Nodes();
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
                    flow.addArcWithCapacityAndUnitCost(source, tutor, 1, problem.tutorFairnessCents(pair.tutorId(), k));
                    supply++;
                }
            }
            String tutorAtSchoolKey = "ts|" + pair.tutorId() + "|" + pair.schoolCode();
            boolean newTutorAtSchool = !nodes.has(tutorAtSchoolKey);
            int tutorAtSchool = nodes.id(tutorAtSchoolKey);
            if (newTutorAtSchool) {
                flow.addArcWithCapacityAndUnitCost(tutor, tutorAtSchool, 1, 0);
            }
            int school = nodes.id("s|" + pair.schoolCode());
            if (schoolsWired.add(pair.schoolCode())) {
                int capacity = problem.school(pair.schoolCode()).freeCapacity(problem.weights());
                for (int k = pinnedPerSchool.getOrDefault(pair.schoolCode(), 0); k < capacity; k++) {
                    flow.addArcWithCapacityAndUnitCost(school, sink, 1,
                            problem.schoolFairnessCents(pair.schoolCode(), k));
                }
            }
            pairArcs.put(flow.addArcWithCapacityAndUnitCost(tutorAtSchool, school, 1, -candidate.valueCents()), pair);
        }
        List<Pair> assignment = new ArrayList<>(problem.pinned());
        if (supply == 0) {
            return assignment;
        }
        flow.addArcWithCapacityAndUnitCost(source, sink, supply, 0);
        flow.setNodeSupply(source, supply);
        flow.setNodeSupply(sink, -supply);
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            // Cannot happen for this network (the free arc always makes it feasible); failing loudly beats a guess.
            throw new IllegalStateException("Min-cost flow ended with status " + status);
        }
        pairArcs.forEach((arc, pair) -> {
            if (flow.getFlow(arc) > 0) {
                assignment.add(pair);
            }
        });
        return assignment;
    }

    private static final class Nodes {
        private final Map<String, Integer> ids = new HashMap<>();

        int id(String key) {
            return ids.computeIfAbsent(key, k -> ids.size());
        }

        boolean has(String key) {
            return ids.containsKey(key);
        }
    }
}
