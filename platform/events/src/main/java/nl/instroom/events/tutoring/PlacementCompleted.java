package nl.instroom.events.tutoring;

import java.time.LocalDate;
import nl.instroom.events.InstroomEvent;

/**
 * A placement ended as planned and the host school evaluated it: reliability and talent for teaching, each
 * 1–5. The school's free-text note never leaves tutoring.
 */
public record PlacementCompleted(String placementId, String tutorId, String schoolCode, String subject,
        LocalDate completedOn, int reliability, int talentForTeaching, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return placementId;
    }
}
