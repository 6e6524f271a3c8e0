package nl.instroom.tutoring.matching.domain;

/**
 * What one allowed pair is worth before fairness: the school's need for the subject (need-weighted fit; the fit
 * itself is a hard yes — subject offered at the asked level) minus the travel penalty. Solvers work in whole
 * hundredths of a point, so every solver and every check sees the same numbers.
 */
public record PairScore(Pair pair, double needPoints, double travelKm, double travelPoints, long valueCents) {

    static PairScore of(Pair pair, double needPoints, double km, MatchingWeights weights) {
        double travel = km * weights.travelPointsPerKm();
        long cents = Math.round(needPoints * 100) - Math.round(travel * 100);
        return new PairScore(pair, needPoints, km, travel, cents);
    }
}
