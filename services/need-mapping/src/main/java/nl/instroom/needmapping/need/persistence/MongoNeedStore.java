package nl.instroom.needmapping.need.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.instroom.chassis.store.QueryIndexes;
import nl.instroom.chassis.outbox.Outbox;
import nl.instroom.chassis.outbox.OutboxDocuments;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.events.needmap.NeedComponent;
import nl.instroom.events.needmap.SchoolNeedChanged;
import nl.instroom.events.needmap.SubjectNeed;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.needmapping.need.domain.NeedIndexFormula;
import nl.instroom.needmapping.need.domain.NeedInputs;
import nl.instroom.needmapping.need.domain.NeedSources;
import nl.instroom.needmapping.need.domain.SchoolNeed;
import nl.instroom.needmapping.need.domain.SchoolNeeds;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The need's inputs, read for many schools at once (one query per kind of input), and the stored needs, written in
 * bulk: each need document carries its {@code SchoolNeedChanged} in its outbox, guarded by the revision (and the
 * confirmations) it replaces; an unchanged need is confirmed in the same bulk write.
 */
@Repository
class MongoNeedStore implements NeedSources, SchoolNeeds {

    static final String NEEDS = "school_needs";
    static final String HISTORY = "need_history";
    static final String UNFILLED_LESSONS = "unfilled_lessons";
    static final String EXPECTED_DEPARTURES = "expected_departures";
    static final String TUTOR_PLACEMENTS = "tutor_placements";
    static final String REGION_SIZES = "region_sizes";
    private static final String SCHOOLS = "schools";
    private static final String VACANCIES = "vacancies";
    private static final int DUPLICATE_KEY = 11000;
    /** How many passes found a stored need still right since it was stored (see {@link SchoolNeeds#store}). */
    private static final String CONFIRMATIONS = "confirmations";
    private static final int VACANCY_SLICE = 25;

    private final MongoTemplate mongo;
    private final PendingEvents pendingEvents;
    private final Outbox outbox;

    MongoNeedStore(MongoTemplate mongo, PendingEvents pendingEvents, Outbox outbox) {
        this.mongo = mongo;
        this.pendingEvents = pendingEvents;
        this.outbox = outbox;
        outbox.declare(NEEDS);
        QueryIndexes.declare(mongo, HISTORY, "schoolCode");
        QueryIndexes.declare(mongo, TUTOR_PLACEMENTS, "schoolCode");
    }

    @Override
    public Map<String, NeedInputs> inputsOf(Collection<String> schoolCodes) {
        List<String> codes = List.copyOf(new HashSet<>(schoolCodes));
        Query registered = Query.query(Criteria.where("_id").in(codes));
        registered.fields().include("region").include("pupils");
        List<Document> schools = mongo.find(registered, Document.class, SCHOOLS);
        Map<String, List<NeedInputs.Vacancy>> vacancies = new HashMap<>();
        // In slices: each query holds the collection while it reads (on the embedded store), so new vacancies
        // are not kept waiting for all of a pass's schools' vacancies at once.
        for (int from = 0; from < codes.size(); from += VACANCY_SLICE) {
            Query open = Query.query(Criteria.where("status").is("OPEN").and("schoolCode")
                    .in(codes.subList(from, Math.min(codes.size(), from + VACANCY_SLICE))));
            open.fields().include("schoolCode").include("subject").include("fte").include("openedOn")
                    .include("urgency");
            for (Document vacancy : mongo.find(open, Document.class, VACANCIES)) {
                vacancies.computeIfAbsent(vacancy.getString("schoolCode"), c -> new ArrayList<>())
                        .add(new NeedInputs.Vacancy(vacancy.getString("subject"), decimal(vacancy.get("fte")),
                                date(vacancy.get("openedOn")), Urgency.valueOf(vacancy.getString("urgency"))));
            }
        }
        Map<String, Double> lessons = values(UNFILLED_LESSONS, codes, "hoursPerWeek");
        Map<String, Double> departures = values(EXPECTED_DEPARTURES, codes, "fte");
        Map<String, Integer> tutors = new HashMap<>();
        Query active = Query.query(Criteria.where("active").is(true).and("schoolCode").in(codes));
        active.fields().include("schoolCode");
        for (Document placement : mongo.find(active, Document.class, TUTOR_PLACEMENTS)) {
            tutors.merge(placement.getString("schoolCode"), 1, Integer::sum);
        }
        Map<String, NeedInputs> inputs = new LinkedHashMap<>();
        for (Document school : schools) {
            String code = school.getString("_id");
            inputs.put(code, new NeedInputs(code, school.getString("region"), school.getInteger("pupils"),
                    vacancies.getOrDefault(code, List.of()), lessons.getOrDefault(code, 0.0),
                    departures.getOrDefault(code, 0.0), tutors.getOrDefault(code, 0)));
        }
        return inputs;
    }

