package nl.instroom.events.needmap;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a need index 0–100 within a region follows from the scores {@link SchoolNeedChanged} carries: the school's
 * score against the highest score among the region's schools. Part of the contract, so that need-mapping's ranking,
 * tutoring's matching and scouting's coverage all mean the same by "need index".
 */
public final class NeedIndex {

    private NeedIndex() {
    }

    /**
     * @param score a school's score ({@code rawScore}, or a subject's {@code weightedOpenFte})
     * @param highestInRegion the highest such score among the region's schools
     * @return 100 × score / highest, rounded to two decimals; 0 when no school of the region has any need
     */
    public static double withinRegion(double score, double highestInRegion) {
        if (highestInRegion <= 0 || score <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(100 * Math.min(score, highestInRegion) / highestInRegion)
                .setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
