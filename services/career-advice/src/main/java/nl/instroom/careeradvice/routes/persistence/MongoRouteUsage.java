package nl.instroom.careeradvice.routes.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.model.UpdateOptions;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.careeradvice.routes.domain.RouteUsage;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document of counters per month ({@code _id} = {@code 2026-09}), raised in place ({@code $inc}, upsert).
 * Unjournaled on purpose (acknowledged by the store, not waiting for its journal): counters of anonymous use, raised
 * on every start and completion, where a crash losing the last few counts harms nobody, and waiting for the journal
 * would put a commit on the path of every visitor (docs/career-advice.md, "Usage, anonymously").
 */
@Repository
class MongoRouteUsage implements RouteUsage {

    static final String COLLECTION = "route_usage";

    private final MongoTemplate mongo;

    MongoRouteUsage(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void sessionStarted(YearMonth month) {
        raise(month, new Update().inc("sessionsStarted", 1));
    }

    @Override
    public void sessionCompleted(YearMonth month) {
        raise(month, new Update().inc("sessionsCompleted", 1));
    }

    @Override
    public void routesShown(YearMonth month, List<String> routeIds) {
        Update update = new Update().inc("completedWithRoutes", routeIds.isEmpty() ? 0 : 1);
        routeIds.forEach(route -> update.inc("routesShown." + route, 1));
        raise(month, update);
    }

    @Override
    public List<Month> months(YearMonth from, YearMonth to) {
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
            months.add(new Month(month, number(document, "sessionsStarted"), number(document, "sessionsCompleted"),
                    shown));
        }
        return months;
    }

    private void raise(YearMonth month, Update update) {
        Document filter = new Document("_id", month.toString());
        // Through the template, so that a store failure is translated as every other write's is.
        mongo.execute(COLLECTION, stored -> {
            var counters = stored.withWriteConcern(WriteConcern.W1);
            try {
                return counters.updateOne(filter, update.getUpdateObject(), new UpdateOptions().upsert(true));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // Two first counts of a month raced to insert its document: it exists now, so raise it.
                return counters.updateOne(filter, update.getUpdateObject());
            }
        });
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
