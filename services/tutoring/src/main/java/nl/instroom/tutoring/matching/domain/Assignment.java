package nl.instroom.tutoring.matching.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of pairs scored against a problem: checks every hard constraint again (whatever produced it) and computes
 * the objective — the sum of pair values minus the convex fairness costs per school and per tutor — exactly, in
 * hundredths of a point.
 */
public final class Assignment {

    private final long objectiveCents;
    private final List<Proposal> proposals;

    private Assignment(long objectiveCents, List<Proposal> proposals) {
        this.objectiveCents = objectiveCents;
        this.proposals = List.copyOf(proposals);
    }

    /** Scores the pairs; throws when they break a hard constraint or leave out a pinned pair. */
    public static Assignment score(MatchingProblem problem, List<Pair> pairs) {
        Map<Pair, PairScore> allowed = problem.candidatesByPair();
        Set<Pair> seen = new HashSet<>();
        Set<String> tutorSchool = new HashSet<>();
        Map<String, List<PairScore>> bySchool = new HashMap<>();
        Map<String, List<PairScore>> byTutor = new HashMap<>();
        for (Pair pair : pairs) {
            PairScore score = allowed.get(pair);
            if (score == null) {
                throw new IllegalStateException("Not an allowed pair: " + pair);
            }
            if (!seen.add(pair) || !tutorSchool.add(pair.tutorId() + "|" + pair.schoolCode())) {
                throw new IllegalStateException("Tutor placed twice at one school: " + pair);
            }
            bySchool.computeIfAbsent(pair.schoolCode(), k -> new ArrayList<>()).add(score);
            byTutor.computeIfAbsent(pair.tutorId(), k -> new ArrayList<>()).add(score);
        }
        if (!seen.containsAll(problem.pinned())) {
            throw new IllegalStateException("A pinned pair is missing from the assignment");
        }
        MatchingWeights weights = problem.weights();
        bySchool.forEach((school, list) -> {
            if (list.size() > problem.school(school).freeCapacity(weights)) {
                throw new IllegalStateException("School over capacity: " + school);
            }
        });
        byTutor.forEach((tutor, list) -> {
            if (list.size() > problem.tutor(tutor).freePlacements(weights)) {
                throw new IllegalStateException("Tutor over their hours: " + tutor);
            }
        });
        // Which proposal carries which fairness step is a presentation choice (the sum is what is optimised): the
        // most valuable proposal at a school or of a tutor carries the smallest step.
        Map<Pair, Long> schoolShare = shares(bySchool, (school, k) -> problem.schoolFairnessCents(school, k));
        Map<Pair, Long> tutorShare = shares(byTutor, (tutor, k) -> problem.tutorFairnessCents(tutor, k));
        long objective = 0;
        List<Proposal> proposals = new ArrayList<>();
        for (Pair pair : pairs) {
            PairScore s = allowed.get(pair);
            long total = s.valueCents() - schoolShare.get(pair) - tutorShare.get(pair);
            objective += total;
            proposals.add(new Proposal(pair, new ScoreBreakdown(s.needPoints(), round(s.travelKm()),
                    s.travelPoints(), schoolShare.get(pair) / 100.0, tutorShare.get(pair) / 100.0, total / 100.0,
                    s.sharedDays()),
                    problem.pinned().contains(pair)));
        }
        proposals.sort(Comparator.comparing((Proposal p) -> -p.score().totalPoints())
                .thenComparing(p -> p.pair().schoolCode()).thenComparing(p -> p.pair().tutorId()));
        return new Assignment(objective, proposals);
    }

    private interface StepCost {
        long cents(String key, int k);
    }

    private static Map<Pair, Long> shares(Map<String, List<PairScore>> groups, StepCost cost) {
        Map<Pair, Long> shares = new HashMap<>();
        groups.forEach((key, list) -> {
            List<PairScore> ordered = new ArrayList<>(list);
            ordered.sort(Comparator.comparingLong(PairScore::valueCents).reversed()
                    .thenComparing(s -> s.pair().toString()));
            for (int k = 0; k < ordered.size(); k++) {
                shares.put(ordered.get(k).pair(), cost.cents(key, k));
            }
        });
        return shares;
    }

    private static double round(double km) {
        return Math.round(km * 10) / 10.0;
    }

    public long objectiveCents() {
        return objectiveCents;
    }

    public double objectivePoints() {
        return objectiveCents / 100.0;
    }

    public List<Proposal> proposals() {
        return proposals;
    }
}
