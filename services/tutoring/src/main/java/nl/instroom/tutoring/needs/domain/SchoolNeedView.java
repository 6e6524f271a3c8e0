package nl.instroom.tutoring.needs.domain;

import java.util.Map;

/**
 * What tutoring knows of a school, from need-mapping's events: where it is and how great its need is, overall and
 * per subject (index 0–100 within its region, derived from the scores need-mapping publishes). Revisions of the
 * school facts and of the need are kept apart, because they come from different aggregates.
 */
public record SchoolNeedView(String schoolCode, String name, String region, double latitude, double longitude,
        double needIndex, Map<String, Double> subjectIndex, long schoolRevision, long needRevision) {
}
