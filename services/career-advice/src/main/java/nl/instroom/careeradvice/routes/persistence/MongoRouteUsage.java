package nl.instroom.careeradvice.routes.persistence;

import com.mongodb.WriteConcern;
import jakarta.annotation.PreDestroy;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.instroom.careeradvice.routes.domain.RouteUsage;
import nl.instroom.chassis.store.Counters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * One document of counters per month ({@code _id} = {@code 2026-09}), raised in place ({@code $inc}, upsert).
 *
 * <p><b>Counted in memory, written every few seconds.</b> A visitor's request only adds to this instance's pending
 * counts; a flush ({@code instroom.advice.usage-flush-ms}, 2 s by default, and when the service stops) raises each
 * month's document once with all of them. The profile of the route finder's benchmark showed the counter as a third
 * store round trip on every start, completion and routes page — one hot document under the store's collection lock
 * — and each round trip as a chance of meeting a pause of the store (docs/performance.md, route finder). What a
 * crash can lose is the last few seconds' counts of anonymous use, which harms nobody; a flush that fails puts its
 * counts back for the next one. Reading adds this instance's pending counts, so its own figures are never behind.
 * Unjournaled (acknowledged by the store, not waiting for its journal) for the same reason
 * (docs/career-advice.md, "Usage, anonymously").
 */
@Repository
class MongoRouteUsage implements RouteUsage {

    static final String COLLECTION = "route_usage";

    private static final Logger log = LoggerFactory.getLogger(MongoRouteUsage.class);

    private final MongoTemplate mongo;
    /** Counts not yet written, per month and counter field ({@code routesShown.<route>} for a route). */
    private final Map<YearMonth, Map<String, AtomicLong>> pending = new ConcurrentHashMap<>();

    MongoRouteUsage(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void sessionStarted(YearMonth month) {
        add(month, "sessionsStarted", 1);
    }

    @Override
    public void sessionCompleted(YearMonth month) {
        add(month, "sessionsCompleted", 1);
    }

    @Override
    public void routesShown(YearMonth month, List<String> routeIds) {
        if (!routeIds.isEmpty()) {
            add(month, "completedWithRoutes", 1);
        }
        routeIds.forEach(route -> add(month, "routesShown." + route, 1));
    }

    private void add(YearMonth month, String field, long count) {
        pending.computeIfAbsent(month, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(field, key -> new AtomicLong()).addAndGet(count);
    }

    /** Writes the pending counts: one {@code $inc} per month. Each count is taken once, and put back on failure. */
    @Scheduled(fixedDelayString = "${instroom.advice.usage-flush-ms:2000}")
    @PreDestroy
    synchronized void flush() {
        for (Map.Entry<YearMonth, Map<String, AtomicLong>> month : pending.entrySet()) {
            Map<String, Long> taken = new HashMap<>();
            month.getValue().forEach((field, count) -> {
                long value = count.getAndSet(0);
                if (value != 0) {
                    taken.put(field, value);
                }
            });
            if (taken.isEmpty()) {
                continue;
            }
            Update update = new Update();
            taken.forEach(update::inc);
            try {
                raise(month.getKey(), update);
            } catch (RuntimeException e) {
                taken.forEach((field, value) -> add(month.getKey(), field, value));
                log.warn("The route finder's usage counts of {} could not be written; kept for the next flush: {}",
                        month.getKey(), e.toString());
            }
        }
    }

    /** Synchronized with {@link #flush()}: counts taken by a flush are read once written, never missed meanwhile. */
    @Override
    public synchronized List<Month> months(YearMonth from, YearMonth to) {
        Map<String, Document> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").gte(from.toString()).lte(to.toString())), Document.class,
                COLLECTION).forEach(document -> stored.put(document.getString("_id"), document));
        List<Month> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Document document = stored.getOrDefault(month.toString(), new Document());
            Map<String, Long> shown = new HashMap<>();
            Document routes = document.get("routesShown", Document.class);
            if (routes != null) {
                routes.forEach((route, count) -> shown.put(route, ((Number) count).longValue()));
            }
            Map<String, AtomicLong> notYetWritten = pending.getOrDefault(month, Map.of());
            notYetWritten.forEach((field, count) -> {
                if (field.startsWith("routesShown.")) {
                    shown.merge(field.substring("routesShown.".length()), count.get(), Long::sum);
                }
            });
            months.add(new Month(month, number(document, "sessionsStarted") + pendingOf(notYetWritten,
                    "sessionsStarted"), number(document, "sessionsCompleted") + pendingOf(notYetWritten,
                    "sessionsCompleted"), shown));
        }
        return months;
    }

    private void raise(YearMonth month, Update update) {
        Counters.raise(mongo, COLLECTION, month.toString(), update, WriteConcern.W1);
    }

    private static long pendingOf(Map<String, AtomicLong> notYetWritten, String field) {
        AtomicLong count = notYetWritten.get(field);
        return count == null ? 0 : count.get();
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
