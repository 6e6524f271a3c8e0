package nl.instroom.chassis.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Raises counters kept in one document per key (a month, a day), made on the first count. Two first counts of the
 * same key can race to insert its document; MongoDB then refuses one upsert with a duplicate key, as it documents
 * for upserts on a unique index. The document exists by then, so the refused count is applied to it with a plain
 * update: no count is lost and none is applied twice.
 */
public final class Counters {

    private Counters() {
    }

    /**
     * Applies {@code update} (typically {@code $inc}s) to the document {@code id} of {@code collection}, making it
     * when it is missing, with the service's write concern; through the template, so that a store failure is
     * translated as every other write's is.
     */
    public static void raise(MongoTemplate mongo, String collection, Object id, Update update) {
        raise(mongo, collection, id, update, null);
    }

    /** As {@link #raise(MongoTemplate, String, Object, Update)}, with this write concern (null: the service's). */
    public static void raise(MongoTemplate mongo, String collection, Object id, Update update, WriteConcern concern) {
        Document filter = new Document("_id", id);
        mongo.execute(collection, stored -> {
            var counters = concern == null ? stored : stored.withWriteConcern(concern);
            try {
                return counters.updateOne(filter, update.getUpdateObject(), new UpdateOptions().upsert(true));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                return counters.updateOne(filter, update.getUpdateObject());
            }
        });
    }
}
