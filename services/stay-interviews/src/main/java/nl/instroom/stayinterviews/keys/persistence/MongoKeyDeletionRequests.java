package nl.instroom.stayinterviews.keys.persistence;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.approval.FourEyes;
import nl.instroom.stayinterviews.keys.application.KeyDeletion;
import nl.instroom.stayinterviews.keys.application.KeyDeletionRequests;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Key-deletion requests in {@code key_deletions}; a decision is a conditional update on the pending state. */
@Component
class MongoKeyDeletionRequests implements KeyDeletionRequests {

    static final String COLLECTION = "key_deletions";

    private final MongoTemplate mongo;

    MongoKeyDeletionRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void add(KeyDeletion request) {
        FourEyes approval = request.approval();
        mongo.insert(new Document("_id", request.requestId()).append("schoolCode", request.schoolCode())
                .append("state", approval.state().name()).append("requestedBy", approval.requestedBy())
                .append("requestedAt", Date.from(approval.requestedAt())), COLLECTION);
    }

    @Override
    public Optional<KeyDeletion> find(String requestId) {
        return Optional.ofNullable(mongo.findById(requestId, Document.class, COLLECTION))
                .map(MongoKeyDeletionRequests::toRequest);
    }

    @Override
    public List<KeyDeletion> recent(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "requestedAt")).limit(limit), Document.class,
                COLLECTION).stream().map(MongoKeyDeletionRequests::toRequest).toList();
    }

    @Override
    public boolean decide(String requestId, FourEyes decided) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId).and("state")
                        .is(FourEyes.State.PENDING.name())),
                new Update().set("state", decided.state().name()).set("decidedBy", decided.decidedBy())
                        .set("decidedAt", Date.from(decided.decidedAt())), COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public void recordKeysDeleted(String requestId, int keysDeleted) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId)), new Update().set("keysDeleted",
                keysDeleted), COLLECTION);
    }

    private static KeyDeletion toRequest(Document stored) {
        Date decidedAt = stored.getDate("decidedAt");
        return new KeyDeletion(stored.getString("_id"), stored.getString("schoolCode"),
                new FourEyes(FourEyes.State.valueOf(stored.getString("state")), stored.getString("requestedBy"),
                        stored.getDate("requestedAt").toInstant(), stored.getString("decidedBy"),
                        decidedAt == null ? null : decidedAt.toInstant()),
                stored.getInteger("keysDeleted"));
    }
}
