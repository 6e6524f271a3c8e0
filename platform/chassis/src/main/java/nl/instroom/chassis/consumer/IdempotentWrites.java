package nl.instroom.chassis.consumer;

import com.mongodb.bulk.BulkWriteError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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
 * <p>{@link #applyAll} does the same for a consumer's whole batch in one unordered bulk write: each effect is
 * guarded on its own, and a refused one (already applied or stale) does not stop the others.
 *
 * <p>{@link #firstTime} is for effects that span documents: it records the event id per consumer in a collection
 * whose unique {@code _id} lets only the first attempt through. Call it after the effect, and make the effect
 * itself safe to repeat.
 */
public class IdempotentWrites {

    public static final String HANDLED = "handledEvents";
    public static final String REVISION = "revision";
    private static final int DUPLICATE_KEY = 11000;

    /**
     * The effect of one event on one document.
     *
     * @param revision the aggregate revision the event carries, or null for events without one
     */
    public record Effect(Object id, String eventId, Long revision, Update update) {
    }
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
        try {
            mongo.upsert(guard(id, eventId, revision), guarded(effect, eventId, revision), collection);
            return true;
        } catch (DuplicateKeyException alreadyAppliedOrStale) {
            return false;
        }
    }

    /**
     * Applies each event's effect once, as {@link #applyOnce} does, in one unordered bulk write.
     *
     * @param effects one per event of the batch, in its order; null where an event has no effect here
     * @return per event whether its effect was applied (false for null, repeated and stale ones)
     * @throws EventFailedException naming the first event whose write failed for another reason
     */
    public List<Boolean> applyAll(String collection, List<Effect> effects) {
        List<Boolean> applied = new ArrayList<>(Collections.nCopies(effects.size(), Boolean.FALSE));
        List<Integer> eventOfWrite = new ArrayList<>(effects.size());
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (int i = 0; i < effects.size(); i++) {
            Effect effect = effects.get(i);
            if (effect != null) {
                bulk.upsert(guard(effect.id(), effect.eventId(), effect.revision()),
                        guarded(effect.update(), effect.eventId(), effect.revision()));
                eventOfWrite.add(i);
                applied.set(i, Boolean.TRUE);
            }
        }
        if (eventOfWrite.isEmpty()) {
            return applied;
        }
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            int firstFailed = Integer.MAX_VALUE;
            for (BulkWriteError error : e.getErrors()) {
                int event = eventOfWrite.get(error.getIndex());
                applied.set(event, Boolean.FALSE);
                if (error.getCode() != DUPLICATE_KEY) {
                    firstFailed = Math.min(firstFailed, event);
                }
            }
            if (firstFailed != Integer.MAX_VALUE) {
                throw new EventFailedException(firstFailed, applied.subList(0, firstFailed), e);
            }
        } catch (RuntimeException e) {
            // The store is unreachable or refused the whole write: nothing of the batch counts as handled.
            throw new EventFailedException(eventOfWrite.get(0), applied.subList(0, eventOfWrite.get(0)), e);
        }
        return applied;
    }

    /**
     * {@link #applyAll} for a batch whose events affect different collections: one bulk write per collection, each
     * list aligned with the batch (null where an event has nothing to do in that collection). Every collection's
     * bulk is written even when another's failed, so the events before the first failure are all handled.
     */
    public List<Boolean> applyAllIn(Map<String, List<Effect>> effectsByCollection) {
        int size = effectsByCollection.values().stream().mapToInt(List::size).max().orElse(0);
        List<Boolean> applied = new ArrayList<>(Collections.nCopies(size, Boolean.FALSE));
        EventFailedException first = null;
        for (Map.Entry<String, List<Effect>> collection : effectsByCollection.entrySet()) {
            List<Boolean> result;
            try {
                result = applyAll(collection.getKey(), collection.getValue());
            } catch (EventFailedException e) {
                result = e.appliedBefore();
                if (first == null || e.index() < first.index()) {
                    first = e;
                }
            }
            for (int i = 0; i < result.size(); i++) {
                if (Boolean.TRUE.equals(result.get(i))) {
                    applied.set(i, Boolean.TRUE);
                }
            }
        }
        if (first != null) {
            throw new EventFailedException(first.index(), applied.subList(0, first.index()), first.getCause());
        }
        return applied;
    }

    /** Matches the document only while this event is not applied and, with a revision, only an older state. */
    private static Query guard(Object id, String eventId, Long revision) {
        Criteria guard = Criteria.where("_id").is(id).and(HANDLED).ne(eventId);
        if (revision != null) {
            guard = guard.and(REVISION).lt(revision);
        }
        return Query.query(guard);
    }

    private static Update guarded(Update effect, String eventId, Long revision) {
        if (revision != null) {
            effect.set(REVISION, revision);
        }
        effect.push(HANDLED).slice(-REMEMBERED_PER_DOCUMENT).each(eventId);
        return effect;
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
