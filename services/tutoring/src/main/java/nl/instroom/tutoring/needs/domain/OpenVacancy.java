package nl.instroom.tutoring.needs.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.instroom.events.needmap.Urgency;

/** A vacancy need-mapping reported open at a school: a subject where tutoring support helps. */
public record OpenVacancy(String vacancyId, String schoolCode, String subject, BigDecimal fte, Urgency urgency,
        LocalDate startDate, long revision) {
}
