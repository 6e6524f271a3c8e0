package nl.instroom.tutoring.needs.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.tutoring.needs.domain.OpenVacancy;
import nl.instroom.tutoring.needs.domain.VacancyNeeds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per vacancy. A change is an upsert guarded by {@code revision < incoming}: when a document with
 * that revision or a newer one exists, the guard matches nothing, the upsert tries to insert the same id and the
 * store refuses it. That refusal is how a duplicate or stale event is recognised, in one atomic write.
 */
@Repository
class MongoVacancyNeeds implements VacancyNeeds {

    static final String COLLECTION = "vacancy_needs";

    @Document(COLLECTION)
    record VacancyNeedDocument(@Id String id, String schoolCode, String subject,
            @Field(targetType = FieldType.DECIMAL128) BigDecimal fte, Urgency urgency, LocalDate startDate,
            boolean open, long revision) {
    }

    private final MongoTemplate mongo;

    MongoVacancyNeeds(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean opened(OpenVacancy vacancy) {
        return upsertIfNewer(vacancy.vacancyId(), vacancy.revision(), new Update()
                .set("schoolCode", vacancy.schoolCode())
                .set("subject", vacancy.subject())
                .set("fte", vacancy.fte())
                .set("urgency", vacancy.urgency())
                .set("startDate", vacancy.startDate())
                .set("open", true));
    }

    @Override
    public boolean closed(String vacancyId, String schoolCode, long revision) {
        return upsertIfNewer(vacancyId, revision, new Update().set("schoolCode", schoolCode).set("open", false));
    }

    private boolean upsertIfNewer(String vacancyId, long revision, Update update) {
        Query newer = Query.query(Criteria.where("_id").is(vacancyId).and("revision").lt(revision));
        try {
            mongo.upsert(newer, update.set("revision", revision), VacancyNeedDocument.class);
            return true;
        } catch (DuplicateKeyException sameOrNewerAlreadyApplied) {
            return false;
        }
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
