package nl.instroom.chassis.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.store.QueryIndexes;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Appends and finds audit entries. Entries name pseudonymous ids, never names or content. */
public class AuditTrail {

    public static final String COLLECTION = "audit_log";

    /** One entry: who did what to whose data, when. */
    public record AuditEntry(String actor, String action, String subjectRef, Instant at) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public AuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Declares the index erasure's lookups by subject use; the chassis calls it once when it makes the trail. */
    public AuditTrail withIndexes() {
        QueryIndexes.declare(mongo, COLLECTION, "subjectRef");
        return this;
    }

    /** Records an action of the current caller (or of the system, outside a request). */
    public void record(String action, String subjectRef) {
        String actor = CurrentUser.find().map(CurrentUser::subject).orElse("system");
        recordAs(actor, action, subjectRef);
    }

    public void recordAs(String actor, String action, String subjectRef) {
        mongo.insert(entry(actor, action, subjectRef, Date.from(clock.instant())), COLLECTION);
    }

    /**
     * Records one action of the current caller on each of several people — a list page shows many — as one entry per
     * person, written in one batch rather than one round trip per person.
     */
    public void recordEach(String action, Collection<String> subjectRefs) {
        if (subjectRefs.isEmpty()) {
            return;
        }
        String actor = CurrentUser.find().map(CurrentUser::subject).orElse("system");
        Date at = Date.from(clock.instant());
        mongo.insert(subjectRefs.stream().map(ref -> entry(actor, action, ref, at)).toList(), COLLECTION);
    }

    private static Document entry(String actor, String action, String subjectRef, Date at) {
        return new Document("actor", actor).append("action", action).append("subjectRef", subjectRef)
                .append("at", at);
    }

    /**
     * Replaces an erased person's reference in every entry by {@code erased}: the one change the trail allows, because
     * erasure must leave no trace of the person, while the entries (who did what, when) stay.
     */
    public long forget(String subjectRef) {
        return mongo.updateMulti(new Query(Criteria.where("subjectRef").is(subjectRef)),
                new org.springframework.data.mongodb.core.query.Update().set("subjectRef", "erased"), COLLECTION)
                .getModifiedCount();
    }

    /**
     * Deletes at most {@code limit} of the entries written before {@code cutoff} — the retention period of the trail
     * ({@code instroom.retention.audit-entry}) — oldest first; returns how many.
     */
    public int removeBefore(Instant cutoff, int limit) {
        Query oldest = new Query(Criteria.where("at").lt(Date.from(cutoff))).with(Sort.by(Sort.Direction.ASC, "at"))
                .limit(limit);
        oldest.fields().include("_id");
        List<Object> ids = mongo.find(oldest, Document.class, COLLECTION).stream().map(entry -> entry.get("_id"))
                .toList();
        if (ids.isEmpty()) {
            return 0;
        }
        return (int) mongo.remove(new Query(Criteria.where("_id").in(ids)), COLLECTION).getDeletedCount();
    }

    /** Newest first; each filter optional. */
    public List<AuditEntry> find(String subjectRef, String actor, int limit) {
        Criteria criteria = new Criteria();
        if (subjectRef != null) {
            criteria = criteria.and("subjectRef").is(subjectRef);
        }
        if (actor != null) {
            criteria = criteria.and("actor").is(actor);
        }
        Query query = new Query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(entry -> new AuditEntry(entry.getString("actor"), entry.getString("action"),
                        entry.getString("subjectRef"), entry.getDate("at").toInstant()))
                .toList();
    }
}
