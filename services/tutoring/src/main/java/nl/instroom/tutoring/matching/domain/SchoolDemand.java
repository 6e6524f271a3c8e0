package nl.instroom.tutoring.matching.domain;

import java.util.Map;

/**
 * A school as matching sees it, from tutoring's projection of need-mapping's events: location, need per subject
 * (index 0–100 within its region), tutors it already hosts, and the revision of the need it was solved with.
 */
public record SchoolDemand(String schoolCode, double latitude, double longitude, Map<String, Double> subjectNeed,
        int openPlacements, long needRevision) {

    public SchoolDemand {
        subjectNeed = Map.copyOf(subjectNeed);
    }

    public int freeCapacity(MatchingWeights weights) {
        return Math.max(0, weights.schoolCapacity() - openPlacements);
    }
}
