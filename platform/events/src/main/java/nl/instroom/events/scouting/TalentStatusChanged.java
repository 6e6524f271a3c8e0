package nl.instroom.events.scouting;

import java.time.LocalDate;
import nl.instroom.events.InstroomEvent;

/** A talent moved from one pipeline stage to another. */
public record TalentStatusChanged(String talentId, TalentStage from, TalentStage to, LocalDate changedOn,
        long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return talentId;
    }
}
