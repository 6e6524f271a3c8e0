package nl.instroom.chassis.outbox;

import java.util.List;
import java.util.function.BiFunction;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.events.InstroomEvent;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Saves an aggregate's document together with the events it registered, in one single-document atomic write.
 *
 * <p>A new aggregate is inserted with its events. A changed one is updated only where the stored revision is still
 * the one it was loaded at — compare and set in the same write, so someone else's change in between is refused
 * (a {@link ChangedMeanwhile}, answered 409) and never silently undone. Its new events are appended to the
 * outbox ({@code $push}) rather than the outbox being rewritten, so the relay removing published events at the same
 * moment cannot bring them back. A property that is null in the new state is removed from the stored document. After
 * the write the relay is told, and publishes at once.
 */
public class AggregateDocuments {

    /** A mapped aggregate document with a revision and an outbox. */
    public interface WithOutbox {

        long revision();

        List<PendingEvent> outbox();
    }

    private static final String REVISION = "revision";

    private final MongoTemplate mongo;
    private final PendingEvents pendingEvents;
    private final Outbox outbox;

    public AggregateDocuments(MongoTemplate mongo, PendingEvents pendingEvents, Outbox outbox) {
        this.mongo = mongo;
        this.pendingEvents = pendingEvents;
        this.outbox = outbox;
    }

    /**
     * @param loadedRevision the aggregate's revision when it was loaded (0 for a new aggregate)
     * @param build makes the document from the optimistic-lock version to store (always null here: the revision
     *     is the lock) and the outbox entries to store with it
     */
    public <D extends WithOutbox> void save(Class<D> type, Object id, long loadedRevision,
            List<? extends InstroomEvent> registered, BiFunction<Long, List<PendingEvent>, D> build) {
        List<PendingEvent> added = pendingEvents.append(List.of(), registered);
        String collection = mongo.getCollectionName(type);
        if (loadedRevision == 0) {
            try {
                mongo.insert(build.apply(null, added));
            } catch (DuplicateKeyException e) {
                throw conflict(type, id);
            }
            outbox.written(collection, id, added.size());
            return;
        }
        Document state = new Document();
        mongo.getConverter().write(build.apply(null, List.of()), state);
        state.remove("_id");
        state.remove("_class");
        state.remove("version");
        state.remove(PendingEvents.FIELD);
        Update update = new Update();
        state.forEach(update::set);
        // The converter leaves out null properties: a field the aggregate cleared (a withdrawn consent, say) must go
        // from the stored document too, or the old value would be read back.
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type).doWithProperties(
                (PropertyHandler<MongoPersistentProperty>) property -> {
                    String field = property.getFieldName();
                    if (!property.isIdProperty() && !property.isVersionProperty()
                            && !PendingEvents.FIELD.equals(field) && !state.containsKey(field)) {
                        update.unset(field);
                    }
                });
        if (!added.isEmpty()) {
            update.push(PendingEvents.FIELD).each(OutboxDocuments.of(mongo.getConverter(), added).toArray());
        }
        Query unchangedSinceLoaded = Query.query(Criteria.where("_id").is(id).and(REVISION).is(loadedRevision));
        if (mongo.updateFirst(unchangedSinceLoaded, update, type).getMatchedCount() == 0) {
            throw conflict(type, id);
        }
        outbox.written(collection, id, added.size());
    }

    /**
     * Inserts new aggregates together, each with the events it registered, in one bulk insert (an import): the same
     * as {@link #save} with revision 0 for each, in one round trip.
     *
     * @param aggregates the new aggregates' ids and events, with how to make each one's document
     */
    public <D extends WithOutbox> void insertAll(Class<D> type, List<NewAggregate<D>> aggregates) {
        if (aggregates.isEmpty()) {
            return;
        }
        List<D> documents = new java.util.ArrayList<>(aggregates.size());
        for (NewAggregate<D> aggregate : aggregates) {
            documents.add(aggregate.build().apply(null, pendingEvents.append(List.of(), aggregate.registered())));
        }
        mongo.insert(documents, type);
        String collection = mongo.getCollectionName(type);
        for (NewAggregate<D> aggregate : aggregates) {
            outbox.written(collection, aggregate.id(), aggregate.registered().size());
        }
    }

    /** A new aggregate for {@link #insertAll}. */
    public record NewAggregate<D>(Object id, List<? extends InstroomEvent> registered,
            BiFunction<Long, List<PendingEvent>, D> build) {
    }

    private static ChangedMeanwhile conflict(Class<?> type, Object id) {
        return new ChangedMeanwhile(type.getSimpleName().replace("Document", "") + " " + id
                + " was changed by someone else in the meantime; reload it and try again");
    }
}
