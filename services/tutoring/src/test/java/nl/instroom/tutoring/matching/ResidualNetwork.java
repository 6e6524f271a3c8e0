package nl.instroom.tutoring.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.instroom.tutoring.matching.domain.MatchingProblem;
import nl.instroom.tutoring.matching.domain.Pair;
import nl.instroom.tutoring.matching.domain.PairScore;

/**
 * An optimality certificate that does not trust the solver: the residual network of an assignment in the flow model
 * the solver documents, built here from the problem alone. A flow has minimum cost exactly when its residual
 * network has no negative-cost cycle; {@link #hasNegativeCycle()} looks for one with Bellman–Ford. Pins are not
 * modelled, so use it on problems without pins.
 */
public final class ResidualNetwork {

    private final List<long[]> arcs = new ArrayList<>();
    private final Map<String, Integer> nodes = new HashMap<>();

    private int node(String key) {
        return nodes.computeIfAbsent(key, k -> nodes.size());
    }

    /** An arc of the flow network with its flow: forward residual if not full, backward if it carries flow. */
    private void arc(int from, int to, long capacity, long cost, long flow) {
        if (flow < capacity) {
            arcs.add(new long[] {from, to, cost});
        }
        if (flow > 0) {
            arcs.add(new long[] {to, from, -cost});
        }
    }

    public static ResidualNetwork of(MatchingProblem problem, List<Pair> assignment) {
        ResidualNetwork r = new ResidualNetwork();
        Set<Pair> chosen = new HashSet<>(assignment);
        Map<String, Integer> tutorUse = new HashMap<>();
        Map<String, Integer> schoolUse = new HashMap<>();
        assignment.forEach(p -> {
            tutorUse.merge(p.tutorId(), 1, Integer::sum);
            schoolUse.merge(p.schoolCode(), 1, Integer::sum);
        });
        int source = r.node("source");
        int sink = r.node("sink");
        Set<String> tutors = new HashSet<>();
        Set<String> schools = new HashSet<>();
        Map<String, Integer> tutorAtSchoolFlow = new HashMap<>();
        long supply = 0;
        for (PairScore c : problem.candidates()) {
            Pair p = c.pair();
            tutorAtSchoolFlow.merge(p.tutorId() + "|" + p.schoolCode(), chosen.contains(p) ? 1 : 0, Integer::sum);
        }
        Set<String> tutorAtSchoolDone = new HashSet<>();
        for (PairScore c : problem.candidates()) {
            Pair p = c.pair();
            int tutor = r.node("t" + p.tutorId());
            if (tutors.add(p.tutorId())) {
                int free = problem.tutor(p.tutorId()).freePlacements(problem.weights());
                int used = tutorUse.getOrDefault(p.tutorId(), 0);
                for (int k = 0; k < free; k++) {
                    // Steps grow, so a flow of `used` units fills the cheapest `used` step arcs.
                    r.arc(source, tutor, 1, problem.tutorFairnessCents(p.tutorId(), k), k < used ? 1 : 0);
                }
                supply += free;
            }
            String ts = p.tutorId() + "|" + p.schoolCode();
            int tutorAtSchool = r.node("ts" + ts);
            if (tutorAtSchoolDone.add(ts)) {
                r.arc(tutor, tutorAtSchool, 1, 0, tutorAtSchoolFlow.get(ts));
            }
            int school = r.node("s" + p.schoolCode());
            if (schools.add(p.schoolCode())) {
                int capacity = problem.school(p.schoolCode()).freeCapacity(problem.weights());
                int used = schoolUse.getOrDefault(p.schoolCode(), 0);
                for (int k = 0; k < capacity; k++) {
                    r.arc(school, sink, 1, problem.schoolFairnessCents(p.schoolCode(), k), k < used ? 1 : 0);
                }
            }
            r.arc(tutorAtSchool, school, 1, -c.valueCents(), chosen.contains(p) ? 1 : 0);
        }
        r.arc(source, sink, supply, 0, supply - assignment.size());
        return r;
    }

    /** Bellman–Ford from a virtual root joined to every node: still improving after |V| rounds means a cycle. */
    public boolean hasNegativeCycle() {
        int n = nodes.size();
        long[] distance = new long[n];
        for (int round = 0; round < n; round++) {
            boolean changed = false;
            for (long[] a : arcs) {
                int from = (int) a[0];
                int to = (int) a[1];
                if (distance[from] + a[2] < distance[to]) {
                    distance[to] = distance[from] + a[2];
                    changed = true;
                }
            }
            if (!changed) {
                return false;
            }
        }
        return true;
    }
}
