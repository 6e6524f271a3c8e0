package nl.instroom.scouting.referral.persistence;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import nl.instroom.chassis.consumer.IdempotentWrites;
import nl.instroom.chassis.privacy.StoreDigests;
import nl.instroom.chassis.store.QueryIndexes;
import nl.instroom.events.Sector;
import nl.instroom.scouting.referral.domain.Referral;
import nl.instroom.scouting.referral.domain.Referrals;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per case and region, under the keyed digest ({@link StoreDigests}) of both: enough to count a case
 * once and let its newer referral win (the case's revision guards the document), without keeping the case's
 * reference — the funnel names nobody, so an erasure finds nothing here to remove, as with an erased talent the
 * counts stay. The day is an ISO date text, which compares as the day does on every store.
 */
@Repository
class MongoReferrals implements Referrals {

    static final String COLLECTION = "referrals";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;
    private final StoreDigests digests;

    MongoReferrals(MongoTemplate mongo, IdempotentWrites writes, StoreDigests digests) {
        this.mongo = mongo;
        this.writes = writes;
        this.digests = digests;
        QueryIndexes.declare(mongo, COLLECTION, "region");
    }

    @Override
    public boolean record(String eventId, Referral referral, long revision) {
        Update update = new Update().set("region", referral.region()).set("sector", referral.sector().name())
                .set("subject", referral.subject()).set("referredOn", referral.referredOn().toString());
        return writes.applyOnce(COLLECTION, digests.of(referral.caseRef() + "\u0000" + referral.region()), eventId,
                revision, update);
    }

    @Override
    public boolean progress(String eventId, String caseRef, String region, YearMonth inTrainingSince,
            YearMonth workingSince, long revision) {
        Update update = new Update().set("region", region)
                .set("inTrainingSince", inTrainingSince == null ? null : inTrainingSince.toString())
                .set("workingSince", workingSince == null ? null : workingSince.toString());
        return writes.applyOnce(COLLECTION, digests.of(caseRef + "\u0000" + region), eventId, revision, update);
    }

    @Override
    public Stages stagesBetween(String region, LocalDate from, LocalDate to) {
        Query query = Query.query(Criteria.where("region").is(region).and("referredOn").gte(from.toString())
                .lte(to.toString()));
        query.fields().include("inTrainingSince").include("workingSince");
        int inTraining = 0;
        int working = 0;
        for (Document referral : mongo.find(query, Document.class, COLLECTION)) {
            inTraining += referral.getString("inTrainingSince") != null ? 1 : 0;
            working += referral.getString("workingSince") != null ? 1 : 0;
        }
        return new Stages(inTraining, working);
    }

    @Override
    public Map<Sector, Integer> countBetween(String region, LocalDate from, LocalDate to) {
        Query query = Query.query(Criteria.where("region").is(region).and("referredOn").gte(from.toString())
                .lte(to.toString()));
        query.fields().include("sector");
        Map<Sector, Integer> counts = new EnumMap<>(Sector.class);
        for (Document referral : mongo.find(query, Document.class, COLLECTION)) {
            counts.merge(Sector.valueOf(referral.getString("sector")), 1, Integer::sum);
        }
        return counts;
    }
}
