package nl.instroom.tutoring.tutor.persistence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.instroom.chassis.store.QueryIndexes;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.events.tutoring.SubjectLevel;
import nl.instroom.tutoring.tutor.domain.Availability;
import nl.instroom.tutoring.tutor.domain.ParentalConsent;
import nl.instroom.tutoring.tutor.domain.Tutor;
import nl.instroom.tutoring.tutor.domain.Tutors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoTutors implements Tutors {

    @Document(TutorDocument.COLLECTION)
    record TutorDocument(@Id String id, String name, String schoolAttended, int schoolYear, LocalDate dateOfBirth,
            List<SubjectLevel> subjects, int hoursPerWeek, Set<DayOfWeek> weekdays, String pc4, int maxTravelKm,
            String region, LocalDate registeredOn, ParentalConsent consent, Boolean announced,
            Instant withdrawalPendingSince, long revision, @Version Long version, List<PendingEvent> outbox) implements AggregateDocuments.WithOutbox {

        static final String COLLECTION = "tutors";
    }

    private final MongoTemplate mongo;
    private final AggregateDocuments documents;

    MongoTutors(MongoTemplate mongo, AggregateDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
        QueryIndexes.declare(mongo, TutorDocument.COLLECTION, "region");
    }

    @Override
    public Optional<Tutor> find(String id) {
        return Optional.ofNullable(mongo.findById(id, TutorDocument.class)).map(MongoTutors::toDomain);
    }

    @Override
    public void save(Tutor tutor) {
        documents.save(TutorDocument.class, tutor.id(), tutor.loadedRevision(),
                tutor.registeredEvents(), (version, outbox) ->
                new TutorDocument(tutor.id(), tutor.name(), tutor.schoolAttended(), tutor.schoolYear(),
                        tutor.dateOfBirth(), tutor.subjects(), tutor.availability().hoursPerWeek(),
                        tutor.availability().weekdays(), tutor.pc4(), tutor.maxTravelKm(), tutor.region(),
                        tutor.registeredOn(), tutor.consent(), tutor.announced(), tutor.withdrawalPendingSince(),
                        tutor.revision(), version, outbox));
    }

    @Override
    public List<Tutor> inRegion(String region) {
        return mongo.find(Query.query(Criteria.where("region").is(region)), TutorDocument.class).stream()
                .map(MongoTutors::toDomain).toList();
    }

    @Override
    public List<Tutor> pageInRegion(String region, int offset, int limit) {
        Query page = Query.query(Criteria.where("region").is(region))
                .with(Sort.by(Sort.Order.asc("name"), Sort.Order.asc("_id"))).skip(offset).limit(limit);
        return mongo.find(page, TutorDocument.class).stream().map(MongoTutors::toDomain).toList();
    }

    @Override
    public List<String> registeredBefore(LocalDate day, String afterId, int limit) {
        Query page = Query.query(Criteria.where("registeredOn").lt(day).and("_id").gt(afterId == null ? "" : afterId))
                .with(Sort.by("_id")).limit(limit);
        page.fields().include("_id");
        return mongo.find(page, org.bson.Document.class, TutorDocument.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
    }

    @Override
    public int startUndatedRetention(LocalDate today) {
        return (int) mongo.updateMulti(Query.query(Criteria.where("registeredOn").exists(false)),
                new Update().set("registeredOn", today), TutorDocument.class).getModifiedCount();
    }

    @Override
    public List<Tutor> withPendingWithdrawal(int limit) {
        Query pending = Query.query(Criteria.where("withdrawalPendingSince").exists(true).ne(null))
                .with(Sort.by("withdrawalPendingSince", "_id")).limit(limit);
        return mongo.find(pending, TutorDocument.class).stream().map(MongoTutors::toDomain).toList();
    }

    @Override
    public void withdrawalDone(String id, Instant since) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("withdrawalPendingSince").is(since)),
                new Update().unset("withdrawalPendingSince"), TutorDocument.class);
    }

    @Override
    public int erase(String id) {
        return (int) mongo.remove(Query.query(Criteria.where("_id").is(id)), TutorDocument.class).getDeletedCount();
    }

    private static Tutor toDomain(TutorDocument d) {
        return Tutor.restore(d.id(), d.name(), d.schoolAttended(), d.schoolYear(), d.dateOfBirth(), d.subjects(),
                new Availability(d.hoursPerWeek(), d.weekdays()), d.pc4(), d.maxTravelKm(), d.region(),
                // Tutors stored before the mark was kept were all announced at registration.
                d.registeredOn(), d.consent(), d.announced() == null || d.announced(), d.withdrawalPendingSince(),
                d.revision());
    }
}
