package nl.instroom.events.needmap;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.instroom.events.InstroomEvent;

/** A school opened a vacancy for a subject or role. */
public record VacancyOpened(String vacancyId, String schoolCode, String subject, BigDecimal fte, int hoursPerWeek,
        LocalDate startDate, Urgency urgency, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return vacancyId;
    }
}
