package nl.instroom.tutoring.placement.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.store.QueryIndexes;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.tutoring.placement.domain.Evaluation;
import nl.instroom.tutoring.placement.domain.Placement;
import nl.instroom.tutoring.placement.domain.PlacementStatus;
import nl.instroom.tutoring.placement.domain.Placements;
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
class MongoPlacements implements Placements {

    @Document(PlacementDocument.COLLECTION)
    record PlacementDocument(@Id String id, String tutorId, String schoolCode, String subject, int hoursPerWeek,
            String region, String matchingRunId, PlacementStatus status, Evaluation evaluation,
            List<Placement.Step> history, long revision, @Version Long version, List<PendingEvent> outbox)
            implements AggregateDocuments.WithOutbox {

        static final String COLLECTION = "placements";
    }

    private final MongoTemplate mongo;
    private final AggregateDocuments documents;

    MongoPlacements(MongoTemplate mongo, AggregateDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
        QueryIndexes.declare(mongo, PlacementDocument.COLLECTION, "tutorId", "schoolCode", "region");
    }

    @Override
    public Optional<Placement> find(String id) {
        return Optional.ofNullable(mongo.findById(id, PlacementDocument.class)).map(MongoPlacements::toDomain);
    }

    @Override
    public void save(Placement p) {
        documents.save(PlacementDocument.class, p.id(), p.loadedRevision(),
                p.registeredEvents(), (version, outbox) ->
                new PlacementDocument(p.id(), p.tutorId(), p.schoolCode(), p.subject(), p.hoursPerWeek(), p.region(),
                        p.matchingRunId(), p.status(), p.evaluation(), p.history(), p.revision(), version, outbox));
    }

    @Override
    public List<Placement> ofTutor(String tutorId) {
        return mongo.find(Query.query(Criteria.where("tutorId").is(tutorId)), PlacementDocument.class).stream()
                .map(MongoPlacements::toDomain).toList();
    }

    @Override
    public List<Placement> atSchool(String schoolCode) {
        return mongo.find(Query.query(Criteria.where("schoolCode").is(schoolCode)).limit(1000),
                PlacementDocument.class).stream().map(MongoPlacements::toDomain).toList();
    }

    @Override
    public List<Placement> openInRegion(String region) {
        return mongo.find(Query.query(Criteria.where("region").is(region).and("status")
                .in(PlacementStatus.PROPOSED.name(), PlacementStatus.CONFIRMED.name(), PlacementStatus.ACTIVE.name())),
                PlacementDocument.class).stream().map(MongoPlacements::toDomain).toList();
    }

    @Override
    public List<String> dropEvaluationNotes(Instant completedBefore, int limit) {
        // When it was completed is in the history; the embedded store has no $elemMatch on dates we rely on, so
        // the completed placements that still have a note are read and the moment is checked here.
        List<String> due = mongo.find(Query.query(Criteria.where("status").is(PlacementStatus.COMPLETED.name())
                        .and("evaluation.note").ne(null)).with(Sort.by("_id")),
                PlacementDocument.class).stream().map(MongoPlacements::toDomain)
                .filter(p -> p.completedBefore(completedBefore)).limit(limit).map(Placement::id).toList();
        if (due.isEmpty()) {
            return List.of();
        }
        mongo.updateMulti(Query.query(Criteria.where("_id").in(due).and("evaluation.note").ne(null)),
                new Update().unset("evaluation.note").inc("revision", 1), PlacementDocument.class);
        return due;
    }

    @Override
    public int forgetTutor(String tutorId) {
        return (int) mongo.updateMulti(Query.query(Criteria.where("tutorId").is(tutorId)),
                new Update().set("tutorId", "erased").unset("evaluation.note"), PlacementDocument.class)
                .getModifiedCount();
    }

    private static Placement toDomain(PlacementDocument d) {
        return Placement.restore(d.id(), d.tutorId(), d.schoolCode(), d.subject(), d.hoursPerWeek(), d.region(),
                d.matchingRunId(), d.status(), d.evaluation(), d.history() == null ? List.of() : d.history(),
                d.revision());
    }
}
