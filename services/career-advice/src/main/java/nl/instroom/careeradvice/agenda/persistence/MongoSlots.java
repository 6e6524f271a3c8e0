package nl.instroom.careeradvice.agenda.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import nl.instroom.careeradvice.agenda.domain.Slot;
import nl.instroom.careeradvice.agenda.domain.Slots;
import nl.instroom.chassis.store.QueryIndexes;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per slot. A booking is a single conditional update — {@code _id} and {@code status: FREE} and a
 * start still ahead in the filter, {@code status: BOOKED} in the update — which MongoDB and the embedded store both
 * apply atomically per document: of any number of concurrent bookings of a slot exactly one matches
 * (docs/embedded-store.md: a filter that pins {@code _id} plus further conditions).
 */
@Repository
class MongoSlots implements Slots {

    static final String COLLECTION = "advice_slots";

    private final MongoTemplate mongo;

    MongoSlots(MongoTemplate mongo) {
        this.mongo = mongo;
        QueryIndexes.declare(mongo, COLLECTION, "start");
        QueryIndexes.declare(mongo, COLLECTION, "advisorRef");
        QueryIndexes.declare(mongo, COLLECTION, "caseId");
    }

    @Override
    public void add(Slot slot) {
        mongo.insert(new Document("_id", slot.id()).append("advisorRef", slot.advisorRef())
                .append("start", Date.from(slot.start())).append("end", Date.from(slot.end()))
                .append("status", slot.status().name()), COLLECTION);
    }

    @Override
    public Optional<Slot> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(MongoSlots::slot);
    }

    @Override
    public Booking book(String slotId, String caseId, Instant now) {
        long changed = mongo.updateFirst(Query.query(Criteria.where("_id").is(slotId)
                        .and("status").is(Slot.Status.FREE.name()).and("start").gt(Date.from(now))),
                new Update().set("status", Slot.Status.BOOKED.name()).set("caseId", caseId)
                        .set("bookedAt", Date.from(now)), COLLECTION).getModifiedCount();
        if (changed == 1) {
            return Booking.BOOKED;
        }
        return mongo.exists(Query.query(Criteria.where("_id").is(slotId)), COLLECTION) ? Booking.TAKEN
                : Booking.UNKNOWN;
    }

    @Override
    public void release(String slotId, String caseId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(slotId).and("caseId").is(caseId)),
                new Update().set("status", Slot.Status.FREE.name()).unset("caseId").unset("bookedAt"), COLLECTION);
    }

    @Override
    public boolean withdraw(String slotId, String advisorRef) {
        return mongo.remove(Query.query(Criteria.where("_id").is(slotId).and("advisorRef").is(advisorRef)
                .and("status").is(Slot.Status.FREE.name())), COLLECTION).getDeletedCount() == 1;
    }

    @Override
    public List<Slot> free(Instant from, Instant to, int limit) {
        return mongo.find(Query.query(Criteria.where("start").gt(Date.from(from)).lte(Date.from(to))
                        .and("status").is(Slot.Status.FREE.name())).with(Sort.by("start", "_id")).limit(limit),
                Document.class, COLLECTION).stream().map(MongoSlots::slot).toList();
    }

    @Override
    public List<Slot> ofAdvisor(String advisorRef, Instant from, Instant to) {
        return mongo.find(Query.query(Criteria.where("advisorRef").is(advisorRef).and("start").gte(Date.from(from))
                .lte(Date.from(to))).with(Sort.by("start", "_id")), Document.class, COLLECTION).stream()
                .map(MongoSlots::slot).toList();
    }

    @Override
    public List<Slot> ofCase(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)).with(Sort.by("start", "_id")),
                Document.class, COLLECTION).stream().map(MongoSlots::slot).toList();
    }

    @Override
    public int forgetCase(String caseId, Instant now) {
        long freed = mongo.updateMulti(Query.query(Criteria.where("caseId").is(caseId).and("start")
                        .gt(Date.from(now))), new Update().set("status", Slot.Status.FREE.name()).unset("caseId")
                        .unset("bookedAt"), COLLECTION).getModifiedCount();
        long held = mongo.updateMulti(Query.query(Criteria.where("caseId").is(caseId)), new Update().unset("caseId"),
                COLLECTION).getModifiedCount();
        return (int) (freed + held);
    }

    private static Slot slot(Document document) {
        return new Slot(document.getString("_id"), document.getString("advisorRef"),
                document.getDate("start").toInstant(), document.getDate("end").toInstant(),
                Slot.Status.valueOf(document.getString("status")), document.getString("caseId"));
    }
}
