package nl.instroom.tutoring.matching.domain;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A school as matching sees it, from tutoring's projection of need-mapping's events: location, need per subject
 * (index 0–100 within its region), tutors it already hosts, the revision of the need it was solved with, and on
 * which weekdays and how many tutors it hosts.
 *
 * @param tutoringDays the weekdays it hosts tutors on; every weekday when the school has not said
 * @param capacity     tutors it hosts at once as the school said; null when it has not said (the weights' default)
 */
public record SchoolDemand(String schoolCode, double latitude, double longitude, Map<String, Double> subjectNeed,
        int openPlacements, long needRevision, Set<DayOfWeek> tutoringDays, Integer capacity) {

    /** Monday to Friday: where a school has not said on which days it hosts tutors. */
    public static final Set<DayOfWeek> EVERY_WEEKDAY = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public SchoolDemand {
        subjectNeed = Map.copyOf(subjectNeed);
        tutoringDays = tutoringDays == null ? EVERY_WEEKDAY : Set.copyOf(tutoringDays);
    }

    /** A school that has not said on which days or how many tutors it hosts. */
    public SchoolDemand(String schoolCode, double latitude, double longitude, Map<String, Double> subjectNeed,
            int openPlacements, long needRevision) {
        this(schoolCode, latitude, longitude, subjectNeed, openPlacements, needRevision, null, null);
    }

    /** Tutors it can still take on: its own capacity (the weights' default where it has not said) minus open ones. */
    public int freeCapacity(MatchingWeights weights) {
        return Math.max(0, (capacity == null ? weights.schoolCapacity() : capacity) - openPlacements);
    }
}
