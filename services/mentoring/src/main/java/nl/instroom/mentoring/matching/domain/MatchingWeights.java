package nl.instroom.mentoring.matching.domain;

import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * What a pair's score is made of, in points: {@code pairPoints} for every allowed pair (so that, other things equal,
 * more people get a pair), {@code themePoints} per unit of importance of each theme the leader wants and the
 * executive brings, and {@code sameRegionPoints} when both are in the same labour-market region.
 */
public record MatchingWeights(int pairPoints, int themePoints, int sameRegionPoints) {

    public static final MatchingWeights DEFAULT = new MatchingWeights(10, 10, 15);

    public MatchingWeights {
        if (pairPoints < 0 || themePoints < 0 || sameRegionPoints < 0) {
            throw new InvalidRequest("Matching weights are not negative");
        }
    }
}
