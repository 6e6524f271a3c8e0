package nl.instroom.events.stay;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.instroom.events.InstroomEvent;

/** A school-level aggregate: staff expected to leave in the next 12 months (FTE) and how many were interviewed. */
public record RetentionRiskAssessed(String schoolCode, BigDecimal expectedDeparturesFte, int interviewsCovered,
        LocalDate assessedOn, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return schoolCode;
    }
}
