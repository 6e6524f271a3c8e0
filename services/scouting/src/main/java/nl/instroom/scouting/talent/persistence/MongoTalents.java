package nl.instroom.scouting.talent.persistence;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.events.scouting.TalentStage;
import nl.instroom.scouting.talent.domain.Talent;
import nl.instroom.scouting.talent.domain.Talents;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per talent with its outbox. The flag date, openness and ambassador school are stored as fields of
 * their own (derived from the history) so the funnel, duplicate and coverage queries can filter on them.
 */
@Repository
class MongoTalents implements Talents {

    @Document(TalentDocument.COLLECTION)
    record TalentDocument(@Id String id, PersonKind personKind, String personRef, TalentKind kind, String region,
            String schoolCode, String rationale, String suggestionId, TalentStage stage, List<Talent.Step> history,
            LocalDate flaggedOn, boolean open, LocalDate nextStepOn, Talent.Ambassadorship ambassadorship,
            String ambassadorSchool, List<Talent.Activity> activities, long revision, @Version Long version,
            List<PendingEvent> outbox) implements AggregateDocuments.WithOutbox {

        static final String COLLECTION = "talents";
    }

    private final MongoTemplate mongo;
    private final AggregateDocuments documents;

    MongoTalents(MongoTemplate mongo, AggregateDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    @Override
    public Optional<Talent> find(String id) {
        return Optional.ofNullable(mongo.findById(id, TalentDocument.class)).map(MongoTalents::toDomain);
    }

    @Override
    public void save(Talent t) {
        documents.save(TalentDocument.class, t.id(), t.loadedRevision(), t.registeredEvents(), (version, outbox) ->
                new TalentDocument(t.id(), t.personKind(), t.personRef(), t.kind(), t.region(), t.schoolCode(),
                        t.rationale(), t.suggestionId(), t.stage(), t.history(), t.flaggedOn(), !t.closed(),
                        t.nextStepOn(), t.ambassadorship(),
                        t.ambassadorship() == null ? null : t.ambassadorship().schoolCode(), t.activities(),
                        t.revision(), version, outbox));
    }

    @Override
    public List<Talent> list(String region, TalentStage stage, PersonKind personKind, LocalDate nextStepDueBy) {
        Criteria criteria = new Criteria();
        if (region != null) {
            criteria = criteria.and("region").is(region);
        }
        if (stage != null) {
            criteria = criteria.and("stage").is(stage);
        }
        if (personKind != null) {
            criteria = criteria.and("personKind").is(personKind);
        }
        if (nextStepDueBy != null) {
            criteria = criteria.and("nextStepOn").lte(nextStepDueBy);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("flaggedOn", "_id")).limit(LIST_LIMIT),
                TalentDocument.class).stream().map(MongoTalents::toDomain).toList();
    }

    @Override
    public boolean openFor(PersonKind personKind, String personRef) {
        return mongo.exists(Query.query(Criteria.where("personKind").is(personKind).and("personRef").is(personRef)
                .and("open").is(true)), TalentDocument.class);
    }

    @Override
    public List<Talent> flaggedBetween(String region, LocalDate from, LocalDate to) {
        return mongo.find(Query.query(Criteria.where("region").is(region).and("flaggedOn").gte(from).lte(to)),
                TalentDocument.class).stream().map(MongoTalents::toDomain).toList();
    }

    @Override
    public List<Talent> ambassadorsIn(String region) {
        return mongo.find(Query.query(Criteria.where("region").is(region).and("ambassadorSchool").ne(null)),
                TalentDocument.class).stream().map(MongoTalents::toDomain).toList();
    }

    @Override
    public List<Talent> closedPage(String afterId, int limit) {
        Criteria notYetForgotten = new Criteria().orOperator(Criteria.where("personRef").ne(Talent.ERASED),
                Criteria.where("rationale").ne(null));
        return mongo.find(Query.query(Criteria.where("open").is(false).and("_id").gt(afterId == null ? "" : afterId)
                        .andOperator(notYetForgotten)).with(Sort.by("_id")).limit(limit), TalentDocument.class)
                .stream().map(MongoTalents::toDomain).toList();
    }

    @Override
    public int dropRationale(Collection<String> talentIds) {
        // Only closed talents: one reopened meanwhile cannot be, but the condition says what the rule relies on.
        return (int) mongo.updateMulti(Query.query(Criteria.where("_id").in(talentIds).and("open").is(false)
                        .and("rationale").ne(null)), new Update().unset("rationale").inc("revision", 1),
                TalentDocument.class).getModifiedCount();
    }

    @Override
    public int anonymiseTalents(Collection<String> talentIds) {
        return (int) mongo.updateMulti(Query.query(Criteria.where("_id").in(talentIds).and("open").is(false)
                        .and("personRef").ne(Talent.ERASED)),
                new Update().set("personRef", Talent.ERASED).unset("rationale").inc("revision", 1),
                TalentDocument.class).getModifiedCount();
    }

    @Override
    public int anonymise(PersonKind personKind, String personRef) {
        // The revision moves on, so a change made from a copy loaded before the erasure is refused (409) instead of
        // writing the person's reference back.
        return (int) mongo.updateMulti(Query.query(Criteria.where("personKind").is(personKind)
                        .and("personRef").is(personRef)),
                new Update().set("personRef", Talent.ERASED).unset("rationale").inc("revision", 1),
                TalentDocument.class).getModifiedCount();
    }

    private static Talent toDomain(TalentDocument d) {
        return Talent.restore(d.id(), d.personKind(), d.personRef(), d.kind(), d.region(), d.schoolCode(),
                d.rationale(), d.suggestionId(), d.stage(), d.history() == null ? List.of() : d.history(),
                d.nextStepOn(), d.ambassadorship(), d.activities() == null ? List.of() : d.activities(),
                d.revision());
    }
}
