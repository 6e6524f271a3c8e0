package nl.instroom.chassis.consumer;

import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Effects that happen once per event, however often it is delivered.
 *
 * <p>{@link #applyOnce} is for an effect on one document: the event's id is recorded in that document
 * ({@value #HANDLED}) in the same atomic write as the effect, guarded so the write matches only when the id is
 * not yet there and, for events with a revision, only when the document holds an older revision. When the guard
 * matches nothing the upsert tries to insert the same {@code _id} again and the unique index on {@code _id}
 * refuses it: that refusal is the signal "already applied or stale".
 *
 * <p>{@link #firstTime} is for effects that span documents: it records the event id per consumer in a collection
 * whose unique {@code _id} lets only the first attempt through. Call it after the effect, and make the effect
 * itself safe to repeat.
 */
public class IdempotentWrites {

    public static final String HANDLED = "handledEvents";
    public static final String REVISION = "revision";
    static final String PROCESSED_EVENTS = "processed_events";
    private static final int REMEMBERED_PER_DOCUMENT = 100;

    private final MongoTemplate mongo;
    private final Clock clock;

    public IdempotentWrites(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Applies {@code effect} to document {@code id} (creating it if absent) unless this event was applied already
     * or the document holds the same or a newer revision.
     *
     * @param revision the aggregate revision the event carries, or null for events without one
     * @return whether the effect was applied
     */
    public boolean applyOnce(String collection, Object id, String eventId, Long revision, Update effect) {
        Criteria guard = Criteria.where("_id").is(id).and(HANDLED).ne(eventId);
        if (revision != null) {
            guard = guard.and(REVISION).lt(revision);
            effect.set(REVISION, revision);
        }
        effect.push(HANDLED).slice(-REMEMBERED_PER_DOCUMENT).each(eventId);
        try {
            mongo.upsert(Query.query(guard), effect, collection);
            return true;
        } catch (DuplicateKeyException alreadyAppliedOrStale) {
            return false;
        }
    }

    /** Records that {@code consumer} handled {@code eventId}; false when it had been recorded before. */
    public boolean firstTime(String consumer, String eventId) {
        try {
            mongo.insert(new Document("_id", consumer + ":" + eventId).append("at", Date.from(clock.instant())),
                    PROCESSED_EVENTS);
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return false;
        }
    }
}
