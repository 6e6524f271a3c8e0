package nl.instroom.needmapping.vacancy.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.needmapping.vacancy.domain.VacancyStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

@Document(VacancyDocument.COLLECTION)
record VacancyDocument(@Id String id, String schoolCode, String subject,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal fte, int hoursPerWeek, LocalDate startDate,
        Urgency urgency, LocalDate openedOn, VacancyStatus status, LocalDate closedOn, long revision,
        @Version Long version, List<PendingEvent> outbox) implements AggregateDocuments.WithOutbox {

    static final String COLLECTION = "vacancies";
}
