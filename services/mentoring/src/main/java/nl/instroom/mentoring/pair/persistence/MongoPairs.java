package nl.instroom.mentoring.pair.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.mentoring.pair.domain.EndReason;
import nl.instroom.mentoring.pair.domain.Pair;
import nl.instroom.mentoring.pair.domain.PairStatus;
import nl.instroom.mentoring.pair.domain.Pairs;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per pair with its outbox, through the chassis' aggregate documents. */
@Repository
class MongoPairs implements Pairs {

    @Document(PairDocument.COLLECTION)
    record PairDocument(@Id String id, String cohortId, String runId, String leaderSignUp, String executiveSignUp,
            String leaderRef, String executiveRef, int score, LocalDate proposedOn, PairStatus status,
            boolean leaderAccepted, boolean executiveAccepted, LocalDate activatedOn, LocalDate endedOn,
            EndReason endReason, List<Pair.Meeting> meetings, List<String> sealedGoals,
            List<Pair.Feedback> feedback, LocalDate quietSince, boolean open, long revision, @Version Long version,
            List<PendingEvent> outbox) implements AggregateDocuments.WithOutbox {

        static final String COLLECTION = "pairs";
    }

    private final MongoTemplate mongo;
    private final AggregateDocuments documents;

    MongoPairs(MongoTemplate mongo, AggregateDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
        mongo.indexOps(PairDocument.class).createIndex(new Index().on("cohortId", Sort.Direction.ASC));
        mongo.indexOps(PairDocument.class).createIndex(new Index().on("leaderSignUp", Sort.Direction.ASC));
        mongo.indexOps(PairDocument.class).createIndex(new Index().on("executiveSignUp", Sort.Direction.ASC));
    }

    @Override
    public boolean add(Pair pair) {
        try {
            save(pair);
            return true;
        } catch (ChangedMeanwhile exists) {
            return false;
        }
    }

    @Override
    public void save(Pair p) {
        documents.save(PairDocument.class, p.id(), p.loadedRevision(), p.registeredEvents(), (version, outbox) ->
                new PairDocument(p.id(), p.cohortId(), p.runId(), p.leaderSignUp(), p.executiveSignUp(),
                        p.leaderRef(), p.executiveRef(), p.score(), p.proposedOn(), p.status(), p.leaderAccepted(),
                        p.executiveAccepted(), p.activatedOn(), p.endedOn(), p.endReason(), p.meetings(),
                        p.sealedGoals(), p.feedback(), p.quietSince(), p.status().open(), p.revision(), version,
                        outbox));
    }

    @Override
    public Optional<Pair> find(String id) {
        return Optional.ofNullable(mongo.findById(id, PairDocument.class)).map(MongoPairs::toDomain);
    }

    @Override
    public List<Pair> ofCohort(String cohortId) {
        return mongo.find(Query.query(Criteria.where("cohortId").is(cohortId)).with(Sort.by("_id")),
                PairDocument.class).stream().map(MongoPairs::toDomain).toList();
    }

    @Override
    public List<Pair> ofSignUp(String signUpId) {
        Criteria either = new Criteria().orOperator(Criteria.where("leaderSignUp").is(signUpId),
                Criteria.where("executiveSignUp").is(signUpId));
        return mongo.find(Query.query(either).with(Sort.by("proposedOn", "_id")), PairDocument.class).stream()
                .map(MongoPairs::toDomain).toList();
    }

    @Override
    public List<Pair> openOf(String signUpId) {
        Criteria either = new Criteria().orOperator(Criteria.where("leaderSignUp").is(signUpId),
                Criteria.where("executiveSignUp").is(signUpId));
        return mongo.find(Query.query(Criteria.where("open").is(true).andOperator(either)), PairDocument.class)
                .stream().map(MongoPairs::toDomain).toList();
    }

    @Override
    public List<Pair> activeUnflagged(String afterId, int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(PairStatus.ACTIVE).and("quietSince").is(null)
                        .and("_id").gt(afterId == null ? "" : afterId)).with(Sort.by("_id")).limit(limit),
                PairDocument.class).stream().map(MongoPairs::toDomain).toList();
    }

    @Override
    public List<Pair> quietIn(String cohortId) {
        return mongo.find(Query.query(Criteria.where("cohortId").is(cohortId).and("status").is(PairStatus.ACTIVE)
                .and("quietSince").ne(null)).with(Sort.by("quietSince", "_id")), PairDocument.class).stream()
                .map(MongoPairs::toDomain).toList();
    }

    @Override
    public int forget(String participantRef) {
        int changed = 0;
        Criteria names = new Criteria().orOperator(Criteria.where("leaderRef").is(participantRef),
                Criteria.where("executiveRef").is(participantRef));
        for (PairDocument pair : mongo.find(Query.query(names), PairDocument.class)) {
            boolean leader = participantRef.equals(pair.leaderRef());
            String side = leader ? "SCHOOL_LEADER" : "EXECUTIVE";
            List<Pair.Feedback> feedback = new ArrayList<>();
            for (Pair.Feedback given : pair.feedback() == null ? List.<Pair.Feedback>of() : pair.feedback()) {
                feedback.add(given.side().name().equals(side)
                        ? new Pair.Feedback(given.side(), given.moment(), given.score(), null) : given);
            }
            // The reference goes, and so does the text: goals are the pair's, feedback text the side's. The keys that
            // sealed them are shredded as well; this removes the ciphertext too. Scores and dates stay for figures.
            Update update = new Update().set(leader ? "leaderRef" : "executiveRef", "erased")
                    .set("sealedGoals", List.of()).set("feedback", feedback).inc("revision", 1);
            changed += (int) mongo.updateFirst(Query.query(Criteria.where("_id").is(pair.id())), update,
                    PairDocument.class).getModifiedCount();
        }
        return changed;
    }

    private static Pair toDomain(PairDocument d) {
        return Pair.restore(d.id(), d.cohortId(), d.runId(), d.leaderSignUp(), d.executiveSignUp(), d.leaderRef(),
                d.executiveRef(), d.score(), d.proposedOn(), d.status(), d.leaderAccepted(), d.executiveAccepted(),
                d.activatedOn(), d.endedOn(), d.endReason(), d.meetings() == null ? List.of()
                        : new ArrayList<>(d.meetings()), d.sealedGoals(), d.feedback(), d.quietSince(),
                d.revision());
    }
}
