package nl.instroom.needmapping.need.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which aggregation of each region the ranking reads now, known in memory so that a request for a page that was
 * rendered already costs no round trip to the store. The ranking under load spent 13 % of need-mapping's CPU in
 * reading this one number per request, and it changes at most about once a second per region.
 *
 * <p>Bounded staleness: the number given out for a region was true of the store at most {@code maxAge} ago. It is
 * learnt from what this instance itself stores (its own aggregations) and sees (the aggregate a ranking read), and,
 * because other instances aggregate the same regions into the same store, read again from the store once the last
 * thing learnt is older than {@code maxAge}. A ranking shown by this number is therefore never older than the
 * region's ranking was {@code maxAge} ago.
 *
 * <p>Each thing learnt is an observation: {@code (aggregation, asOf)} says no aggregation later than
 * {@code aggregation} had been stored at the moment {@code asOf} (a clock reading taken before the store was asked or
 * written). Since stored counts only grow, of two observations the larger count with the later moment is one too.
 */
final class RankedAggregations {

    /** No aggregation with ranked pages stored (yet): counts start at 1. */
    static final long NONE = 0;

    /** What the store answers for a region's current aggregation; {@link #NONE} when there is none. */
    @FunctionalInterface
    interface Store {
        long rankedAt(String region);
    }

    private record Known(long aggregation, long asOf) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Store store;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;

    RankedAggregations(Store store, Duration maxAge, LongSupplier nanoClock) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("The ranking's staleness bound cannot be negative: " + maxAge);
        }
        this.store = store;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The region's current aggregation as known at most {@code maxAge} ago; empty when it has none. */
    OptionalLong rankedAt(String region) {
        Known current = known.get(region);
        if (current == null || nanoClock.getAsLong() - current.asOf() > maxAgeNanos) {
            // Several threads may read at once when it runs out: a few reads, and none waits for another.
            long asOf = nanoClock.getAsLong();
            current = learn(region, store.rankedAt(region), asOf, true);
        }
        return current.aggregation() == NONE ? OptionalLong.empty() : OptionalLong.of(current.aggregation());
    }

    /** The moment to pass to {@link #stored} or {@link #seen}: taken before the store is written or read. */
    long now() {
        return nanoClock.getAsLong();
    }

    /** This instance stored the aggregation as the region's current one; {@code asOf} from before the write. */
    void stored(String region, long aggregation, long asOf) {
        learn(region, aggregation, asOf, false);
    }

    /** This instance read the aggregation as the region's current one; {@code asOf} from before the read. */
    void seen(String region, long aggregation, long asOf) {
        learn(region, aggregation, asOf, false);
    }

    /**
     * Keeps the newer of what was known and what was learnt. A later observation replaces the earlier; when it comes
     * from reading the store it does so even with a smaller count (the store's answer is the truth, also after it was
     * restored from a backup). An earlier observation with a larger count raises the count and keeps the later moment.
     */
    private Known learn(String region, long aggregation, long asOf, boolean fromStore) {
        return known.merge(region, new Known(aggregation, asOf), (before, learnt) -> {
            if (learnt.asOf() - before.asOf() >= 0) {
                return fromStore || learnt.aggregation() >= before.aggregation() ? learnt
                        : new Known(before.aggregation(), learnt.asOf());
            }
            return learnt.aggregation() > before.aggregation() ? new Known(learnt.aggregation(), before.asOf())
                    : before;
        });
    }
}
