package nl.instroom.scouting.schools.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.instroom.chassis.store.QueryIndexes;
import nl.instroom.chassis.consumer.IdempotentWrites;
import nl.instroom.events.needmap.NeedIndex;
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
 * so each has its own revision guard (and record of handled events). A need may arrive before its school. Needs are
 * kept as the scores need-mapping publishes; the index within a region is derived when read.
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
        QueryIndexes.declare(mongo, SCHOOLS, "region");
        QueryIndexes.declare(mongo, NEEDS, "region");
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
                        new Update().set("region", need.region()).set("rawScore", need.rawScore()))
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

    /**
     * The schools with their need index, derived within each school's region from the scores need-mapping
     * published: one read of those regions' needs for their highest scores.
     */
    private Map<String, SchoolView> views(List<Document> schools) {
        Set<String> regions = new HashSet<>();
        schools.forEach(school -> regions.add(school.getString("region")));
        Map<String, Double> scores = new HashMap<>();
        Map<String, Double> highestByRegion = new HashMap<>();
        if (!regions.isEmpty()) {
            for (Document need : mongo.find(Query.query(Criteria.where("region").in(regions)), Document.class,
                    NEEDS)) {
                double score = need.get("rawScore", Number.class) == null ? 0
                        : need.get("rawScore", Number.class).doubleValue();
                scores.put(need.getString("_id"), score);
                highestByRegion.merge(need.getString("region"), score, Math::max);
            }
        }
        Map<String, SchoolView> views = new LinkedHashMap<>();
        for (Document school : schools) {
            String code = school.getString("_id");
            String region = school.getString("region");
            views.put(code, new SchoolView(code, school.getString("name"), region, NeedIndex.withinRegion(
                    scores.getOrDefault(code, 0.0), highestByRegion.getOrDefault(region, 0.0))));
        }
        return views;
    }
}
