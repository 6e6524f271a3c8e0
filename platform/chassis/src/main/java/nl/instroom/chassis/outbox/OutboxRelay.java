package nl.instroom.chassis.outbox;

import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Drains the outbox arrays of the aggregate collections this service registered. Each pending event is published
 * and acknowledged before it is removed, so a crash between the two republishes it (consumers are idempotent).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final List<String> collections;
    private final int batchSize;

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<String> collections, int batchSize) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = List.copyOf(collections);
        this.batchSize = batchSize;
    }

    /** Publishes what is pending; returns how many events were published in this pass. */
    public int drain() {
        int published = 0;
        for (String collection : collections) {
            published += drain(collection);
        }
        return published;
    }

    private int drain(String collection) {
        Query pending = new Query(Criteria.where(PendingEvents.FIELD + ".0").exists(true)).limit(batchSize);
        pending.fields().include(PendingEvents.FIELD);
        int published = 0;
        for (Document document : mongo.find(pending, Document.class, collection)) {
            List<Document> outbox = document.getList(PendingEvents.FIELD, Document.class, List.of());
            for (Document entry : outbox) {
                PendingEvent event = mongo.getConverter().read(PendingEvent.class, entry);
                publisher.publish(event.envelope());
                mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
                        new Update().pull(PendingEvents.FIELD, new Document("eventId", event.eventId())),
                        collection);
                published++;
            }
        }
        if (published > 0) {
            log.debug("Outbox relay published {} event(s) from {}", published, collection);
        }
        return published;
    }
}
