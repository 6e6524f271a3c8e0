package nl.instroom.needmapping.vacancy.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.store.QueryIndexes;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.needmapping.vacancy.domain.Vacancies;
import nl.instroom.needmapping.vacancy.domain.Vacancy;
import nl.instroom.needmapping.vacancy.domain.VacancyHistory;
import nl.instroom.needmapping.vacancy.domain.VacancyStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

@Repository
class MongoVacancies implements Vacancies {

    /**
     * Schools per query of a history: each query holds the collection while it reads (on the embedded store), so a
     * region's history is read in short slices rather than one long read that keeps new vacancies waiting.
     */
    private static final int SCHOOL_SLICE = 25;

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

    @Override
    public List<VacancyHistory.Dates> datesAtSchools(Collection<String> schoolCodes, LocalDate closedSince,
            int limit) {
        List<String> codes = List.copyOf(schoolCodes);
        List<VacancyHistory.Dates> dates = new ArrayList<>();
        for (int from = 0; from < codes.size() && dates.size() < limit; from += SCHOOL_SLICE) {
            // Served by the schoolCode index; a vacancy closed before the history's first month counts in none.
            Query query = new Query(Criteria.where("schoolCode")
                    .in(codes.subList(from, Math.min(codes.size(), from + SCHOOL_SLICE)))
                    .orOperator(Criteria.where("status").is(VacancyStatus.OPEN),
                            Criteria.where("closedOn").gte(closedSince)))
                    .limit(limit - dates.size());
            for (VacancyDocument document : mongo.find(query, VacancyDocument.class)) {
                dates.add(new VacancyHistory.Dates(document.openedOn(), document.status(), document.closedOn()));
            }
        }
        return dates;
    }

    private static Vacancy toDomain(VacancyDocument document) {
        return Vacancy.restore(document.id(), document.schoolCode(), document.subject(), document.fte(),
                document.hoursPerWeek(), document.startDate(), document.urgency(), document.openedOn(),
                document.status(), document.closedOn(), document.revision());
    }
}
