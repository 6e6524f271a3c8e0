package nl.instroom.tutoring.needs.persistence;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.instroom.chassis.store.QueryIndexes;
import nl.instroom.chassis.consumer.IdempotentWrites;
import nl.instroom.events.needmap.NeedIndex;
import nl.instroom.tutoring.needs.domain.SchoolNeedChange;
import nl.instroom.tutoring.needs.domain.SchoolNeedView;
import nl.instroom.tutoring.needs.domain.SchoolNeedViews;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per school in each of two collections: school facts and need arrive from two aggregates with
 * revisions of their own, so each has its own revision guard (and its own record of handled events). Needs are kept
 * as the scores need-mapping publishes; their indexes within the region are derived when read.
 */
@Repository
class MongoSchoolNeedViews implements SchoolNeedViews {

    static final String SCHOOLS = "school_views";
    static final String NEEDS = "need_views";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    MongoSchoolNeedViews(MongoTemplate mongo, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        QueryIndexes.declare(mongo, SCHOOLS, "region");
        QueryIndexes.declare(mongo, NEEDS, "region");
    }

    @Override
    public List<Boolean> apply(List<SchoolNeedChange> changes) {
        Map<String, List<IdempotentWrites.Effect>> effects = new LinkedHashMap<>();
        effects.put(SCHOOLS, changes.stream().map(change -> change instanceof SchoolNeedChange.SchoolKnown school
                ? new IdempotentWrites.Effect(school.schoolCode(), school.eventId(), school.revision(), new Update()
                        .set("name", school.name()).set("region", school.region())
                        .set("latitude", school.latitude()).set("longitude", school.longitude())
                        .set("tutoringDays", school.tutoringDays() == null ? null
                                : school.tutoringDays().stream().sorted().map(DayOfWeek::name).toList())
                        .set("tutorCapacity", school.tutorCapacity()))
                : null).toList());
        effects.put(NEEDS, changes.stream().map(change -> change instanceof SchoolNeedChange.NeedChanged need
                ? new IdempotentWrites.Effect(need.schoolCode(), need.eventId(), need.revision(), new Update()
                        .set("region", need.region()).set("rawScore", need.rawScore())
                        .set("subjects", subjects(need.subjectScores())))
                : null).toList());
        return writes.applyAllIn(effects);
    }

    private static List<Document> subjects(Map<String, Double> subjectScores) {
        return subjectScores.entrySet().stream()
                .map(subject -> new Document("subject", subject.getKey()).append("weightedOpenFte",
                        subject.getValue()))
                .toList();
    }

    @Override
    public Optional<SchoolNeedView> find(String schoolCode) {
        Document school = mongo.findById(schoolCode, Document.class, SCHOOLS);
        if (school == null) {
            return Optional.empty();
        }
        return Optional.of(views(List.of(school), school.getString("region")).get(0));
    }

    @Override
    public List<SchoolNeedView> inRegion(String region) {
        return views(mongo.find(Query.query(Criteria.where("region").is(region)), Document.class, SCHOOLS), region);
    }

    /**
     * The schools with their need, indexes derived within the region from the scores need-mapping published: one
     * read of the region's needs for the region's highest scores, overall and per subject.
     */
    private List<SchoolNeedView> views(List<Document> schools, String region) {
        Map<String, Document> needs = new HashMap<>();
        double highest = 0;
        Map<String, Double> highestBySubject = new HashMap<>();
        for (Document need : mongo.find(Query.query(Criteria.where("region").is(region)), Document.class, NEEDS)) {
            needs.put(need.getString("_id"), need);
            highest = Math.max(highest, score(need));
            for (Document subject : need.getList("subjects", Document.class, List.of())) {
                highestBySubject.merge(subject.getString("subject"), subjectScore(subject), Math::max);
            }
        }
        List<SchoolNeedView> views = new ArrayList<>(schools.size());
        for (Document school : schools) {
            Document need = needs.get(school.getString("_id"));
            Map<String, Double> subjects = new LinkedHashMap<>();
            if (need != null) {
                need.getList("subjects", Document.class, List.of()).forEach(subject -> subjects.put(
                        subject.getString("subject"), NeedIndex.withinRegion(subjectScore(subject),
                                highestBySubject.getOrDefault(subject.getString("subject"), 0.0))));
            }
            views.add(new SchoolNeedView(school.getString("_id"), school.getString("name"),
                    school.getString("region"), school.getDouble("latitude"), school.getDouble("longitude"),
                    need == null ? 0 : NeedIndex.withinRegion(score(need), highest), subjects,
                    school.get("revision", Number.class).longValue(),
                    need == null ? 0 : need.get("revision", Number.class).longValue(), tutoringDays(school),
                    school.getInteger("tutorCapacity")));
        }
        return views;
    }

    /** Null where the school has not said, also in documents written before schools could say. */
    private static Set<DayOfWeek> tutoringDays(Document school) {
        List<String> days = school.getList("tutoringDays", String.class);
        return days == null || days.isEmpty() ? null
                : days.stream().map(DayOfWeek::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static double score(Document need) {
        Number raw = need.get("rawScore", Number.class);
        return raw == null ? 0 : raw.doubleValue();
    }

    private static double subjectScore(Document subject) {
        Number weighted = subject.get("weightedOpenFte", Number.class);
        return weighted == null ? 0 : weighted.doubleValue();
    }
}
