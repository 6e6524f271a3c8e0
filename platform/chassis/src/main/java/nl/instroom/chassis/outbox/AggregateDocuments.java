package nl.instroom.chassis.outbox;

import java.util.List;
import java.util.function.BiFunction;
import nl.instroom.events.InstroomEvent;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Saves an aggregate's document together with the events it registered, in one single-document write: the events
 * already pending in the stored document are kept, the new ones appended. Two guards against lost updates: the
 * stored revision must still be the one the aggregate was loaded at (someone else's change in between is refused),
 * and the document's {@code @Version} covers the moment between this read and the write. A refusal is an
 * {@link IllegalStateException}, answered 409.
 */
public class AggregateDocuments {

    /** A mapped aggregate document with an optimistic-lock version and an outbox. */
    public interface WithOutbox {

        Long version();

        long revision();

        List<PendingEvent> outbox();
    }

    private final MongoTemplate mongo;
    private final PendingEvents pendingEvents;

    public AggregateDocuments(MongoTemplate mongo, PendingEvents pendingEvents) {
        this.mongo = mongo;
        this.pendingEvents = pendingEvents;
    }

    /**
     * @param loadedRevision the aggregate's revision when it was loaded (0 for a new aggregate)
     * @param build makes the new document from the stored version (null when new) and the outbox to store
     */
    public <D extends WithOutbox> void save(Class<D> type, Object id, long loadedRevision,
            List<? extends InstroomEvent> registered, BiFunction<Long, List<PendingEvent>, D> build) {
        D current = mongo.findById(id, type);
        long storedRevision = current == null ? 0 : current.revision();
        if (storedRevision != loadedRevision) {
            throw new IllegalStateException(type.getSimpleName().replace("Document", "") + " " + id
                    + " was changed by someone else in the meantime; reload it and try again");
        }
        try {
            mongo.save(build.apply(current == null ? null : current.version(),
                    pendingEvents.append(current == null ? null : current.outbox(), registered)));
        } catch (OptimisticLockingFailureException e) {
            throw new IllegalStateException(type.getSimpleName().replace("Document", "") + " " + id
                    + " was changed by someone else at the same time; try again", e);
        }
    }
}
