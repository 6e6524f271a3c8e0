package nl.instroom.stayinterviews.staff.domain;

import java.util.Objects;

/**
 * A growth ambition named in a stay interview, and whether the employee agreed that a talent scout may know it:
 * only then does it leave the service.
 */
public record GrowthAmbition(Ambition ambition, boolean scoutMayKnow) {

    public GrowthAmbition {
        Objects.requireNonNull(ambition, "ambition");
    }
}
