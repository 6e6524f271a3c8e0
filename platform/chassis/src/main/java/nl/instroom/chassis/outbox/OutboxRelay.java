package nl.instroom.chassis.outbox;

import com.mongodb.WriteConcern;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Publishes the events waiting in the {@code outbox} arrays of a service's aggregate documents, on a thread of its
 * own.
 *
 * <p>A write that added events wakes the relay ({@link #written}). The relay takes the documents that are due — as
 * many as one batch holds — reads them by {@code _id} in one query per collection, sends all their events without
 * waiting, then waits for the whole batch's acknowledgements and removes what was acknowledged in one bulk write
 * per collection. A periodic {@link #sweep} finds what no wake-up announced: what a crashed process left, what
 * another instance has not published for a while.
 *
 * <p>Per document the events are walked in order: acknowledged ones are removed; at the first one that failed for
 * a reason worth retrying, the walk stops and the document is tried again later, so a later event never overtakes
 * an earlier one of the same aggregate. An event the broker refuses for good (one over its size limit) is parked in
 * the document's {@code outboxParked} array with its error, counted, and never holds up anything else. A crash
 * between publishing and removing publishes again: consumers see a duplicate, never a gap. Several instances are
 * safe the same way: at worst both publish a document's events, each in order.
 *
 * <p>While Kafka is down a circuit breaker keeps the relay from hammering it; events wait in their documents.
 */
public class OutboxRelay implements Outbox, SmartLifecycle {

    public static final String PARKED = "outboxParked";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration RETRY_DELAY = Duration.ofMillis(500);
    private static final int SWEEP_LIMIT = 10_000;

    /** A document with pending events. */
    record DocumentKey(String collection, Object id) {
    }

    /** What the relay knows is waiting in one document: how many events, since when. */
    record Known(int events, Instant since) {
    }

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final int batchSize;
    private final Duration acknowledgementTimeout;
    private final Duration sweepAge;
    private final CircuitBreaker circuitBreaker;
    private final MeterRegistry meters;
    private final Clock clock;

    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final Map<DocumentKey, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Long> parkedSinceStart = new ConcurrentHashMap<>();

    // Guarded by itself: what is due now (in arrival order), and what is due again later (nanoTime).
    private final LinkedHashSet<DocumentKey> due = new LinkedHashSet<>();
    private final Map<DocumentKey, Long> retryAt = new HashMap<>();

    private volatile boolean running;
    private volatile boolean swept;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, int batchSize, Duration acknowledgementTimeout,
            Duration sweepAge, CircuitBreaker circuitBreaker, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.sweepAge = sweepAge;
        this.circuitBreaker = circuitBreaker;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void declare(String collection) {
        if (collections.add(collection)) {
            OutboxBacklog.register(meters, collection, this);
        }
    }

    @Override
    public void written(String collection, Object id, int events) {
        if (events <= 0) {
            return;
        }
        declare(collection);
        DocumentKey key = new DocumentKey(collection, id);
        known.merge(key, new Known(events, clock.instant()),
                (before, added) -> new Known(before.events() + added.events(), before.since()));
        synchronized (due) {
            due.add(key);
            due.notifyAll();
        }
    }

    /** The collections the relay publishes from. */
    public Set<String> collections() {
        return Set.copyOf(collections);
    }

    /** Events known to wait in a collection, and the time the oldest of them was written (null when none). */
    long pendingIn(String collection) {
        long count = 0;
        for (Map.Entry<DocumentKey, Known> entry : known.entrySet()) {
            if (entry.getKey().collection().equals(collection)) {
                count += entry.getValue().events();
            }
        }
        return count;
    }

    double oldestAgeSeconds(String collection) {
        Instant oldest = oldestIn(collection);
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    private Instant oldestIn(String collection) {
        Instant oldest = null;
        for (Map.Entry<DocumentKey, Known> entry : known.entrySet()) {
            if (entry.getKey().collection().equals(collection)
                    && (oldest == null || entry.getValue().since().isBefore(oldest))) {
                oldest = entry.getValue().since();
            }
        }
        return oldest;
    }

    long parkedIn(String collection) {
        return parkedSinceStart.getOrDefault(collection, 0L);
    }

    /**
     * Finds documents with events that no wake-up announced: on the first sweep after start every pending one (a
     * crash may have left some), later only those waiting longer than the sweep age (another instance's, or one
     * whose wake-up was lost). On MongoDB the query is served by the {@code outbox.time} index made at start.
     */
    public int sweep() {
        Instant cutoff = swept ? clock.instant().minus(sweepAge) : clock.instant().plusSeconds(1);
        int found = 0;
        for (String collection : collections) {
            List<Document> pending = mongo.getCollection(collection)
                    .find(Filters.lt(PendingEvents.FIELD + ".time", Date.from(cutoff)))
                    .projection(Projections.include(PendingEvents.FIELD + ".time")).limit(SWEEP_LIMIT)
                    .into(new ArrayList<>());
            for (Document document : pending) {
                List<Document> outbox = document.getList(PendingEvents.FIELD, Document.class, List.of());
                if (outbox.isEmpty()) {
                    continue;
                }
                DocumentKey key = new DocumentKey(collection, document.get("_id"));
                Date since = outbox.get(0).getDate("time");
                known.put(key, new Known(outbox.size(), since == null ? clock.instant() : since.toInstant()));
                synchronized (due) {
                    due.add(key);
                }
                found++;
            }
        }
        swept = true;
        if (found > 0) {
            synchronized (due) {
                due.notifyAll();
            }
            log.debug("Outbox sweep found {} document(s) with pending events", found);
        }
        return found;
    }

    @Override
    public void start() {
        for (String collection : collections) {
            try {
                mongo.indexOps(collection).createIndex(new Index().on(PendingEvents.FIELD + ".time",
                        Sort.Direction.ASC).named("outbox_time").sparse());
            } catch (RuntimeException e) {
                log.warn("Index for the outbox sweep of {} not made: {}", collection, e.getMessage());
            }
        }
        running = true;
        worker = new Thread(this::work, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        synchronized (due) {
            due.notifyAll();
        }
        if (worker != null) {
            try {
                worker.join(acknowledgementTimeout.plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the consumers and stops before them; it has no dependency on them either way. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void work() {
        while (running) {
            List<DocumentKey> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch.isEmpty()) {
                continue;
            }
            if (!circuitBreaker.tryAcquirePermission()) {
                meters.counter("instroom.outbox.publish.rejected").increment();
                retryLater(batch, Duration.ofSeconds(1));
                continue;
            }
            long started = System.nanoTime();
            try {
                boolean allPublished = publish(batch);
                if (allPublished) {
                    circuitBreaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                } else {
                    circuitBreaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS,
                            new IllegalStateException("Kafka did not acknowledge every event of the batch"));
                }
            } catch (RuntimeException e) {
                circuitBreaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
                retryLater(batch, RETRY_DELAY);
                log.warn("Outbox relay batch failed, its events stay pending: {}", e.toString());
            }
        }
    }

    /** Waits for documents that are due; returns up to a batch of them in the order they became due. */
    private List<DocumentKey> nextBatch() throws InterruptedException {
        synchronized (due) {
            while (running) {
                long now = System.nanoTime();
                long nextRetry = Long.MAX_VALUE;
                for (Iterator<Map.Entry<DocumentKey, Long>> it = retryAt.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<DocumentKey, Long> entry = it.next();
                    if (entry.getValue() <= now) {
                        due.add(entry.getKey());
                        it.remove();
                    } else {
                        nextRetry = Math.min(nextRetry, entry.getValue());
                    }
                }
                if (!due.isEmpty()) {
                    List<DocumentKey> batch = new ArrayList<>(Math.min(due.size(), batchSize));
                    for (Iterator<DocumentKey> it = due.iterator(); it.hasNext() && batch.size() < batchSize; ) {
                        batch.add(it.next());
                        it.remove();
                    }
                    return batch;
                }
                long waitMillis = nextRetry == Long.MAX_VALUE ? 1000
                        : Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextRetry - now));
                due.wait(Math.min(waitMillis, 1000));
            }
            return List.of();
        }
    }

    private void retryLater(List<DocumentKey> keys, Duration delay) {
        long at = System.nanoTime() + delay.toNanos();
        synchronized (due) {
            for (DocumentKey key : keys) {
                retryAt.merge(key, at, Math::min);
            }
        }
    }

    /** One document's events as read, and what became of each. */
    private static final class Draining {
        final DocumentKey key;
        final List<PendingEvent> events;
        final List<CompletableFuture<?>> sends = new ArrayList<>();

        Draining(DocumentKey key, List<PendingEvent> events) {
            this.key = key;
            this.events = events;
        }
    }

    /** Publishes the batch's events; returns false when some were not acknowledged and wait for a retry. */
    private boolean publish(List<DocumentKey> batch) {
        List<Draining> documents = read(batch);
        boolean unreachable = false;
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (Draining document : documents) {
            for (PendingEvent event : document.events) {
                CompletableFuture<?> sent;
                if (unreachable) {
                    sent = CompletableFuture.failedFuture(new IllegalStateException("not sent: broker unreachable"));
                } else {
                    try {
                        sent = publisher.send(event);
                    } catch (RuntimeException e) {
                        // send() itself throws when it cannot even learn the topic's partitions: the rest of the
                        // batch would wait just as long, so it is not sent now.
                        sent = CompletableFuture.failedFuture(e);
                        unreachable = !EventPublisher.refusedForGood(e);
                    }
                }
                document.sends.add(sent);
                all.add(sent);
            }
        }
        awaitAll(all);
        return settle(documents);
    }

    private List<Draining> read(List<DocumentKey> batch) {
        Map<String, List<Object>> idsByCollection = new LinkedHashMap<>();
        for (DocumentKey key : batch) {
            idsByCollection.computeIfAbsent(key.collection(), c -> new ArrayList<>()).add(key.id());
        }
        Map<DocumentKey, Draining> byKey = new HashMap<>();
        for (Map.Entry<String, List<Object>> collection : idsByCollection.entrySet()) {
            List<Document> read = mongo.getCollection(collection.getKey())
                    .find(Filters.in("_id", collection.getValue()))
                    .projection(Projections.include(PendingEvents.FIELD)).into(new ArrayList<>());
            for (Document document : read) {
                List<Document> outbox = document.getList(PendingEvents.FIELD, Document.class, List.of());
                DocumentKey key = new DocumentKey(collection.getKey(), document.get("_id"));
                byKey.put(key, new Draining(key, OutboxDocuments.from(mongo.getConverter(), outbox)));
            }
        }
        List<Draining> documents = new ArrayList<>();
        for (DocumentKey key : batch) {
            Draining document = byKey.get(key);
            if (document == null || document.events.isEmpty()) {
                // Gone, or drained already (by us before, or by another instance).
                known.remove(key);
            } else {
                documents.add(document);
            }
        }
        return documents;
    }

    private void awaitAll(List<CompletableFuture<?>> sends) {
        if (sends.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(acknowledgementTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException someFailed) {
            // Looked at one by one below.
        }
    }

    /**
     * Removes what was acknowledged and parks what was refused for good, in one bulk write per collection; leaves
     * the rest pending and due again later. Returns whether everything sent was acknowledged or parked.
     */
    private boolean settle(List<Draining> documents) {
        Map<String, List<WriteModel<Document>>> writes = new LinkedHashMap<>();
        List<DocumentKey> again = new ArrayList<>();
        for (Draining document : documents) {
            List<String> done = new ArrayList<>();
            List<Document> parked = new ArrayList<>();
            boolean stopped = false;
            for (int i = 0; i < document.events.size() && !stopped; i++) {
                PendingEvent event = document.events.get(i);
                Throwable failure = failureOf(document.sends.get(i));
                if (failure == null) {
                    done.add(event.eventId());
                    meters.counter("instroom.events.published", "type", event.type()).increment();
                } else if (EventPublisher.refusedForGood(failure)) {
                    done.add(event.eventId());
                    parked.add(parkedEntry(event, failure));
                    parkedSinceStart.merge(document.key.collection(), 1L, Long::sum);
                    meters.counter("instroom.outbox.parked", "type", event.type(),
                            "exception", rootCause(failure).getClass().getSimpleName()).increment();
                    log.error("Event {} of type {} refused by Kafka for good and parked in {} {}: {}",
                            event.eventId(), event.type(), document.key.collection(), document.key.id(),
                            rootCause(failure).toString());
                } else {
                    stopped = true;
                }
            }
            if (!done.isEmpty()) {
                List<Bson> changes = new ArrayList<>();
                changes.add(Updates.pull(PendingEvents.FIELD, Filters.in("eventId", done)));
                if (!parked.isEmpty()) {
                    changes.add(Updates.pushEach(PARKED, parked));
                }
                writes.computeIfAbsent(document.key.collection(), c -> new ArrayList<>())
                        .add(new UpdateOneModel<>(Filters.eq("_id", document.key.id()), Updates.combine(changes)));
            }
            int left = document.events.size() - done.size();
            Instant now = clock.instant();
            known.compute(document.key, (k, before) -> {
                // Writes made while the batch was out added to what was known; they are due already.
                int remaining = Math.max(left, before == null ? 0 : before.events() - done.size());
                if (remaining == 0) {
                    return null;
                }
                Instant since = left > 0 && before != null ? before.since() : now;
                return new Known(remaining, since);
            });
            if (left > 0) {
                again.add(document.key);
            }
        }
        for (Map.Entry<String, List<WriteModel<Document>>> collection : writes.entrySet()) {
            // Unjournaled on purpose: losing this removal in a crash only publishes the events again, which
            // consumers recognise; waiting for the disk here would only slow the relay down.
            mongo.getCollection(collection.getKey()).withWriteConcern(WriteConcern.W1)
                    .bulkWrite(collection.getValue(), new BulkWriteOptions().ordered(false));
        }
        if (!again.isEmpty()) {
            retryLater(again, RETRY_DELAY);
        }
        return again.isEmpty();
    }

    private Document parkedEntry(PendingEvent event, Throwable failure) {
        Document entry = OutboxDocuments.of(mongo.getConverter(), List.of(event)).get(0);
        Throwable root = rootCause(failure);
        entry.append("error", root.getClass().getName() + ": " + root.getMessage())
                .append("parkedAt", Date.from(clock.instant()));
        return entry;
    }

    private static Throwable failureOf(CompletableFuture<?> send) {
        if (!send.isDone()) {
            return new TimeoutException("no acknowledgement in time");
        }
        if (!send.isCompletedExceptionally()) {
            return null;
        }
        try {
            send.join();
            return null;
        } catch (RuntimeException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
