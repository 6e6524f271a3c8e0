package nl.instroom.tutoring.matching.domain;

import java.time.DayOfWeek;
import java.util.List;

/**
 * Why a proposal scored what it did, in need-index points: the school's need for the subject, minus travel, minus
 * this proposal's share of the two fairness terms. The totals of a run's proposals add up to its objective. The
 * shared days say when the tutor could go: the weekdays the tutor can help and the school hosts tutors (null in runs
 * stored before schools said their days).
 */
public record ScoreBreakdown(double needPoints, double travelKm, double travelPoints, double schoolFairnessPoints,
        double tutorFairnessPoints, double totalPoints, List<DayOfWeek> sharedDays) {
}
