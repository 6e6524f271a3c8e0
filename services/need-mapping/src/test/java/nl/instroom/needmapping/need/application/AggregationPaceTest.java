package nl.instroom.needmapping.need.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** While a burst of schools is scored, aggregating the rankings takes at most a fifth of the worker's time. */
class AggregationPaceTest {

    @Test
    void aShortRoundIsFollowedByTheMinimumInterval() {
        assertThat(NeedRecalculation.nextAggregationWhileBusy(10_000, 10_200))
                .isEqualTo(10_200 + NeedRecalculation.AGGREGATE_AT_LEAST_EVERY_MS);
    }

    @Test
    void aLongRoundWaitsFourTimesItsLengthSoScoringKeepsFourFifths() {
        long began = 10_000;
        long ended = 13_000;
        long next = NeedRecalculation.nextAggregationWhileBusy(began, ended);
        assertThat(next - ended).isEqualTo(12_000);
        assertThat((double) (ended - began) / (next - began)).isLessThanOrEqualTo(1.0 / 5);
    }
}
