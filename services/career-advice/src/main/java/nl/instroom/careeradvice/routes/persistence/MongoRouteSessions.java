package nl.instroom.careeradvice.routes.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.instroom.careeradvice.routes.domain.RouteSession;
import nl.instroom.careeradvice.routes.domain.RouteSessions;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.chassis.store.QueryIndexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per route finder session: its id, answers and counting marks; no person. Written unjournaled on
 * purpose (acknowledged by the store, not waiting for its journal): an anonymous session is worth nothing after a
 * crash — the visitor answers again — and waiting for a journal commit would put one on the path of every answer
 * (docs/performance.md, route finder). The update stays conditional on the revision read.
 */
@Repository
class MongoRouteSessions implements RouteSessions {

    static final String COLLECTION = "route_sessions";

    private final MongoTemplate mongo;

    MongoRouteSessions(MongoTemplate mongo) {
        this.mongo = mongo;
        QueryIndexes.declare(mongo, COLLECTION, "startedAt");
    }

    @Override
    public Optional<RouteSession> find(String id) {
        Document document = mongo.findById(id, Document.class, COLLECTION);
        if (document == null) {
            return Optional.empty();
        }
        Map<String, String> answers = new LinkedHashMap<>();
        Document stored = document.get("answers", Document.class);
        if (stored != null) {
            stored.forEach((question, value) -> answers.put(question, String.valueOf(value)));
        }
        return Optional.of(RouteSession.restore(id, document.getDate("startedAt").toInstant(), answers,
                document.getString("rulesVersion"), document.getBoolean("countedComplete", false),
                document.get("revision", Number.class).longValue()));
    }

    @Override
    public void save(RouteSession session) {
        Document answers = new Document();
        session.answers().forEach(answers::append);
        if (session.loadedRevision() == 0) {
            Document document = new Document("_id", session.id()).append("startedAt", Date.from(session.startedAt()))
                    .append("answers", answers).append("rulesVersion", session.rulesVersion())
                    .append("countedComplete", session.countedComplete()).append("revision", session.revision());
            boolean inserted = unjournaled(collection -> {
                try {
                    collection.insertOne(document);
                    return true;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                        return false;
                    }
                    throw e;
                }
            });
            if (!inserted) {
                throw changed(session);
            }
            return;
        }
        // Answers are written in question order; the rules decide that order, so the stored map is replaced whole.
        Document update = new Update().set("answers", answers).set("rulesVersion", session.rulesVersion())
                .set("countedComplete", session.countedComplete()).set("revision", session.revision())
                .getUpdateObject();
        long matched = unjournaled(collection -> collection.updateOne(new Document("_id", session.id())
                .append("revision", session.loadedRevision()), update).getMatchedCount());
        if (matched == 0) {
            throw changed(session);
        }
    }

    @Override
    public int removeStartedBefore(Instant cutoff) {
        return (int) mongo.remove(Query.query(Criteria.where("startedAt").lt(Date.from(cutoff))), COLLECTION)
                .getDeletedCount();
    }

    /** Through the template, so that a store failure is translated as every other write's is. */
    private <T> T unjournaled(java.util.function.Function<MongoCollection<Document>, T> write) {
        return mongo.execute(COLLECTION, collection -> write.apply(collection.withWriteConcern(WriteConcern.W1)));
    }

    private static ChangedMeanwhile changed(RouteSession session) {
        return new ChangedMeanwhile("Route finder session " + session.id()
                + " was answered elsewhere in the meantime; load it and answer again");
    }
}
