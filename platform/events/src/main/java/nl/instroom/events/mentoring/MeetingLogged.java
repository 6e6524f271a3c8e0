package nl.instroom.events.mentoring;

import java.time.LocalDate;
import nl.instroom.events.InstroomEvent;

/** A pair logged a meeting: when, how long and how, never what was said. */
public record MeetingLogged(String pairId, String cohortId, LocalDate meetingOn, int minutes, String mode, int meetings, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return pairId;
    }
}
