package nl.instroom.scouting.suggestion.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.privacy.StoreDigests;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.scouting.suggestion.domain.Suggestion;
import nl.instroom.scouting.suggestion.domain.SuggestionStatus;
import nl.instroom.scouting.suggestion.domain.Suggestions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per suggestion under its random id. The unique index on {@code fact} — the keyed digest
 * ({@link StoreDigests}) of what the suggestion is about — is what makes a redelivered or re-sent event a no-op; the
 * digest outlives an erasure or the retention purge, so the same event cannot bring the suggestion back either (the
 * erasure ledger stops it before it gets here too). Suggestions cause no events, so there is no outbox here.
 */
@Repository
class MongoSuggestions implements Suggestions {

    @Document(SuggestionDocument.COLLECTION)
    record SuggestionDocument(@Id String id, String fact, Suggestion.Source source, PersonKind personKind, String personRef,
            String schoolCode, TalentKind suggestedKind, String subject, Integer talentForTeaching,
            Integer reliability, String ambition, LocalDate occurredOn, Instant receivedAt, SuggestionStatus status,
            String talentId, LocalDate decidedOn) {

        static final String COLLECTION = "suggestions";
    }

    private static final String ERASED = "erased";

    private final MongoTemplate mongo;
    private final StoreDigests digests;

    MongoSuggestions(MongoTemplate mongo, StoreDigests digests) {
        this.mongo = mongo;
        this.digests = digests;
        // Sparse: suggestions stored before the fact was kept have none, and must not collide.
        mongo.indexOps(SuggestionDocument.COLLECTION).createIndex(new Index().on("fact", Sort.Direction.ASC)
                .unique().sparse().named("fact_1"));
    }

    @Override
    public boolean offer(Suggestion s) {
        try {
            mongo.insert(new SuggestionDocument(s.id(), digests.of(s.fact()), s.source(), s.personKind(),
                    s.personRef(), s.schoolCode(),
                    s.suggestedKind(), s.subject(), s.talentForTeaching(), s.reliability(), s.ambition(),
                    s.occurredOn(), s.receivedAt(), s.status(), s.talentId(), s.decidedOn()));
            return true;
        } catch (DuplicateKeyException suggestedBefore) {
            return false;
        }
    }

    @Override
    public Optional<Suggestion> find(String id) {
        return Optional.ofNullable(mongo.findById(id, SuggestionDocument.class)).map(MongoSuggestions::toDomain);
    }

    @Override
    public List<Suggestion> open(Collection<String> schoolCodes) {
        Criteria criteria = Criteria.where("status").is(SuggestionStatus.OPEN);
        if (schoolCodes != null) {
            criteria = criteria.and("schoolCode").in(schoolCodes);
        }
        return mongo.find(Query.query(criteria)
                        .with(Sort.by("receivedAt", "_id")).limit(LIST_LIMIT), SuggestionDocument.class)
                .stream().map(MongoSuggestions::toDomain).toList();
    }

    @Override
    public boolean decide(Suggestion decided) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(decided.id())
                        .and("status").is(SuggestionStatus.OPEN)),
                new Update().set("status", decided.status()).set("talentId", decided.talentId())
                        .set("decidedOn", decided.decidedOn()), SuggestionDocument.class).getModifiedCount() == 1;
    }

    @Override
    public int anonymiseReceivedBefore(Instant moment, int limit) {
        Query due = Query.query(Criteria.where("receivedAt").lt(moment).and("personRef").ne(ERASED))
                .with(Sort.by("receivedAt", "_id")).limit(limit);
        due.fields().include("_id");
        List<String> ids = mongo.find(due, org.bson.Document.class, SuggestionDocument.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
        if (ids.isEmpty()) {
            return 0;
        }
        // An open one leaves the inbox as an erased one does; a decided one keeps its decision and talent id.
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and("status").is(SuggestionStatus.OPEN)),
                new Update().set("status", SuggestionStatus.ERASED), SuggestionDocument.class);
        return (int) mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and("personRef").ne(ERASED)),
                new Update().set("personRef", ERASED).unset("talentForTeaching").unset("reliability"),
                SuggestionDocument.class).getModifiedCount();
    }

    @Override
    public int anonymise(PersonKind personKind, String personRef) {
        return (int) mongo.updateMulti(Query.query(Criteria.where("personKind").is(personKind)
                        .and("personRef").is(personRef)),
                new Update().set("personRef", ERASED).set("status", SuggestionStatus.ERASED),
                SuggestionDocument.class).getModifiedCount();
    }

    private static Suggestion toDomain(SuggestionDocument d) {
        return Suggestion.restore(d.id(), d.source(), d.personKind(), d.personRef(), d.schoolCode(),
                d.suggestedKind(), d.subject(), d.talentForTeaching(), d.reliability(), d.ambition(), d.occurredOn(),
                d.receivedAt(), d.status(), d.talentId(), d.decidedOn());
    }
}
