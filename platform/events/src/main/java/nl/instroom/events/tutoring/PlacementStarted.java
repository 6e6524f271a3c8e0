package nl.instroom.events.tutoring;

import java.time.LocalDate;
import nl.instroom.events.InstroomEvent;

/** The tutor started at the school. */
public record PlacementStarted(String placementId, String tutorId, String schoolCode, String subject,
        LocalDate startedOn, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return placementId;
    }
}
