package nl.instroom.tutoring.matching.domain;

/**
 * Why a proposal scored what it did, in need-index points: the school's need for the subject, minus travel, minus
 * this proposal's share of the two fairness terms. The totals of a run's proposals add up to its objective.
 */
public record ScoreBreakdown(double needPoints, double travelKm, double travelPoints, double schoolFairnessPoints,
        double tutorFairnessPoints, double totalPoints) {
}
