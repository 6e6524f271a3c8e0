package nl.instroom.chassis.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Measures what waits in the outbox: the number of pending events and the age of the oldest, per collection, as
 * the gauges {@code instroom.outbox.backlog} and {@code instroom.outbox.oldest.age} (seconds).
 */
public class OutboxBacklog {

    private final MongoTemplate mongo;
    private final List<String> collections;
    private final Clock clock;
    private final Map<String, long[]> pendingByCollection = new ConcurrentHashMap<>();
    private final Map<String, double[]> oldestAgeByCollection = new ConcurrentHashMap<>();

    public OutboxBacklog(MongoTemplate mongo, List<String> collections, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.collections = List.copyOf(collections);
        this.clock = clock;
        for (String collection : collections) {
            long[] pending = pendingByCollection.computeIfAbsent(collection, c -> new long[1]);
            double[] age = oldestAgeByCollection.computeIfAbsent(collection, c -> new double[1]);
            Gauge.builder("instroom.outbox.backlog", pending, value -> value[0])
                    .description("Events written but not yet acknowledged by Kafka")
                    .tag("collection", collection).register(meters);
            Gauge.builder("instroom.outbox.oldest.age", age, value -> value[0])
                    .description("Seconds the oldest pending event has waited").baseUnit("seconds")
                    .tag("collection", collection).register(meters);
        }
    }

    /** Recounts; returns the total number of pending events. */
    public long measure() {
        long total = 0;
        Instant now = clock.instant();
        for (String collection : collections) {
            Query pending = new Query(Criteria.where(PendingEvents.FIELD + ".0").exists(true));
            pending.fields().include(PendingEvents.FIELD + ".time");
            long count = 0;
            Instant oldest = null;
            for (Document document : mongo.find(pending, Document.class, collection)) {
                for (Document entry : document.getList(PendingEvents.FIELD, Document.class, List.of())) {
                    count++;
                    Date time = entry.getDate("time");
                    if (time != null && (oldest == null || time.toInstant().isBefore(oldest))) {
                        oldest = time.toInstant();
                    }
                }
            }
            pendingByCollection.get(collection)[0] = count;
            oldestAgeByCollection.get(collection)[0] = oldest == null ? 0
                    : Math.max(0, (now.toEpochMilli() - oldest.toEpochMilli()) / 1000.0);
            total += count;
        }
        return total;
    }
}
