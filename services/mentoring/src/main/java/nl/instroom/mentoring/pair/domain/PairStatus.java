package nl.instroom.mentoring.pair.domain;

/** Where a pair stands. */
public enum PairStatus {
    /** Proposed to both sides; one may have accepted. */
    PROPOSED,
    /** Both sides accepted; not yet started. */
    ACCEPTED,
    /** Meeting. */
    ACTIVE,
    /** Ran its course. */
    COMPLETED,
    /** One side said no before it started. */
    DECLINED,
    /** Stopped before its end, with a reason. */
    ENDED_EARLY;

    public boolean open() {
        return this == PROPOSED || this == ACCEPTED || this == ACTIVE;
    }
}
