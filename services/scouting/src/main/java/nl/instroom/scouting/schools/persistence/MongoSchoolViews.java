package nl.instroom.scouting.schools.persistence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.chassis.consumer.IdempotentWrites;
import nl.instroom.scouting.schools.domain.SchoolChange;
import nl.instroom.scouting.schools.domain.SchoolView;
import nl.instroom.scouting.schools.domain.SchoolViews;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per school and one per school's need: they come from two aggregates with revisions of their own,
 * so each has its own revision guard (and record of handled events). A need may arrive before its school.
 */
@Repository
class MongoSchoolViews implements SchoolViews {

    static final String SCHOOLS = "school_views";
    static final String NEEDS = "need_views";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    MongoSchoolViews(MongoTemplate mongo, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    @Override
    public List<Boolean> apply(List<SchoolChange> changes) {
        Map<String, List<IdempotentWrites.Effect>> effects = new LinkedHashMap<>();
        effects.put(SCHOOLS, changes.stream().map(change -> change instanceof SchoolChange.SchoolKnown school
                ? new IdempotentWrites.Effect(school.schoolCode(), school.eventId(), school.revision(),
                        new Update().set("name", school.name()).set("region", school.region()))
                : null).toList());
        effects.put(NEEDS, changes.stream().map(change -> change instanceof SchoolChange.NeedChanged need
                ? new IdempotentWrites.Effect(need.schoolCode(), need.eventId(), need.revision(),
                        new Update().set("region", need.region()).set("index", need.needIndex()))
                : null).toList());
        return writes.applyAllIn(effects);
    }

    @Override
    public Optional<SchoolView> find(String schoolCode) {
        return Optional.ofNullable(findAll(List.of(schoolCode)).get(schoolCode));
    }

    @Override
    public Map<String, SchoolView> findAll(Collection<String> schoolCodes) {
        if (schoolCodes.isEmpty()) {
            return Map.of();
        }
        return views(mongo.find(Query.query(Criteria.where("_id").in(schoolCodes)), Document.class, SCHOOLS));
    }

    @Override
    public List<SchoolView> inRegion(String region) {
        return List.copyOf(views(mongo.find(Query.query(Criteria.where("region").is(region)), Document.class,
                SCHOOLS)).values());
    }

    private Map<String, SchoolView> views(List<Document> schools) {
        Map<String, Double> needs = new LinkedHashMap<>();
        if (!schools.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(schools.stream().map(s -> s.getString("_id")).toList())),
                    Document.class, NEEDS).forEach(need -> needs.put(need.getString("_id"),
                    need.get("index", Number.class).doubleValue()));
        }
        Map<String, SchoolView> views = new LinkedHashMap<>();
        for (Document school : schools) {
            String code = school.getString("_id");
            views.put(code, new SchoolView(code, school.getString("name"), school.getString("region"),
                    needs.getOrDefault(code, 0.0)));
        }
        return views;
    }
}
