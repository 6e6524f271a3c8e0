package nl.instroom.identity.signin.domain;

import java.time.Instant;

/** The failed sign-ins of one key: how many in a row, the last one, and a lock if there is one. */
record Attempts(int failures, Instant lastFailure, Instant lockedUntil) {

    static final Attempts NONE = new Attempts(0, null, null);

    Verdict verdict(ThrottlePolicy policy, Instant now) {
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            return new Verdict(Verdict.Kind.LOCKED, lockedUntil);
        }
        Attempts current = current(policy, now);
        if (current.failures == 0) {
            return Verdict.ALLOWED;
        }
        Instant waitUntil = current.lastFailure.plus(policy.delayAfter(current.failures));
        return now.isBefore(waitUntil) ? new Verdict(Verdict.Kind.DELAYED, waitUntil) : Verdict.ALLOWED;
    }

    /**
     * One more failure; the one that reaches {@code lockAfter} locks the key and starts it afresh. A failure while
     * locked (an attempt let through just before the lock began) changes nothing.
     */
    Attempts failed(ThrottlePolicy policy, Instant now) {
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            return this;
        }
        int failures = current(policy, now).failures + 1;
        if (failures >= policy.lockAfter()) {
            return new Attempts(0, now, now.plus(policy.lockFor()));
        }
        return new Attempts(failures, now, null);
    }

    /** Whether the failure at {@code now} is the one that locked the key. */
    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.equals(lastFailure);
    }

    /** Nothing left to remember: no running lock and no failure recent enough to count. */
    boolean forgettable(ThrottlePolicy policy, Instant now) {
        return (lockedUntil == null || !now.isBefore(lockedUntil)) && current(policy, now).failures == 0;
    }

    /** Without a lock that has ended and failures too old to count. */
    private Attempts current(ThrottlePolicy policy, Instant now) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            return NONE;
        }
        if (lastFailure == null || !now.isBefore(lastFailure.plus(policy.forgetAfter()))) {
            return NONE;
        }
        return this;
    }
}
