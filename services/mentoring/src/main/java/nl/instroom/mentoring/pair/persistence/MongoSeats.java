package nl.instroom.mentoring.pair.persistence;

import java.util.List;
import nl.instroom.mentoring.pair.domain.Seats;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per sign-up: the pairs holding one of its seats and their count. A seat is taken by one conditional
 * update — "fewer than capacity taken, and not by this pair" — which the store applies atomically to the document,
 * so however many acceptances arrive at once, at most capacity of them succeed.
 */
@Repository
class MongoSeats implements Seats {

    @Document("seats")
    record SeatsDocument(@Id String signUpId, int taken, List<String> pairs) {
    }

    private final MongoTemplate mongo;

    MongoSeats(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean take(String signUpId, int capacity, String pairId) {
        SeatsDocument seats = mongo.findById(signUpId, SeatsDocument.class);
        if (seats == null) {
            try {
                mongo.insert(new SeatsDocument(signUpId, 0, List.of()));
            } catch (DuplicateKeyException madeMeanwhile) {
                // another acceptance made it first; the conditional update below decides
            }
        } else if (seats.pairs().contains(pairId)) {
            return true;
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(signUpId).and("taken").lt(capacity)
                        .and("pairs").ne(pairId)), new Update().inc("taken", 1).push("pairs", pairId),
                SeatsDocument.class).getModifiedCount() == 1;
    }

    @Override
    public void release(String signUpId, String pairId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(signUpId).and("pairs").is(pairId)),
                new Update().inc("taken", -1).pull("pairs", pairId), SeatsDocument.class);
    }
}
