package nl.instroom.careeradvice.routes.persistence;

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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per route finder session: its id, answers and counting marks; no person. */
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
                document.getBoolean("countedShown", false), document.get("revision", Number.class).longValue()));
    }

    @Override
    public void save(RouteSession session) {
        Document answers = new Document();
        session.answers().forEach(answers::append);
        if (session.loadedRevision() == 0) {
            try {
                mongo.insert(new Document("_id", session.id()).append("startedAt", Date.from(session.startedAt()))
                        .append("answers", answers).append("rulesVersion", session.rulesVersion())
                        .append("countedComplete", session.countedComplete())
                        .append("countedShown", session.countedShown()).append("revision", session.revision()),
                        COLLECTION);
            } catch (DuplicateKeyException e) {
                throw changed(session);
            }
            return;
        }
        // Answers are written in question order; the rules decide that order, so the stored map is replaced whole.
        long matched = mongo.updateFirst(Query.query(Criteria.where("_id").is(session.id())
                        .and("revision").is(session.loadedRevision())),
                new Update().set("answers", answers).set("rulesVersion", session.rulesVersion())
                        .set("countedComplete", session.countedComplete())
                        .set("countedShown", session.countedShown()).set("revision", session.revision()),
                COLLECTION).getMatchedCount();
        if (matched == 0) {
            throw changed(session);
        }
    }

    @Override
    public int removeStartedBefore(Instant cutoff) {
        return (int) mongo.remove(Query.query(Criteria.where("startedAt").lt(Date.from(cutoff))), COLLECTION)
                .getDeletedCount();
    }

    private static ChangedMeanwhile changed(RouteSession session) {
        return new ChangedMeanwhile("Route finder session " + session.id()
                + " was answered elsewhere in the meantime; load it and answer again");
    }
}
