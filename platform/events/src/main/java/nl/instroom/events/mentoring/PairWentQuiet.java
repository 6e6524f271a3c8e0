package nl.instroom.events.mentoring;

import java.time.LocalDate;
import nl.instroom.events.InstroomEvent;

/** An active pair had no meeting for the configured number of weeks; the coordinator is asked to look. */
public record PairWentQuiet(String pairId, String cohortId, LocalDate lastContactOn, int weeks, LocalDate flaggedOn, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return pairId;
    }
}
