package nl.instroom.needmapping.vacancy.persistence;

import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.store.QueryIndexes;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.needmapping.vacancy.domain.Vacancies;
import nl.instroom.needmapping.vacancy.domain.Vacancy;
import nl.instroom.needmapping.vacancy.domain.VacancyStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

@Repository
class MongoVacancies implements Vacancies {

    private final MongoTemplate mongo;
    private final AggregateDocuments documents;

    MongoVacancies(MongoTemplate mongo, AggregateDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
        QueryIndexes.declare(mongo, mongo.getCollectionName(VacancyDocument.class), "schoolCode");
    }

    @Override
    public Optional<Vacancy> find(String id) {
        return Optional.ofNullable(mongo.findById(id, VacancyDocument.class)).map(MongoVacancies::toDomain);
    }

    @Override
    public void save(Vacancy vacancy) {
        documents.save(VacancyDocument.class, vacancy.id(), vacancy.loadedRevision(), vacancy.registeredEvents(),
                (version, outbox) -> document(vacancy, outbox));
    }

    @Override
    public void insertAll(List<Vacancy> opened) {
        documents.insertAll(VacancyDocument.class, opened.stream().map(vacancy ->
                new AggregateDocuments.NewAggregate<VacancyDocument>(vacancy.id(), vacancy.registeredEvents(),
                        (version, outbox) -> document(vacancy, outbox))).toList());
    }

    private static VacancyDocument document(Vacancy vacancy, List<nl.instroom.chassis.outbox.PendingEvent> outbox) {
        return new VacancyDocument(vacancy.id(), vacancy.schoolCode(), vacancy.subject(), vacancy.fte(),
                vacancy.hoursPerWeek(), vacancy.startDate(), vacancy.urgency(), vacancy.openedOn(), vacancy.status(),
                vacancy.closedOn(), vacancy.revision(), null, outbox);
    }

    @Override
    public List<Vacancy> atSchool(String schoolCode, VacancyStatus status) {
        Criteria criteria = Criteria.where("schoolCode").is(schoolCode);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "openedOn")).limit(1000),
                VacancyDocument.class).stream().map(MongoVacancies::toDomain).toList();
    }

    private static Vacancy toDomain(VacancyDocument document) {
        return Vacancy.restore(document.id(), document.schoolCode(), document.subject(), document.fte(),
                document.hoursPerWeek(), document.startDate(), document.urgency(), document.openedOn(),
                document.status(), document.closedOn(), document.revision());
    }
}
