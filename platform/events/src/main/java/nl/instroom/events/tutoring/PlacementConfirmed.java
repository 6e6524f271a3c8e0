package nl.instroom.events.tutoring;

import nl.instroom.events.InstroomEvent;

/** The coordinator confirmed a proposed placement (with a parent's consent in place for a tutor under 16). */
public record PlacementConfirmed(String placementId, String tutorId, String schoolCode, String subject,
        long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return placementId;
    }
}
