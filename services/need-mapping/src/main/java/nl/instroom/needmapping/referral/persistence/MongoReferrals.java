package nl.instroom.needmapping.referral.persistence;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import nl.instroom.chassis.consumer.IdempotentWrites;
import nl.instroom.chassis.store.QueryIndexes;
import nl.instroom.events.Sector;
import nl.instroom.needmapping.referral.domain.Referral;
import nl.instroom.needmapping.referral.domain.Referrals;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per case and region ({@code _id} case id and region): the case's revision guards it, so a referral
 * delivered again or overtaken by a newer one of the same case changes nothing. The day is kept as an ISO date
 * text, which sorts and compares as the day does on every store.
 */
@Repository
class MongoReferrals implements Referrals {

    static final String COLLECTION = "referrals";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    MongoReferrals(MongoTemplate mongo, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        QueryIndexes.declare(mongo, COLLECTION, "region");
        QueryIndexes.declare(mongo, COLLECTION, "caseRef");
    }

    @Override
    public boolean record(String eventId, Referral referral, long revision) {
        Update update = new Update().set("caseRef", referral.caseRef()).set("region", referral.region())
                .set("sector", referral.sector().name()).set("subject", referral.subject())
                .set("referredOn", referral.referredOn().toString());
        return writes.applyOnce(COLLECTION, referral.caseRef() + ":" + referral.region(), eventId, revision, update);
    }

    @Override
    public boolean progress(String eventId, String caseRef, String region, YearMonth inTrainingSince,
            YearMonth workingSince, long revision) {
        Update update = new Update().set("caseRef", caseRef).set("region", region)
                .set("inTrainingSince", month(inTrainingSince)).set("workingSince", month(workingSince));
        return writes.applyOnce(COLLECTION, caseRef + ":" + region, eventId, revision, update);
    }

    private static String month(YearMonth month) {
        return month == null ? null : month.toString();
    }

    private static YearMonth month(String month) {
        return month == null ? null : YearMonth.parse(month);
    }

    @Override
    public List<Referral> inRegionSince(String region, LocalDate since, int limit) {
        Query query = Query.query(Criteria.where("region").is(region).and("referredOn").gte(since.toString()))
                .with(Sort.by(Sort.Order.desc("referredOn"), Sort.Order.asc("_id"))).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoReferrals::toDomain).toList();
    }

    @Override
    public int removeCase(String caseRef) {
        return (int) mongo.remove(Query.query(Criteria.where("caseRef").is(caseRef)), COLLECTION).getDeletedCount();
    }

    private static Referral toDomain(Document document) {
        return new Referral(document.getString("caseRef"), document.getString("region"),
                Sector.valueOf(document.getString("sector")), document.getString("subject"),
                LocalDate.parse(document.getString("referredOn")), month(document.getString("inTrainingSince")),
                month(document.getString("workingSince")));
    }
}