    /**
     * Kept per region in {@value #REGION_SIZES}: counting them for every pass read all schools of the pass's regions
     * — with the whole country, nearly every school for every 200 scored (national benchmark).
     */
    @Override
    public Map<String, Double> medianPupils(Collection<String> regions) {
        Map<String, Double> medians = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(List.copyOf(new HashSet<>(regions)))), Document.class,
                REGION_SIZES).forEach(kept -> medians.put(kept.getString("_id"), kept.getDouble("medianPupils")));
        List<String> missing = regions.stream().filter(region -> !medians.containsKey(region)).distinct().toList();
        if (!missing.isEmpty()) {
            medians.putAll(countAndKeepMedians(missing));
        }
        return medians;
    }

    @Override
    public Set<String> refreshMedianPupils(Collection<String> regions) {
        return countAndKeepMedians(regions).keySet();
    }

    private Map<String, Double> countAndKeepMedians(Collection<String> regions) {
        Query inRegions = regions.isEmpty() ? new Query()
                : Query.query(Criteria.where("region").in(List.copyOf(new HashSet<>(regions))));
        inRegions.fields().include("region").include("pupils");
        Map<String, List<Integer>> pupils = new HashMap<>();
        regions.forEach(region -> pupils.put(region, new ArrayList<>()));
        for (Document school : mongo.find(inRegions, Document.class, SCHOOLS)) {
            pupils.computeIfAbsent(school.getString("region"), r -> new ArrayList<>()).add(school.getInteger("pupils"));
        }
        Map<String, Double> medians = new HashMap<>();
        List<WriteModel<Document>> writes = new ArrayList<>();
        pupils.forEach((region, counts) -> {
            double median = NeedIndexFormula.medianKnownPupils(counts);
            medians.put(region, median);
            writes.add(new UpdateOneModel<>(Filters.eq("_id", region), Updates.set("medianPupils", median),
                    new UpdateOptions().upsert(true)));
        });
        if (!writes.isEmpty()) {
            mongo.getCollection(REGION_SIZES).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        return medians;
    }

    @Override
    public List<String> schoolsOf(String region) {
        return codes(Query.query(Criteria.where("region").is(region)));
    }

    @Override
    public List<String> allSchools() {
        return codes(new Query());
    }

    @Override
    public List<String> schoolsWithOpenVacancies() {
        return mongo.findDistinct(Query.query(Criteria.where("status").is("OPEN")), "schoolCode", VACANCIES,
                String.class);
    }

    private List<String> codes(Query query) {
        query.fields().include("_id");
        return mongo.find(query, Document.class, SCHOOLS).stream().map(d -> d.getString("_id")).toList();
    }

    private Map<String, Double> values(String collection, List<String> codes, String field) {
        Map<String, Double> values = new HashMap<>();
        for (Document document : mongo.find(Query.query(Criteria.where("_id").in(codes)), Document.class,
                collection)) {
            Object value = document.get(field);
            values.put(document.getString("_id"), value == null ? 0.0 : decimal(value).doubleValue());
        }
        return values;
    }

    @Override
    public Optional<StoredNeed> current(String schoolCode) {
        return Optional.ofNullable(mongo.findById(schoolCode, Document.class, NEEDS)).map(MongoNeedStore::toStored);
    }

    @Override
    public Map<String, StoredNeed> currentOf(Collection<String> schoolCodes) {
        Query query = Query.query(Criteria.where("_id").in(List.copyOf(new HashSet<>(schoolCodes))));
        query.fields().exclude(PendingEvents.FIELD);
        Map<String, StoredNeed> stored = new HashMap<>();
        mongo.find(query, Document.class, NEEDS).forEach(d -> stored.put(d.getString("_id"), toStored(d)));
        return stored;
    }

    @Override
    public Set<String> store(List<Change> changes, List<StoredNeed> unchanged, Instant at) {
        List<WriteModel<Document>> writes = new ArrayList<>(changes.size() + unchanged.size());
        for (Change change : changes) {
            SchoolNeed need = change.need();
            long revision = change.replacesRevision() + 1;
            SchoolNeedChanged event = new SchoolNeedChanged(need.schoolCode(), need.region(), need.rawScore(),
                    need.subjects().entrySet().stream().map(subject -> new SubjectNeed(subject.getKey(),
                            subject.getValue().weightedOpenFte(), BigDecimal.valueOf(subject.getValue().openFte())))
                            .toList(),
                    need.components().stream().map(c -> new NeedComponent(c.name(), c.value(), c.weight())).toList(),
                    revision);
            List<Bson> update = new ArrayList<>();
            toDocument(need).forEach((field, value) -> update.add(Updates.set(field, value)));
            update.add(Updates.set("revision", revision));
            update.add(Updates.set(CONFIRMATIONS, 0L));
            update.add(Updates.set("computedAt", Date.from(at)));
            update.add(Updates.pushEach(PendingEvents.FIELD, OutboxDocuments.of(mongo.getConverter(),
                    pendingEvents.append(List.of(), List.of(event)))));
            // Upsert on the revision (and confirmations) it replaces: when someone else stored a newer one or
            // confirmed this one meanwhile, the upsert tries to insert the same _id again and the duplicate key says
            // "changed meanwhile" for this school alone.
            writes.add(new UpdateOneModel<>(unchangedSince(need.schoolCode(), change.replacesRevision(),
                    change.replacesConfirmations()), Updates.combine(update), new UpdateOptions().upsert(true)));
        }
        // A confirmation counts that the need was found still right from inputs read after it, which refuses the
        // write of a pass that read the need before — and so, possibly, the inputs before a change (the guard of a
        // change includes the confirmations). Itself it needs only the revision unchanged: another confirmation in
        // between was made from inputs read later still. Not an upsert: one that matches nothing (the need moved)
        // raises no error; the bulk result's count of matches tells whether any did not match, a read tells which.
        for (StoredNeed confirmed : unchanged) {
            writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", confirmed.need().schoolCode()),
                    Filters.eq("revision", confirmed.revision())), Updates.inc(CONFIRMATIONS, 1L)));
        }
        Set<String> conflicts = new HashSet<>();
        if (!writes.isEmpty()) {
            BulkWriteResult result;
            try {
                result = mongo.getCollection(NEEDS).bulkWrite(writes, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        throw e;
                    }
                    conflicts.add(changes.get(error.getIndex()).need().schoolCode());
                }
                result = e.getWriteResult();
            }
            // Matched: the changes that replaced a stored need (not those inserted as a school's first), and the
            // confirmations that held.
            int changesMatched = changes.size() - conflicts.size() - result.getUpserts().size();
            if (result.getMatchedCount() - changesMatched < unchanged.size()) {
                conflicts.addAll(movedSince(unchanged));
            }
        }
        List<Document> history = new ArrayList<>();
        for (Change change : changes) {
            String code = change.need().schoolCode();
            if (!conflicts.contains(code)) {
                outbox.written(NEEDS, code, 1);
                history.add(new Document("schoolCode", code).append("at", Date.from(at))
                        .append("rawScore", change.need().rawScore()));
            }
        }
        if (!history.isEmpty()) {
            mongo.getCollection(HISTORY).insertMany(history);
        }
        return conflicts;
    }

    /** Those of these needs whose stored revision is no longer the one read: stored anew meanwhile. */
    private Set<String> movedSince(List<StoredNeed> read) {
        Map<String, Long> revisions = new HashMap<>();
        read.forEach(need -> revisions.put(need.need().schoolCode(), need.revision()));
        Query query = Query.query(Criteria.where("_id").in(List.copyOf(revisions.keySet())));
        query.fields().include("revision");
        Set<String> moved = new HashSet<>(revisions.keySet());
        for (Document now : mongo.find(query, Document.class, NEEDS)) {
            if (revisions.get(now.getString("_id")) == now.get("revision", Number.class).longValue()) {
                moved.remove(now.getString("_id"));
            }
        }
        return moved;
    }

    /**
     * Matches a stored need only while it is still the one a change was computed from: the same revision and the same
     * number of confirmations (a need stored before confirmations were counted has none).
     */
    private static Bson unchangedSince(String schoolCode, long revision, long confirmations) {
        return Filters.and(Filters.eq("_id", schoolCode), Filters.eq("revision", revision),
                confirmations == 0 ? Filters.in(CONFIRMATIONS, 0L, null) : Filters.eq(CONFIRMATIONS, confirmations));
    }

    @Override
    public List<HistoryPoint> history(String schoolCode, int limit) {
        Query query = Query.query(Criteria.where("schoolCode").is(schoolCode))
                .with(Sort.by(Sort.Direction.DESC, "at")).limit(limit);
        List<HistoryPoint> points = new ArrayList<>(mongo.find(query, Document.class, HISTORY).stream()
                .map(d -> new HistoryPoint(d.getDate("at").toInstant(), d.getDouble("rawScore"))).toList());
        java.util.Collections.reverse(points);
        return points;
    }

    static Document toDocument(SchoolNeed need) {
        List<Document> components = need.components().stream().map(c -> new Document("name", c.name())
                .append("value", c.value()).append("weight", c.weight()).append("contribution", c.contribution())
                .append("explanation", c.explanation())).toList();
        // Subjects as a list, not a map: a subject name may hold characters MongoDB does not allow in field names.
        List<Document> subjects = need.subjects().entrySet().stream().map(s -> new Document("subject", s.getKey())
                .append("weightedOpenFte", s.getValue().weightedOpenFte())
                .append("openFte", s.getValue().openFte())).toList();
        return new Document("region", need.region()).append("rawScore", need.rawScore())
                .append("components", components).append("subjects", subjects);
    }

    private static StoredNeed toStored(Document d) {
        Number confirmations = d.get(CONFIRMATIONS, Number.class);
        return new StoredNeed(toNeed(d, d.getString("_id")), d.get("revision", Number.class).longValue(),
                d.getDate("computedAt").toInstant(), confirmations == null ? 0 : confirmations.longValue());
    }

    /** A need from the fields {@link #toDocument} wrote. */
    static SchoolNeed toNeed(Document d, String schoolCode) {
        List<SchoolNeed.Component> components = d.getList("components", Document.class).stream()
                .map(c -> new SchoolNeed.Component(c.getString("name"), c.getDouble("value"), c.getDouble("weight"),
                        c.getDouble("contribution"), c.getString("explanation"))).toList();
        Map<String, SchoolNeed.SubjectScore> subjects = new LinkedHashMap<>();
        d.getList("subjects", Document.class).forEach(s -> subjects.put(s.getString("subject"),
                new SchoolNeed.SubjectScore(s.getDouble("weightedOpenFte"), s.getDouble("openFte"))));
        return new SchoolNeed(schoolCode, d.getString("region"), d.getDouble("rawScore"), components, subjects);
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return new BigDecimal(String.valueOf(value));
    }

    /** Spring Data stores a LocalDate as the start of that day in the JVM's zone; read it back the same way. */
    private static LocalDate date(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(value));
    }
}
