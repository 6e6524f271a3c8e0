package nl.instroom.chassis.outbox;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Drains the outbox arrays of a service's aggregate collections.
 *
 * <p>Per document: claim it with a lease (one atomic find-and-modify, so two instances never drain the same
 * document at once), publish its pending events in order, each acknowledged by the broker, then remove exactly the
 * published ones and release the lease. A crash after publishing and before removing republishes the events when
 * the lease has run out: a duplicate for consumers, never a loss. A change saved meanwhile replaces the document
 * with its own outbox; removal by event id keeps the events it added.
 *
 * <p>Publishing goes through a circuit breaker and a retry: while Kafka is down, passes fail fast and events wait
 * in their documents; when it returns, they drain.
 */
public class OutboxRelay {

    static final String LEASE = "outboxLease";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final List<String> collections;
    private final int batchSize;
    private final Duration leaseDuration;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<String> collections, int batchSize,
            Duration leaseDuration, CircuitBreaker circuitBreaker, Retry retry, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = List.copyOf(collections);
        this.batchSize = batchSize;
        this.leaseDuration = leaseDuration;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
        this.meters = meters;
        this.clock = clock;
    }

    /** Publishes what is pending, up to a batch per collection; returns how many events were published. */
    public int drain() {
        int published = 0;
        for (String collection : collections) {
            for (int i = 0; i < batchSize; i++) {
                Document claimed = claimNext(collection);
                if (claimed == null) {
                    break;
                }
                published += drainDocument(collection, claimed);
            }
        }
        return published;
    }

    private Document claimNext(String collection) {
        Instant now = clock.instant();
        Query pendingAndFree = new Query(new Criteria().andOperator(
                Criteria.where(PendingEvents.FIELD + ".0").exists(true),
                new Criteria().orOperator(Criteria.where(LEASE).exists(false), Criteria.where(LEASE).is(null),
                        Criteria.where(LEASE + ".until").lt(Date.from(now)))));
        pendingAndFree.fields().include(PendingEvents.FIELD).include(LEASE);
        Update lease = new Update().set(LEASE, new Document("owner", owner)
                .append("until", Date.from(now.plus(leaseDuration))));
        return mongo.findAndModify(pendingAndFree, lease, FindAndModifyOptions.options().returnNew(true),
                Document.class, collection);
    }

    private int drainDocument(String collection, Document claimed) {
        Object id = claimed.get("_id");
        List<Document> outbox = claimed.getList(PendingEvents.FIELD, Document.class, List.of());
        int published = 0;
        try {
            for (PendingEvent event : OutboxDocuments.from(mongo.getConverter(), outbox)) {
                circuitBreaker.executeRunnable(() -> retry.executeRunnable(() -> publisher.publish(event)));
                meters.counter("instroom.events.published", "type", event.type()).increment();
                // Removed one by one: a crash midway republishes only what was not yet removed.
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                        new Update().pull(PendingEvents.FIELD, new Document("eventId", event.eventId())), collection);
                published++;
            }
        } catch (CallNotPermittedException open) {
            meters.counter("instroom.outbox.publish.rejected").increment();
            throw new EventPublisher.PublishFailedException("Circuit open: Kafka is unavailable", open);
        } finally {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(LEASE + ".owner").is(owner)),
                    new Update().unset(LEASE), collection);
        }
        log.debug("Outbox relay published {} event(s) of a document in {}", published, collection);
        return published;
    }
}
