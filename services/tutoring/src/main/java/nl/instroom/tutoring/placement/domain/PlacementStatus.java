package nl.instroom.tutoring.placement.domain;

/** Where a placement stands. Cancelled covers a refusal by the school or the coordinator, with a reason code. */
public enum PlacementStatus {
    PROPOSED, CONFIRMED, ACTIVE, COMPLETED, CANCELLED;

    boolean open() {
        return this == PROPOSED || this == CONFIRMED || this == ACTIVE;
    }
}
