package nl.instroom.tutoring.matching.domain;

import java.util.Map;

/**
 * A tutor as matching sees them: subjects (subject → level), where their PC4 area's centre is, how far they will
 * travel, how many placements their hours still allow, and whether they may be placed at all (a parent's consent
 * under 16). No name, no birth date.
 */
public record TutorSupply(String tutorId, Map<String, String> subjects, double latitude, double longitude,
        int maxTravelKm, int hoursPerWeek, int openPlacements, boolean mayBePlaced, long revision) {

    public TutorSupply {
        subjects = Map.copyOf(subjects);
    }

    /** Placements this tutor can still take on, given the hours a placement takes. */
    public int freePlacements(MatchingWeights weights) {
        return Math.max(0, hoursPerWeek / weights.hoursPerPlacement() - openPlacements);
    }
}
