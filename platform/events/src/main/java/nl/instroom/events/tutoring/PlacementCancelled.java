package nl.instroom.events.tutoring;

import nl.instroom.events.InstroomEvent;

/** A placement was cancelled or rejected before completion; the reason is a code such as CONSENT_WITHDRAWN. */
public record PlacementCancelled(String placementId, String tutorId, String schoolCode, String subject,
        String reasonCode, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return placementId;
    }
}
