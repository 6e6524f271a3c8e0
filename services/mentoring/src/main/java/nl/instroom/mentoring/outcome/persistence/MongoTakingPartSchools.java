package nl.instroom.mentoring.outcome.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.instroom.mentoring.outcome.domain.TakingPartSchools;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per school code ({@code _id}): that it takes part is all there is to it. */
@Repository
class MongoTakingPartSchools implements TakingPartSchools {

    static final String COLLECTION = "taking_part_schools";

    private final MongoTemplate mongo;

    MongoTakingPartSchools(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void note(Collection<String> schoolCodes) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (String school : new TreeSet<>(schoolCodes)) {
            bulk.upsert(Query.query(Criteria.where("_id").is(school)), new Update().setOnInsert("takesPart", true));
        }
        bulk.execute();
    }

    @Override
    public Set<String> among(Collection<String> schoolCodes) {
        if (schoolCodes.isEmpty()) {
            return Set.of();
        }
        List<Document> found = mongo.find(Query.query(Criteria.where("_id").in(schoolCodes)), Document.class,
                COLLECTION);
        Set<String> schools = new TreeSet<>();
        found.forEach(school -> schools.add(school.getString("_id")));
        return schools;
    }
}
