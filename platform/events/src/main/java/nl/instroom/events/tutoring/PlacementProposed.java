package nl.instroom.events.tutoring;

import nl.instroom.events.InstroomEvent;

/** A matching run proposed that a tutor help a school with a subject. */
public record PlacementProposed(String placementId, String tutorId, String schoolCode, String subject,
        int hoursPerWeek, String matchingRunId, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return placementId;
    }
}
