package nl.instroom.tutoring.needs.domain;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;

/**
 * What tutoring knows of a school, from need-mapping's events: where it is and how great its need is, overall and
 * per subject (index 0–100 within its region, derived from the scores need-mapping publishes). Revisions of the
 * school facts and of the need are kept apart, because they come from different aggregates.
 *
 * @param tutoringDays  the weekdays the school hosts tutors on; null when it has not said (every weekday)
 * @param tutorCapacity tutors it hosts at once; null when it has not said (matching's default)
 */
public record SchoolNeedView(String schoolCode, String name, String region, double latitude, double longitude,
        double needIndex, Map<String, Double> subjectIndex, long schoolRevision, long needRevision,
        Set<DayOfWeek> tutoringDays, Integer tutorCapacity) {
}
