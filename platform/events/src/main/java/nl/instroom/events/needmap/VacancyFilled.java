package nl.instroom.events.needmap;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.instroom.events.InstroomEvent;

/** An open vacancy was filled. */
public record VacancyFilled(String vacancyId, String schoolCode, String subject, BigDecimal fte, LocalDate filledOn,
        long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return vacancyId;
    }
}
