package nl.instroom.needmapping.need.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The region's current aggregation known in memory: asked of the store only when what is known is older than the
 * staleness bound, so a ranking never shows an aggregation older than the store's of that long ago.
 */
class RankedAggregationsTest {

    private static final Duration BOUND = Duration.ofMillis(250);
    private static final long MS = 1_000_000L;

    /** The store: each region's current aggregation, and how often it was asked. */
    private final Map<String, Long> store = new HashMap<>();
    private int reads;
    private long clock = 1_000 * MS;

    private final RankedAggregations ranked = new RankedAggregations(region -> {
        reads++;
        return store.getOrDefault(region, RankedAggregations.NONE);
    }, BOUND, () -> clock);

    @Test
    void theStoreIsAskedOnceAndThenNotAgainWithinTheBound() {
        store.put("AM22", 7L);

        assertThat(ranked.rankedAt("AM22")).hasValue(7);
        clock += 250 * MS;
        assertThat(ranked.rankedAt("AM22")).hasValue(7);

        assertThat(reads).as("one read for the region within the bound").isEqualTo(1);
    }

    @Test
    void anotherInstancesAggregationShowsOnceTheBoundHasPassed() {
        store.put("AM22", 7L);
        assertThat(ranked.rankedAt("AM22")).hasValue(7);

        store.put("AM22", 8L);
        clock += 200 * MS;
        assertThat(ranked.rankedAt("AM22")).as("within the bound: the page of 200 ms ago may show").hasValue(7);
        clock += 51 * MS;
        assertThat(ranked.rankedAt("AM22")).as("past the bound: asked again").hasValue(8);
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void thisInstancesOwnAggregationShowsAtOnceWithoutAskingTheStore() {
        store.put("AM22", 7L);
        assertThat(ranked.rankedAt("AM22")).hasValue(7);

        long before = ranked.now();
        store.put("AM22", 8L);
        ranked.stored("AM22", 8, before);

        assertThat(ranked.rankedAt("AM22")).hasValue(8);
        assertThat(reads).isEqualTo(1);
    }

    @Test
    void anAggregationSeenByAReadCountsLikeOneStored() {
        store.put("AM22", 9L);
        long before = ranked.now();
        ranked.seen("AM22", 9, before);

        assertThat(ranked.rankedAt("AM22")).hasValue(9);
        assertThat(reads).isZero();
    }

    @Test
    void anOlderObservationNeverLowersTheCountNorMakesItLookFresher() {
        store.put("AM22", 5L);
        long early = ranked.now();
        clock += 100 * MS;
        assertThat(ranked.rankedAt("AM22")).hasValue(5);

        // An aggregation stored by this instance that began before the read above ended after it.
        ranked.stored("AM22", 6, early);
        assertThat(ranked.rankedAt("AM22")).hasValue(6);
        // A read that began even earlier and answers an older count.
        ranked.seen("AM22", 4, early - 50 * MS);
        assertThat(ranked.rankedAt("AM22")).hasValue(6);

        clock += 251 * MS;
        store.put("AM22", 6L);
        assertThat(ranked.rankedAt("AM22")).as("still asked again after the bound of the read").hasValue(6);
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void theStoresAnswerWinsOverAnEarlierLargerCount() {
        store.put("AM22", 12L);
        assertThat(ranked.rankedAt("AM22")).hasValue(12);

        // The store was restored from a backup: counts went back.
        store.put("AM22", 3L);
        clock += 251 * MS;
        assertThat(ranked.rankedAt("AM22")).hasValue(3);
    }

    @Test
    void aRegionWithoutRankedPagesHasNoneAndIsAskedAgainAfterTheBound() {
        assertThat(ranked.rankedAt("AM11")).isEqualTo(OptionalLong.empty());
        assertThat(ranked.rankedAt("AM11")).isEmpty();
        assertThat(reads).isEqualTo(1);

        store.put("AM11", 1L);
        clock += 251 * MS;
        assertThat(ranked.rankedAt("AM11")).hasValue(1);
    }

    @Test
    void regionsAreKnownApart() {
        store.put("AM22", 7L);
        store.put("AM36", 2L);

        assertThat(ranked.rankedAt("AM22")).hasValue(7);
        assertThat(ranked.rankedAt("AM36")).hasValue(2);
        ranked.stored("AM36", 3, ranked.now());
        assertThat(ranked.rankedAt("AM22")).hasValue(7);
        assertThat(ranked.rankedAt("AM36")).hasValue(3);
    }

    @Test
    void aZeroBoundAsksTheStoreEveryTimeTimePasses() {
        RankedAggregations always = new RankedAggregations(region -> {
            reads++;
            return store.getOrDefault(region, RankedAggregations.NONE);
        }, Duration.ZERO, () -> clock);
        store.put("AM22", 7L);
        always.rankedAt("AM22");
        clock += 1;
        always.rankedAt("AM22");
        assertThat(reads).isEqualTo(2);
        assertThatThrownBy(() -> new RankedAggregations(region -> 0, Duration.ofMillis(-1), () -> clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
