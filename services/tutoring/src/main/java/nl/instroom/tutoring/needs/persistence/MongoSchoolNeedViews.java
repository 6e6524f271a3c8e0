package nl.instroom.tutoring.needs.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.chassis.consumer.IdempotentWrites;
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
    public List<Boolean> apply(List<SchoolNeedChange> changes) {
        Map<String, List<IdempotentWrites.Effect>> effects = new LinkedHashMap<>();
        effects.put(SCHOOLS, changes.stream().map(change -> change instanceof SchoolNeedChange.SchoolKnown school
                ? new IdempotentWrites.Effect(school.schoolCode(), school.eventId(), school.revision(), new Update()
                        .set("name", school.name()).set("region", school.region())
                        .set("latitude", school.latitude()).set("longitude", school.longitude()))
                : null).toList());
        effects.put(NEEDS, changes.stream().map(change -> change instanceof SchoolNeedChange.NeedChanged need
                ? new IdempotentWrites.Effect(need.schoolCode(), need.eventId(), need.revision(), new Update()
                        .set("region", need.region()).set("index", need.needIndex())
                        .set("subjects", subjects(need.subjectIndex())))
                : null).toList());
        return writes.applyAllIn(effects);
    }

    private static List<Document> subjects(Map<String, Double> subjectIndex) {
        return subjectIndex.entrySet().stream()
                .map(subject -> new Document("subject", subject.getKey()).append("index", subject.getValue()))
                .toList();
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
