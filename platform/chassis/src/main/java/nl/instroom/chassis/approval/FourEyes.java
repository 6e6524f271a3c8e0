package nl.instroom.chassis.approval;

import java.time.Instant;
import java.util.Objects;
import nl.instroom.chassis.refusal.NotPossibleNow;

/**
 * The four-eyes rule for irreversible acts (erasing a person, deleting a school's key): one admin asks, the act is
 * pending, and it takes effect only when a second, different admin approves. The one who asked may withdraw it
 * while it is pending; nobody may approve their own request, and a decided request stays decided. Plain Java: each
 * service keeps the state with its request and writes a decision conditionally on the state it read, so two
 * decisions at once cannot both win.
 *
 * @param state where the request stands
 * @param requestedBy the admin who asked (the token's subject)
 * @param requestedAt when
 * @param decidedBy who approved or withdrew it; null while pending
 * @param decidedAt when; null while pending
 */
public record FourEyes(State state, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt) {

    /** Where a request stands. */
    public enum State {
        PENDING, APPROVED, WITHDRAWN
    }

    /** A decision the rule does not allow; answered 409 by the chassis' problem responses. */
    public static final class Refused extends NotPossibleNow {

        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    public FourEyes {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }

    /** A new request, pending until a second admin approves it. */
    public static FourEyes requested(String by, Instant at) {
        return new FourEyes(State.PENDING, by, at, null, null);
    }

    /** Approved by a second admin; refused for the requester themselves and for a request no longer pending. */
    public FourEyes approve(String by, Instant at) {
        pending();
        if (requestedBy.equals(by)) {
            throw new Refused("A request cannot be approved by the admin who made it: a second admin must approve");
        }
        return new FourEyes(State.APPROVED, requestedBy, requestedAt, by, at);
    }

    /** Withdrawn by the admin who asked, while it is pending. */
    public FourEyes withdraw(String by, Instant at) {
        pending();
        if (!requestedBy.equals(by)) {
            throw new Refused("Only the admin who made a request can withdraw it");
        }
        return new FourEyes(State.WITHDRAWN, requestedBy, requestedAt, by, at);
    }

    public boolean pendingNow() {
        return state == State.PENDING;
    }

    private void pending() {
        if (state != State.PENDING) {
            throw new Refused("The request was " + state.name().toLowerCase(java.util.Locale.ROOT) + " already");
        }
    }

    /** What a concurrent decision that lost its conditional write is told. */
    public static Refused decidedMeanwhile() {
        return new Refused("The request was decided by someone else meanwhile");
    }
}
