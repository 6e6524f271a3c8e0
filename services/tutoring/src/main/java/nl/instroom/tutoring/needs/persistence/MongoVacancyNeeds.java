package nl.instroom.tutoring.needs.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.chassis.store.QueryIndexes;
import nl.instroom.chassis.consumer.IdempotentWrites;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.tutoring.needs.domain.OpenVacancy;
import nl.instroom.tutoring.needs.domain.VacancyChange;
import nl.instroom.tutoring.needs.domain.VacancyNeeds;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per vacancy, changed only through {@link IdempotentWrites}: once per event, never backwards. */
@Repository
class MongoVacancyNeeds implements VacancyNeeds {

    static final String COLLECTION = "vacancy_needs";

    @Document(COLLECTION)
    record VacancyNeedDocument(@Id String id, String schoolCode, String subject,
            @Field(targetType = FieldType.DECIMAL128) BigDecimal fte, Urgency urgency, LocalDate startDate,
            boolean open, long revision) {
    }

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    MongoVacancyNeeds(MongoTemplate mongo, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        QueryIndexes.declare(mongo, COLLECTION, "schoolCode");
    }

    @Override
    public List<Boolean> apply(List<VacancyChange> changes) {
        return writes.applyAll(COLLECTION, changes.stream().map(MongoVacancyNeeds::effect).toList());
    }

    private static IdempotentWrites.Effect effect(VacancyChange change) {
        if (change instanceof VacancyChange.Opened opened) {
            OpenVacancy vacancy = opened.vacancy();
            return new IdempotentWrites.Effect(vacancy.vacancyId(), opened.eventId(), vacancy.revision(),
                    new Update().set("schoolCode", vacancy.schoolCode()).set("subject", vacancy.subject())
                            .set("fte", new org.bson.types.Decimal128(vacancy.fte()))
                            .set("urgency", vacancy.urgency().name()).set("startDate", vacancy.startDate())
                            .set("open", true));
        }
        if (change instanceof VacancyChange.Closed closed) {
            return new IdempotentWrites.Effect(closed.vacancyId(), closed.eventId(), closed.revision(),
                    new Update().set("schoolCode", closed.schoolCode()).set("open", false));
        }
        return null;
    }

    @Override
    public List<OpenVacancy> openAt(String schoolCode) {
        return find(Query.query(Criteria.where("open").is(true).and("schoolCode").is(schoolCode)));
    }

    @Override
    public List<OpenVacancy> allOpen() {
        return find(Query.query(Criteria.where("open").is(true)));
    }

    private List<OpenVacancy> find(Query query) {
        return mongo.find(query, VacancyNeedDocument.class).stream()
                .map(doc -> new OpenVacancy(doc.id(), doc.schoolCode(), doc.subject(), doc.fte(), doc.urgency(),
                        doc.startDate(), doc.revision()))
                .toList();
    }
}
