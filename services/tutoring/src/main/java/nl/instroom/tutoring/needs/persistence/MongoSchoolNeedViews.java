package nl.instroom.tutoring.needs.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.chassis.consumer.IdempotentWrites;
import nl.instroom.tutoring.needs.domain.SchoolNeedView;
import nl.instroom.tutoring.needs.domain.SchoolNeedViews;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per school. School facts and need arrive from two aggregates with revisions of their own, so each
 * goes into a sub-document of its own with its own revision guard (and its own record of handled events).
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
    }

    @Override
    public boolean schoolKnown(String eventId, String schoolCode, String name, String region, double latitude,
            double longitude, long revision) {
        return writes.applyOnce(SCHOOLS, schoolCode, eventId, revision, new Update().set("name", name)
                .set("region", region).set("latitude", latitude).set("longitude", longitude));
    }

    @Override
    public boolean needChanged(String eventId, String schoolCode, String region, double needIndex,
            Map<String, Double> subjectIndex, long revision) {
        List<Document> subjects = subjectIndex.entrySet().stream()
                .map(subject -> new Document("subject", subject.getKey()).append("index", subject.getValue()))
                .toList();
        return writes.applyOnce(NEEDS, schoolCode, eventId, revision, new Update().set("region", region)
                .set("index", needIndex).set("subjects", subjects));
    }

    @Override
    public Optional<SchoolNeedView> find(String schoolCode) {
        return Optional.ofNullable(mongo.findById(schoolCode, Document.class, SCHOOLS)).map(this::view);
    }

    @Override
    public List<SchoolNeedView> inRegion(String region) {
        return mongo.find(Query.query(Criteria.where("region").is(region)), Document.class, SCHOOLS).stream()
                .map(this::view).toList();
    }

    private SchoolNeedView view(Document school) {
        Document need = mongo.findById(school.getString("_id"), Document.class, NEEDS);
        Map<String, Double> subjects = new LinkedHashMap<>();
        if (need != null) {
            need.getList("subjects", Document.class, List.of()).forEach(subject ->
                    subjects.put(subject.getString("subject"), subject.getDouble("index")));
        }
        return new SchoolNeedView(school.getString("_id"), school.getString("name"), school.getString("region"),
                school.getDouble("latitude"), school.getDouble("longitude"),
                need == null ? 0 : need.getDouble("index"), subjects,
                school.get("revision", Number.class).longValue(),
                need == null ? 0 : need.get("revision", Number.class).longValue());
    }
}
