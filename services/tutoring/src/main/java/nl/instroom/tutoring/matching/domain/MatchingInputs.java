package nl.instroom.tutoring.matching.domain;

import java.util.Map;

/**
 * The versions a run was solved with: each tutor's revision and open placements, each school's need revision and
 * open placements. Comparing them tells whether a run still describes the world when the coordinator accepts it.
 */
public record MatchingInputs(Map<String, Long> tutorRevisions, Map<String, Long> schoolNeedRevisions,
        Map<String, Integer> tutorOpenPlacements, Map<String, Integer> schoolOpenPlacements) {

    public MatchingInputs {
        tutorRevisions = Map.copyOf(tutorRevisions);
        schoolNeedRevisions = Map.copyOf(schoolNeedRevisions);
        tutorOpenPlacements = Map.copyOf(tutorOpenPlacements);
        schoolOpenPlacements = Map.copyOf(schoolOpenPlacements);
    }

    public static MatchingInputs of(MatchingProblem problem) {
        Map<String, Long> tutors = new java.util.HashMap<>();
        Map<String, Integer> tutorOpen = new java.util.HashMap<>();
        problem.tutors().forEach(t -> {
            tutors.put(t.tutorId(), t.revision());
            tutorOpen.put(t.tutorId(), t.openPlacements());
        });
        Map<String, Long> schools = new java.util.HashMap<>();
        Map<String, Integer> schoolOpen = new java.util.HashMap<>();
        problem.schools().forEach(s -> {
            schools.put(s.schoolCode(), s.needRevision());
            schoolOpen.put(s.schoolCode(), s.openPlacements());
        });
        return new MatchingInputs(tutors, schools, tutorOpen, schoolOpen);
    }

    /** Whether anything a proposal depends on changed between this run and {@code now}. */
    public boolean sameFor(Pair pair, MatchingInputs now) {
        return same(tutorRevisions, now.tutorRevisions, pair.tutorId())
                && same(tutorOpenPlacements, now.tutorOpenPlacements, pair.tutorId())
                && same(schoolNeedRevisions, now.schoolNeedRevisions, pair.schoolCode())
                && same(schoolOpenPlacements, now.schoolOpenPlacements, pair.schoolCode());
    }

    private static <V> boolean same(Map<String, V> then, Map<String, V> now, String key) {
        return then.get(key) != null && then.get(key).equals(now.get(key));
    }
}
