package nl.instroom.events.needmap;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.instroom.events.InstroomEvent;

/** An open vacancy was withdrawn without being filled. The reason is a code, never free text. */
public record VacancyWithdrawn(String vacancyId, String schoolCode, String subject, BigDecimal fte,
        LocalDate withdrawnOn, String reasonCode, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return vacancyId;
    }
}
