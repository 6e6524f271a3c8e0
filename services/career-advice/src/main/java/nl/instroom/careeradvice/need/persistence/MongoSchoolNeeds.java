package nl.instroom.careeradvice.need.persistence;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.careeradvice.need.domain.NeedChange;
import nl.instroom.careeradvice.need.domain.SchoolNeed;
import nl.instroom.careeradvice.need.domain.SchoolNeeds;
import nl.instroom.chassis.consumer.IdempotentWrites;
import nl.instroom.chassis.store.QueryIndexes;
import nl.instroom.events.Sector;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per school and one per school's need: two aggregates with revisions of their own, each with its own
 * revision guard and record of handled events. A need may arrive before its school.
 */
@Repository
class MongoSchoolNeeds implements SchoolNeeds {

    static final String SCHOOLS = "school_views";
    static final String NEEDS = "need_views";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    MongoSchoolNeeds(MongoTemplate mongo, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        QueryIndexes.declare(mongo, SCHOOLS, "sector");
    }

    @Override
    public List<Boolean> apply(List<NeedChange> changes) {
        Map<String, List<IdempotentWrites.Effect>> effects = new LinkedHashMap<>();
        effects.put(SCHOOLS, changes.stream().map(change -> change instanceof NeedChange.SchoolKnown school
                ? new IdempotentWrites.Effect(school.schoolCode(), school.eventId(), school.revision(),
                        new Update().set("name", school.name())
                                .set("sector", school.sector() == null ? null : school.sector().name())
                                .set("postcode", school.postcode()).set("latitude", school.latitude())
                                .set("longitude", school.longitude()).set("region", school.region()))
                : null).toList());
        effects.put(NEEDS, changes.stream().map(change -> change instanceof NeedChange.NeedChanged need
                ? new IdempotentWrites.Effect(need.schoolCode(), need.eventId(), need.revision(),
                        new Update().set("region", need.region()).set("rawScore", need.rawScore())
                                .set("subjects", new Document(new LinkedHashMap<>(need.subjects()))))
                : null).toList());
        return writes.applyAllIn(effects);
    }

    @Override
    public List<SchoolNeed> ofSector(Sector sector) {
        List<Document> schools = mongo.find(Query.query(Criteria.where("sector").is(sector.name())), Document.class,
                SCHOOLS);
        Map<String, Document> needs = new HashMap<>();
        List<String> codes = schools.stream().map(school -> school.getString("_id")).toList();
        for (int from = 0; from < codes.size(); from += 500) {
            mongo.find(Query.query(Criteria.where("_id").in(codes.subList(from, Math.min(codes.size(), from + 500)))),
                    Document.class, NEEDS).forEach(need -> needs.put(need.getString("_id"), need));
        }
        return schools.stream().map(school -> {
            Document need = needs.get(school.getString("_id"));
            Map<String, Double> subjects = new HashMap<>();
            double rawScore = 0;
            if (need != null) {
                Number score = need.get("rawScore", Number.class);
                rawScore = score == null ? 0 : score.doubleValue();
                Document stored = need.get("subjects", Document.class);
                if (stored != null) {
                    stored.forEach((subject, value) -> subjects.put(subject, ((Number) value).doubleValue()));
                }
            }
            return new SchoolNeed(school.getString("_id"), school.getString("name"), sector,
                    school.getString("postcode"), number(school, "latitude"), number(school, "longitude"),
                    school.getString("region"), rawScore, subjects);
        }).toList();
    }

    private static double number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.doubleValue();
    }
}
