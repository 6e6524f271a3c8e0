package nl.instroom.tutoring.matching.domain;

import java.time.DayOfWeek;
import java.util.List;

/**
 * What one allowed pair is worth before fairness: the school's need for the subject (need-weighted fit; the fit
 * itself is a hard yes — subject offered at the asked level, a weekday both can do) minus the travel penalty.
 * Solvers work in whole hundredths of a point, so every solver and every check sees the same numbers.
 *
 * @param sharedDays the weekdays the tutor can help and the school hosts tutors, in week order (never empty)
 */
public record PairScore(Pair pair, double needPoints, double travelKm, double travelPoints, long valueCents,
        List<DayOfWeek> sharedDays) {

    public PairScore {
        sharedDays = List.copyOf(sharedDays);
    }

    static PairScore of(Pair pair, double needPoints, double km, List<DayOfWeek> sharedDays,
            MatchingWeights weights) {
        double travel = km * weights.travelPointsPerKm();
        long cents = Math.round(needPoints * 100) - Math.round(travel * 100);
        return new PairScore(pair, needPoints, km, travel, cents, sharedDays);
    }
}
