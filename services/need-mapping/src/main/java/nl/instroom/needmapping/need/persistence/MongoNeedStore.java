package nl.instroom.needmapping.need.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.chassis.outbox.Outbox;
import nl.instroom.chassis.outbox.OutboxDocuments;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.events.needmap.NeedComponent;
import nl.instroom.events.needmap.SchoolNeedChanged;
import nl.instroom.events.needmap.SubjectNeed;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.needmapping.need.domain.NeedInputs;
import nl.instroom.needmapping.need.domain.NeedSources;
import nl.instroom.needmapping.need.domain.SchoolNeed;
import nl.instroom.needmapping.need.domain.SchoolNeeds;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoNeedStore implements NeedSources, SchoolNeeds {

    static final String NEEDS = "school_needs";
    static final String HISTORY = "need_history";
    static final String UNFILLED_LESSONS = "unfilled_lessons";
    static final String EXPECTED_DEPARTURES = "expected_departures";
    static final String TUTOR_PLACEMENTS = "tutor_placements";

    private final MongoTemplate mongo;
    private final PendingEvents pendingEvents;
    private final Outbox outbox;

    MongoNeedStore(MongoTemplate mongo, PendingEvents pendingEvents, Outbox outbox) {
        this.mongo = mongo;
        this.pendingEvents = pendingEvents;
        this.outbox = outbox;
        outbox.declare(NEEDS);
    }

    @Override
    public List<String> regions() {
        return mongo.findDistinct(new Query(), "region", "schools", String.class);
    }

    @Override
    public Optional<String> regionOf(String schoolCode) {
        Query query = Query.query(Criteria.where("_id").is(schoolCode));
        query.fields().include("region");
        return Optional.ofNullable(mongo.findOne(query, Document.class, "schools")).map(d -> d.getString("region"));
    }

    @Override
    public List<NeedInputs> inputsOfRegion(String region) {
        Query inRegion = Query.query(Criteria.where("region").is(region));
        inRegion.fields().include("pupils");
        List<Document> schools = mongo.find(inRegion, Document.class, "schools");
        List<String> codes = schools.stream().map(d -> d.getString("_id")).toList();
        Map<String, List<NeedInputs.Vacancy>> vacancies = new HashMap<>();
        for (Document vacancy : mongo.find(Query.query(Criteria.where("status").is("OPEN").and("schoolCode").in(codes)),
                Document.class, "vacancies")) {
            vacancies.computeIfAbsent(vacancy.getString("schoolCode"), c -> new ArrayList<>())
                    .add(new NeedInputs.Vacancy(vacancy.getString("subject"), decimal(vacancy.get("fte")),
                            date(vacancy.get("openedOn")), Urgency.valueOf(vacancy.getString("urgency"))));
        }
        Map<String, Double> lessons = values(UNFILLED_LESSONS, codes, "hoursPerWeek");
        Map<String, Double> departures = values(EXPECTED_DEPARTURES, codes, "fte");
        Map<String, Integer> tutors = new HashMap<>();
        for (Document placement : mongo.find(Query.query(Criteria.where("active").is(true).and("schoolCode").in(codes)),
                Document.class, TUTOR_PLACEMENTS)) {
            tutors.merge(placement.getString("schoolCode"), 1, Integer::sum);
        }
        return schools.stream().map(school -> {
            String code = school.getString("_id");
            return new NeedInputs(code, region, school.getInteger("pupils"), vacancies.getOrDefault(code, List.of()),
                    lessons.getOrDefault(code, 0.0), departures.getOrDefault(code, 0.0), tutors.getOrDefault(code, 0));
        }).toList();
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
    public List<StoredNeed> ofRegion(String region) {
        return mongo.find(Query.query(Criteria.where("region").is(region)), Document.class, NEEDS).stream()
                .map(MongoNeedStore::toStored).toList();
    }

    @Override
    public void changed(SchoolNeed need, Instant at) {
        Document current = mongo.findById(need.schoolCode(), Document.class, NEEDS);
        long revision = current == null ? 1 : current.get("revision", Number.class).longValue() + 1;
        List<PendingEvent> alreadyPending = current == null ? List.of()
                : OutboxDocuments.from(mongo.getConverter(), current.getList(PendingEvents.FIELD, Document.class));
        SchoolNeedChanged event = new SchoolNeedChanged(need.schoolCode(), need.region(), need.index(),
                need.subjects().entrySet().stream().map(subject -> new SubjectNeed(subject.getKey(),
                        subject.getValue().index(), BigDecimal.valueOf(subject.getValue().openFte()))).toList(),
                need.components().stream().map(c -> new NeedComponent(c.name(), c.value(), c.weight())).toList(),
                revision);
        Document document = toDocument(need).append("_id", need.schoolCode()).append("revision", revision)
                .append("computedAt", Date.from(at));
        document.append(PendingEvents.FIELD, OutboxDocuments.of(mongo.getConverter(),
                pendingEvents.append(alreadyPending, List.of(event))));
        mongo.save(document, NEEDS);
        outbox.written(NEEDS, need.schoolCode(), 1);
        mongo.insert(new Document("schoolCode", need.schoolCode()).append("at", Date.from(at))
                .append("index", need.index()).append("rawScore", need.rawScore()), HISTORY);
    }

    @Override
    public List<HistoryPoint> history(String schoolCode, int limit) {
        Query query = Query.query(Criteria.where("schoolCode").is(schoolCode))
                .with(Sort.by(Sort.Direction.DESC, "at")).limit(limit);
        List<HistoryPoint> points = new ArrayList<>(mongo.find(query, Document.class, HISTORY).stream()
                .map(d -> new HistoryPoint(d.getDate("at").toInstant(), d.getDouble("index"),
                        d.getDouble("rawScore"))).toList());
        java.util.Collections.reverse(points);
        return points;
    }

    private static Document toDocument(SchoolNeed need) {
        List<Document> components = need.components().stream().map(c -> new Document("name", c.name())
                .append("value", c.value()).append("weight", c.weight()).append("contribution", c.contribution())
                .append("explanation", c.explanation())).toList();
        // Subjects as a list, not a map: a subject name may hold characters MongoDB does not allow in field names.
        List<Document> subjects = need.subjects().entrySet().stream().map(s -> new Document("subject", s.getKey())
                .append("index", s.getValue().index()).append("weightedOpenFte", s.getValue().weightedOpenFte())
                .append("openFte", s.getValue().openFte())).toList();
        return new Document("region", need.region()).append("index", need.index())
                .append("rawScore", need.rawScore()).append("components", components).append("subjects", subjects);
    }

    private static StoredNeed toStored(Document d) {
        List<SchoolNeed.Component> components = d.getList("components", Document.class).stream()
                .map(c -> new SchoolNeed.Component(c.getString("name"), c.getDouble("value"), c.getDouble("weight"),
                        c.getDouble("contribution"), c.getString("explanation"))).toList();
        Map<String, SchoolNeed.SubjectScore> subjects = new LinkedHashMap<>();
        d.getList("subjects", Document.class).forEach(s -> subjects.put(s.getString("subject"),
                new SchoolNeed.SubjectScore(s.getDouble("index"), s.getDouble("weightedOpenFte"),
                        s.getDouble("openFte"))));
        return new StoredNeed(new SchoolNeed(d.getString("_id"), d.getString("region"), d.getDouble("index"),
                d.getDouble("rawScore"), components, subjects), d.get("revision", Number.class).longValue(),
                d.getDate("computedAt").toInstant());
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
