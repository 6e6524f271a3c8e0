package nl.instroom.tutoring.matching.domain;

import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * The published knobs of the objective, in need-index points (0–100 per school-subject need).
 *
 * @param hoursPerPlacement  hours a week one placement takes from a tutor's availability
 * @param travelPointsPerKm  points a proposal loses per km between the tutor's PC4 centre and the school
 * @param schoolFairnessStep points the k-th tutor at the same school costs k−1 times, so a few schools do not take
 *                           everything
 * @param tutorFairnessStep  points a tutor's k-th placement costs k−1 times, so a few tutors are not overloaded
 * @param schoolCapacity     tutors a school can host at once unless it said otherwise (open placements count)
 */
public record MatchingWeights(int hoursPerPlacement, double travelPointsPerKm, double schoolFairnessStep,
        double tutorFairnessStep, int schoolCapacity) {

    public static final MatchingWeights DEFAULTS = new MatchingWeights(2, 1.5, 8, 12, 3);

    public MatchingWeights {
        if (hoursPerPlacement < 1 || hoursPerPlacement > 12) {
            throw new InvalidRequest("hoursPerPlacement must be 1 to 12");
        }
        if (travelPointsPerKm < 0 || travelPointsPerKm > 20) {
            throw new InvalidRequest("travelPointsPerKm must be 0 to 20");
        }
        if (schoolFairnessStep < 0 || schoolFairnessStep > 100 || tutorFairnessStep < 0 || tutorFairnessStep > 100) {
            throw new InvalidRequest("fairness steps must be 0 to 100");
        }
        if (schoolCapacity < 1 || schoolCapacity > 50) {
            throw new InvalidRequest("schoolCapacity must be 1 to 50");
        }
    }
}
