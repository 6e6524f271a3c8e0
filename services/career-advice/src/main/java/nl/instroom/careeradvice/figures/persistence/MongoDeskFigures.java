package nl.instroom.careeradvice.figures.persistence;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.careeradvice.figures.domain.DeskFigures;
import nl.instroom.chassis.store.Counters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document of counters per month ({@code _id} = {@code 2026-09}), raised in place ({@code $inc}, upsert) with
 * the store's usual journaled write concern: unlike the route finder's counters these are the desk's published
 * figures, raised a few times a day. Referrals are nested per region, sector and subject
 * ({@code referrals.AM36.VO.wiskunde}); region codes, sectors and subjects (letters, spaces, dashes) are safe as keys.
 */
@Repository
class MongoDeskFigures implements DeskFigures {

    static final String COLLECTION = "desk_figures";
    /** The key of "no subject" (po and so are referred by sector only). */
    static final String NO_SUBJECT = "-";

    private final MongoTemplate mongo;

    MongoDeskFigures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void requested(YearMonth month, boolean newCase) {
        Update update = new Update().inc("requests", 1);
        if (newCase) {
            update.inc("newCases", 1);
        }
        raise(month, update);
    }

    @Override
    public void advised(YearMonth month) {
        raise(month, new Update().inc("advised", 1));
    }

    @Override
    public void reached(YearMonth month, List<String> phases) {
        if (phases.isEmpty()) {
            return;
        }
        Update update = new Update();
        phases.forEach(phase -> update.inc("reached." + phase, 1));
        raise(month, update);
    }

    @Override
    public void left(YearMonth month, String reason) {
        raise(month, new Update().inc("left." + reason, 1));
    }

    @Override
    public void referred(YearMonth month, String region, String sector, String subject) {
        raise(month, new Update().inc("referrals." + region + "." + sector + "."
                + (subject == null || subject.isBlank() ? NO_SUBJECT : subject), 1));
    }

    @Override
    public List<Month> months(YearMonth from, YearMonth to) {
        Map<String, Document> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").gte(from.toString()).lte(to.toString())), Document.class,
                COLLECTION).forEach(document -> stored.put(document.getString("_id"), document));
        List<Month> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Document document = stored.getOrDefault(month.toString(), new Document());
            List<Referrals> referrals = new ArrayList<>();
            Document regions = document.get("referrals", Document.class);
            if (regions != null) {
                regions.forEach((region, sectors) -> ((Document) sectors).forEach((sector, subjects) ->
                        ((Document) subjects).forEach((subject, count) -> referrals.add(new Referrals(region, sector,
                                NO_SUBJECT.equals(subject) ? null : subject, ((Number) count).longValue())))));
            }
            months.add(new Month(month, number(document, "requests"), number(document, "newCases"),
                    number(document, "advised"), counts(document, "reached"), counts(document, "left"), referrals));
        }
        return months;
    }

    private void raise(YearMonth month, Update update) {
        Counters.raise(mongo, COLLECTION, month.toString(), update);
    }

    private static Map<String, Long> counts(Document document, String field) {
        Map<String, Long> counts = new HashMap<>();
        Document stored = document.get(field, Document.class);
        if (stored != null) {
            stored.forEach((key, count) -> counts.put(key, ((Number) count).longValue()));
        }
        return counts;
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
