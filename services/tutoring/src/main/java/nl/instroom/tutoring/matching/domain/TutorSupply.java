package nl.instroom.tutoring.matching.domain;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;

/**
 * A tutor as matching sees them: subjects (subject → level), where their PC4 area's centre is, how far they will
 * travel, how many placements their hours still allow, and whether they may be placed at all (a parent's consent
 * under 16), and on which weekdays they can help. No name, no birth date.
 */
public record TutorSupply(String tutorId, Map<String, String> subjects, double latitude, double longitude,
        int maxTravelKm, int hoursPerWeek, int openPlacements, boolean mayBePlaced, long revision,
        Set<DayOfWeek> weekdays) {

    public TutorSupply {
        subjects = Map.copyOf(subjects);
        weekdays = Set.copyOf(weekdays);
    }

    /** A tutor who can help on every weekday. */
    public TutorSupply(String tutorId, Map<String, String> subjects, double latitude, double longitude,
            int maxTravelKm, int hoursPerWeek, int openPlacements, boolean mayBePlaced, long revision) {
        this(tutorId, subjects, latitude, longitude, maxTravelKm, hoursPerWeek, openPlacements, mayBePlaced, revision,
                SchoolDemand.EVERY_WEEKDAY);
    }

    /** Placements this tutor can still take on, given the hours a placement takes. */
    public int freePlacements(MatchingWeights weights) {
        return Math.max(0, hoursPerWeek / weights.hoursPerPlacement() - openPlacements);
    }
}
