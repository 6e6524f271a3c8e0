package nl.instroom.identity.signin.domain;

import java.time.Instant;

/**
 * What the throttle says about a sign-in attempt: go ahead, wait until a time, or locked until a time. A refused
 * attempt is not evaluated at all, so it tells nothing about the password or whether the account exists.
 */
public record Verdict(Kind kind, Instant until) {

    /** The three answers. */
    public enum Kind {
        ALLOWED, DELAYED, LOCKED
    }

    static final Verdict ALLOWED = new Verdict(Kind.ALLOWED, null);

    public boolean allowed() {
        return kind == Kind.ALLOWED;
    }

    /** The stricter of two verdicts: a lock over a wait, the later of two ends. */
    Verdict stricter(Verdict other) {
        if (kind != other.kind) {
            return kind.ordinal() > other.kind.ordinal() ? this : other;
        }
        if (allowed()) {
            return this;
        }
        return until.isAfter(other.until) ? this : other;
    }
}
