package nl.instroom.events.stay;

import java.time.LocalDate;
import nl.instroom.events.InstroomEvent;

/** A stay-gesprek was held at a school. Names no person: only the school, the date and the risk band. */
public record StayInterviewHeld(String schoolCode, LocalDate heldOn, RiskBand riskBand) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return schoolCode;
    }
}
