package nl.instroom.identity.signin.domain;

import java.time.Duration;

/**
 * How many failed sign-ins one key (an account, or an address) may have before each further attempt has to wait,
 * how that wait grows, and when the key is locked instead.
 *
 * @param freeFailures failures that cost nothing; from this many on, the next attempt waits
 * @param firstDelay the wait after {@code freeFailures} failures; it doubles with each further failure
 * @param maxDelay the longest wait
 * @param lockAfter the failure that locks the key (no attempt is evaluated until {@code lockFor} has passed)
 * @param lockFor how long a lock lasts; afterwards the key starts afresh
 * @param forgetAfter failures this long ago without a newer one are forgotten
 */
public record ThrottlePolicy(int freeFailures, Duration firstDelay, Duration maxDelay, int lockAfter,
        Duration lockFor, Duration forgetAfter) {

    /** One account: 3 free guesses, waits of 1 s doubling to 60 s, locked for 15 minutes at the 10th. */
    public static final ThrottlePolicy PER_ACCOUNT = new ThrottlePolicy(3, Duration.ofSeconds(1),
            Duration.ofSeconds(60), 10, Duration.ofMinutes(15), Duration.ofHours(1));

    /**
     * One address, over any accounts: more lenient, because a school's staff share one address; a password spray
     * from one address is still locked at its 20th failure.
     */
    public static final ThrottlePolicy PER_ADDRESS = new ThrottlePolicy(10, Duration.ofSeconds(1),
            Duration.ofSeconds(60), 20, Duration.ofMinutes(15), Duration.ofHours(1));

    public ThrottlePolicy {
        if (freeFailures < 0 || lockAfter <= freeFailures) {
            throw new IllegalArgumentException("lockAfter must be greater than freeFailures, which is at least 0");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || lockFor.compareTo(Duration.ZERO) <= 0
                || forgetAfter.compareTo(Duration.ZERO) <= 0) {
            throw new IllegalArgumentException("delays and durations must be positive, maxDelay at least firstDelay");
        }
    }

    /** The wait before the attempt after {@code failures} failures: none while free, then doubling to the cap. */
    public Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
